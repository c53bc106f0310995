/**
 * Keras' orthogonal initialiser, computed in plain TypeScript. tf.js computes it with a QR
 * decomposition on the active backend, which stalls a model build for seconds (16 s for an
 * LSTM(128) in Node, 34 s on WebGL); here it takes milliseconds on the CPU, whatever the backend.
 * Reads nothing but its arguments.
 */
import { createNormal } from './random.js';

/**
 * An orthogonal matrix for a weight of `shape` (flattened to rows × last axis, as Keras does):
 * orthonormal columns when rows ≥ columns, orthonormal rows otherwise; scaled by `gain`.
 * Returned row-major, ready for `tf.tensor(values, shape)`.
 */
export function orthogonalValues(shape: readonly number[], seed: number, gain = 1): Float32Array {
  const columns = shape[shape.length - 1] ?? 1;
  const rows = shape.slice(0, -1).reduce((product, dim) => product * dim, 1);
  // Keras draws a tall matrix (long side × short side), takes Q from its QR and transposes Q
  // when the weight is wide.
  const tall = Math.max(rows, columns);
  const short = Math.min(rows, columns);
  const normal = createNormal(seed);
  const q = new Float64Array(tall * short); // column-major: column j at [j * tall, (j + 1) * tall)
  for (let index = 0; index < q.length; index += 1) q[index] = normal();

  // Modified Gram–Schmidt, each column orthogonalised twice for stability ("twice is enough").
  // Its R has a positive diagonal, which is what Keras' sign correction q *= sign(diag(r)) makes.
  for (let j = 0; j < short; j += 1) {
    const column = j * tall;
    for (let pass = 0; pass < 2; pass += 1) {
      for (let k = 0; k < j; k += 1) {
        const other = k * tall;
        let dot = 0;
        for (let i = 0; i < tall; i += 1) dot += (q[other + i] ?? 0) * (q[column + i] ?? 0);
        for (let i = 0; i < tall; i += 1) q[column + i] = (q[column + i] ?? 0) - dot * (q[other + i] ?? 0);
      }
    }
    let norm = 0;
    for (let i = 0; i < tall; i += 1) norm += (q[column + i] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < tall; i += 1) q[column + i] = (q[column + i] ?? 0) / norm;
  }

  const values = new Float32Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      // A tall weight is Q itself; a wide one is Qᵀ.
      const value = rows >= columns ? (q[c * tall + r] ?? 0) : (q[r * tall + c] ?? 0);
      values[r * columns + c] = gain * value;
    }
  }
  return values;
}
