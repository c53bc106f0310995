/**
 * The helper functions an exported TypeScript program may need, as source text: LayerLab's seeded
 * random numbers (shared/math/random.ts), its orthogonal initialiser (shared/math/orthogonal.ts)
 * and its per-epoch shuffle (shared/training/train.ts), copied so the program repeats the app's
 * run number for number. A program holds only the ones it calls. Reads nothing but its arguments.
 */

export type TypeScriptHelper =
  | 'mulberry32'
  | 'normalSampler'
  | 'orthogonal'
  | 'replaceWeight'
  | 'shuffledIndices'
  | 'kerasLogs'
  | 'describeLogs'
  | 'fastConvKernel'
  | 'fastSegmentSumKernel'
  | 'carriedTensor'
  | 'nearestReal';

/** What each helper calls, so asking for one brings those along. */
const needs: Record<TypeScriptHelper, TypeScriptHelper[]> = {
  mulberry32: [],
  normalSampler: ['mulberry32'],
  orthogonal: ['normalSampler'],
  replaceWeight: [],
  shuffledIndices: [],
  kerasLogs: [],
  describeLogs: [],
  fastConvKernel: [],
  fastSegmentSumKernel: [],
  carriedTensor: [],
  nearestReal: [],
};

const sources: Record<TypeScriptHelper, string> = {
  carriedTensor: `
/** A trained weight written into the program: float32 values, little-endian, in base64. */
function carriedTensor(shape: number[], base64: string): tf.Tensor {
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  const values = Float32Array.from({ length: bytes.length / 4 }, (_, index) => view.getFloat32(index * 4, true));
  return tf.tensor(values, shape);
}`,
  mulberry32: `
/** mulberry32: a small seeded generator of numbers in [0, 1), the one LayerLab uses. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}`,
  normalSampler: `
/** Standard normal samples by the Box–Muller transform, two per pair of uniform numbers. */
function normalSampler(seed: number): () => number {
  const uniform = mulberry32(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  };
}`,
  orthogonal: `
/**
 * Keras' orthogonal initialiser, computed as LayerLab computes it: normal samples made orthonormal
 * by Gram–Schmidt (each column twice, which is enough for accuracy). The weight is flattened to
 * rows × last axis; a tall one gets orthonormal columns, a wide one orthonormal rows.
 */
function orthogonal(shape: number[], seed: number): tf.Tensor {
  const columns = shape[shape.length - 1];
  const rows = shape.slice(0, -1).reduce((product, size) => product * size, 1);
  const tall = Math.max(rows, columns);
  const short = Math.min(rows, columns);
  const normal = normalSampler(seed);
  // \`short\` columns of \`tall\` samples, one column after the other.
  const q = Float64Array.from({ length: tall * short }, () => normal());
  for (let j = 0; j < short; j += 1) {
    const column = q.subarray(j * tall, (j + 1) * tall);
    for (let pass = 0; pass < 2; pass += 1) {
      for (let k = 0; k < j; k += 1) {
        const other = q.subarray(k * tall, (k + 1) * tall);
        let dot = 0;
        for (let i = 0; i < tall; i += 1) dot += other[i] * column[i];
        for (let i = 0; i < tall; i += 1) column[i] = column[i] - dot * other[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < tall; i += 1) norm += column[i] ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < tall; i += 1) column[i] = column[i] / norm;
  }
  const values = new Float32Array(rows * columns);
  for (let row = 0; row < rows; row += 1) {
    for (let col = 0; col < columns; col += 1) {
      // A tall weight is Q itself; a wide one is Q transposed.
      values[row * columns + col] = rows >= columns ? q[col * tall + row] : q[row * tall + col];
    }
  }
  return tf.tensor(values, shape);
}`,
  replaceWeight: `
/** Puts \`values\` in place of the layer's weight number \`index\` (its place in getWeights()). */
function replaceWeight(layer: tf.layers.Layer, index: number, values: tf.Tensor): void {
  const weights = layer.getWeights();
  weights[index] = values;
  layer.setWeights(weights);
}`,
  shuffledIndices: `
/** 0, 1, …, count - 1 in a random order (Fisher–Yates), as LayerLab shuffles each epoch. */
function shuffledIndices(count: number, random: () => number): Int32Array {
  const indices = Int32Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const held = indices[index];
    indices[index] = indices[other];
    indices[other] = held;
  }
  return indices;
}`,
  kerasLogs: `
/** One epoch's loss and metrics under Keras' names (tf.js logs \`accuracy\` as \`acc\`). */
function kerasLogs(history: tf.History): Record<string, number> {
  const logs: Record<string, number> = {};
  for (const [name, values] of Object.entries(history.history)) {
    logs[name.replace(/(^|_)acc$/, '$1accuracy')] = Number(values[0]);
  }
  return logs;
}`,
  fastConvKernel: `
/**
 * tf.js' CPU kernel for a convolution's filter gradient reads every value through
 * TensorBuffer.get, which makes a CNN train about ten times slower than it needs to on the CPU.
 * This one runs the same loops in the same order over flat arrays: the same numbers, sooner.
 * (LayerLab trains with the same kernel; channels-first data still goes to tf.js' own.)
 */
function installFastConvKernel(): void {
  const original = tf.getKernel('Conv2DBackpropFilter', 'cpu');
  if (!original) return;
  tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'cpu',
    kernelFunc: (args) => {
      const attrs = args.attrs as unknown as {
        strides: [number, number] | number;
        pad: 'valid' | 'same' | number;
        dataFormat: 'NHWC' | 'NCHW';
        dimRoundingMode?: 'floor' | 'round' | 'ceil';
        filterShape: [number, number, number, number];
      };
      if (attrs.dataFormat === 'NCHW') return original.kernelFunc(args);
      const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
      const backend = args.backend as unknown as {
        data: { get(dataId: unknown): { values: Float32Array } };
        makeTensorInfo(shape: number[], dtype: string, values: Float32Array): tf.TensorInfo;
      };
      const info = tf.backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number],
        attrs.filterShape,
        attrs.strides,
        1,
        attrs.pad,
        attrs.dimRoundingMode,
        false,
        'channelsLast',
      );
      const { strideHeight, strideWidth, filterHeight, filterWidth, inChannels, outChannels, batchSize } = info;
      const { inHeight, inWidth, outHeight, outWidth } = info;
      const xValues = backend.data.get(x.dataId).values;
      const dyValues = backend.data.get(dy.dataId).values;
      const dW = new Float32Array(filterHeight * filterWidth * inChannels * outChannels);
      const xRow = inWidth * inChannels;
      const dyRow = outWidth * outChannels;
      for (let wR = 0; wR < filterHeight; ++wR) {
        const yRMin = Math.max(0, Math.ceil((info.padInfo.top - wR) / strideHeight));
        const yRMax = Math.min(outHeight, (inHeight + info.padInfo.top - wR) / strideHeight);
        for (let wC = 0; wC < filterWidth; ++wC) {
          const yCMin = Math.max(0, Math.ceil((info.padInfo.left - wC) / strideWidth));
          const yCMax = Math.min(outWidth, (inWidth + info.padInfo.left - wC) / strideWidth);
          for (let d1 = 0; d1 < inChannels; ++d1) {
            for (let d2 = 0; d2 < outChannels; ++d2) {
              let dotProduct = 0;
              for (let b = 0; b < batchSize; ++b) {
                for (let yR = yRMin; yR < yRMax; ++yR) {
                  const xBase = b * inHeight * xRow + (wR + yR * strideHeight - info.padInfo.top) * xRow + d1;
                  const dyBase = b * outHeight * dyRow + yR * dyRow + d2;
                  for (let yC = yCMin; yC < yCMax; ++yC) {
                    const xC = wC + yC * strideWidth - info.padInfo.left;
                    dotProduct += xValues[xBase + xC * inChannels] * dyValues[dyBase + yC * outChannels];
                  }
                }
              }
              dW[((wR * filterWidth + wC) * inChannels + d1) * outChannels + d2] = dotProduct;
            }
          }
        }
      }
      return backend.makeTensorInfo([filterHeight, filterWidth, inChannels, outChannels], 'float32', dW);
    },
  });
}`,
  fastSegmentSumKernel: `
/**
 * tf.js' CPU kernel for an Embedding's gradient (a sum of rows by word) passes over the whole batch
 * once for every word of the vocabulary: thousands of words train at a few texts a second. This
 * one passes once, summing in the same order: the same numbers, hundreds of times sooner.
 * (LayerLab trains with the same kernel; whole-number sums still go to tf.js' own.)
 */
function installFastSegmentSumKernel(): void {
  const original = tf.getKernel('UnsortedSegmentSum', 'cpu');
  if (!original) return;
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'cpu',
    kernelFunc: (args) => {
      const { x, segmentIds } = args.inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      if (x.dtype !== 'float32') return original.kernelFunc(args);
      const { numSegments } = args.attrs as unknown as { numSegments: number };
      const backend = args.backend as unknown as {
        data: { get(dataId: unknown): { values: Float32Array | Int32Array } };
        makeTensorInfo(shape: number[], dtype: string, values: Float32Array): tf.TensorInfo;
      };
      const xValues = backend.data.get(x.dataId).values;
      const ids = backend.data.get(segmentIds.dataId).values;
      const width = ids.length === 0 ? 0 : xValues.length / ids.length;
      const sums = new Float64Array(numSegments * width);
      for (let row = 0; row < ids.length; ++row) {
        const segment = ids[row];
        if (segment < 0 || segment >= numSegments) continue;
        for (let column = 0; column < width; ++column) sums[segment * width + column] += xValues[row * width + column];
      }
      const shape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
      return backend.makeTensorInfo(shape, 'float32', Float32Array.from(sums));
    },
  });
}`,
  nearestReal: `
/**
 * For each image, its nearest real image by mean squared difference: that image's index, and the
 * difference (LayerLab's training/gan.ts).
 */
function nearestReal(
  images: Float32Array,
  count: number,
  real: Float32Array,
): { indices: number[]; distances: number[] } {
  const size = images.length / Math.max(count, 1);
  const realCount = real.length / size;
  const indices: number[] = [];
  const distances: number[] = [];
  for (let image = 0; image < count; image += 1) {
    let best = Infinity;
    let bestIndex = 0;
    for (let candidate = 0; candidate < realCount; candidate += 1) {
      let sum = 0;
      for (let pixel = 0; pixel < size && sum < best; pixel += 1) {
        const difference = (images[image * size + pixel] ?? 0) - (real[candidate * size + pixel] ?? 0);
        sum += difference * difference;
      }
      if (sum < best) {
        best = sum;
        bestIndex = candidate;
      }
    }
    indices.push(bestIndex);
    distances.push(best / size);
  }
  return { indices, distances };
}`,
  describeLogs: `
/** \`loss 0.1234, accuracy 1.0000\`. */
function describeLogs(logs: Record<string, number>): string {
  return Object.entries(logs)
    .map(([name, value]) => \`\${name} \${value.toFixed(4)}\`)
    .join(', ');
}`,
};

/** The source of `wanted` and what they call, in a fixed order. */
export function helperSources(wanted: Iterable<TypeScriptHelper>): string {
  const all = new Set<TypeScriptHelper>();
  const add = (helper: TypeScriptHelper) => {
    if (all.has(helper)) return;
    all.add(helper);
    needs[helper].forEach(add);
  };
  for (const helper of wanted) add(helper);
  const order = Object.keys(sources) as TypeScriptHelper[];
  return order
    .filter((helper) => all.has(helper))
    .map((helper) => sources[helper].trim())
    .join('\n\n');
}
