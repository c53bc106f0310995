/** Tensor shapes as Keras writes them. Reads nothing but its arguments. */

/**
 * A tensor shape with the batch axis first. `null` marks a size not known until data arrives: the
 * batch always, sometimes a time axis.
 */
export type Shape = readonly (number | null)[];

/** `(None, 3, 8)`, `(None, 50)`, `(None,)`: the way Keras' summary prints shapes. */
export function formatShape(shape: Shape): string {
  const dims = shape.map((dim) => (dim === null ? 'None' : String(dim)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((dim, index) => dim === b[index]);
}

/**
 * Whether a layer expecting `expected` takes tensors of `given`: the same rank, each size equal,
 * or left open (None) in `expected` (an Input of (None, 8) takes sequences of any length).
 */
export function shapeAccepts(expected: Shape, given: Shape): boolean {
  return expected.length === given.length && expected.every((dim, index) => dim === null || dim === given[index]);
}

/** The number of values in one sample (all axes but the batch), or null if any is unknown. */
export function sampleSize(shape: Shape): number | null {
  let size = 1;
  for (const dim of shape.slice(1)) {
    if (dim === null) return null;
    size *= dim;
  }
  return size;
}

/** The last axis' size: the features of a Dense or recurrent input. */
export function lastDim(shape: Shape): number | null {
  return shape[shape.length - 1] ?? null;
}
