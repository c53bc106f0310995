import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installFastKernels } from './fast-kernels';

// Importing the WASM backend makes it tf.js' first choice: the tensors below are made on the CPU.
await tf.setBackend('cpu');

/** The filter gradient of a convolution, as the kernel registered now computes it. */
function filterGradient(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  strides: [number, number],
  padding: 'valid' | 'same',
): Float32Array {
  return tf.tidy(() => {
    const gradient = tf.grad((w: tf.Tensor) =>
      tf
        .conv2d(x, w as tf.Tensor4D, strides, padding)
        .square()
        .sum(),
    )(filter);
    return gradient.dataSync() as Float32Array;
  });
}

const cases = [
  { name: 'an 8×8 digit batch, 3×3, valid', x: [32, 8, 8, 1], w: [3, 3, 1, 8], strides: [1, 1], padding: 'valid' },
  { name: 'channels in and out, same padding', x: [5, 7, 6, 4], w: [3, 3, 4, 6], strides: [1, 1], padding: 'same' },
  { name: 'strides of 2, an even kernel', x: [3, 9, 9, 2], w: [2, 2, 2, 3], strides: [2, 2], padding: 'same' },
  { name: 'uneven strides and kernel', x: [2, 10, 7, 3], w: [3, 1, 3, 2], strides: [2, 1], padding: 'valid' },
] as const;

/** The gradient of an Embedding's table: the rows its ids looked up, summed by id. */
function tableGradient(table: tf.Tensor2D, ids: tf.Tensor2D): Float32Array {
  return tf.tidy(() => {
    const gradient = tf.grad((t: tf.Tensor) => tf.gather(t, ids).square().sum())(table);
    return gradient.dataSync() as Float32Array;
  });
}

const lookups = [
  { name: 'a batch of 32 texts of 94 words, 2,726 words of 16', words: 2726, width: 16, ids: [32, 94] },
  { name: 'a vocabulary larger than the batch, some words unseen', words: 500, width: 3, ids: [4, 7] },
  { name: 'every id the same word', words: 10, width: 8, ids: [6, 5], same: true },
] as const;

// Computed with tf.js' own kernels first, then with LayerLab's, on the same tensors.
const stock = cases.map((entry, index) => {
  const x = tf.randomNormal([...entry.x], 0, 1, 'float32', index + 1) as tf.Tensor4D;
  const w = tf.randomNormal([...entry.w], 0, 1, 'float32', index + 100) as tf.Tensor4D;
  return { entry, x, w };
});
const tables = lookups.map((entry, index) => {
  const table = tf.randomNormal([entry.words, entry.width], 0, 1, 'float32', index + 200) as tf.Tensor2D;
  const drawn = tf.randomUniform([...entry.ids], 0, entry.words, 'int32', index + 300) as tf.Tensor2D;
  const ids = 'same' in entry ? (tf.fill([...entry.ids], 7, 'int32') as tf.Tensor2D) : drawn;
  return { entry, table, ids };
});
/** The filter gradient kernel run alone on the backend in use, given x and dy. */
function filterKernel(x: tf.Tensor4D, dy: tf.Tensor4D, w: readonly number[], strides: [number, number], pad: string) {
  const attrs = { strides, pad, dataFormat: 'NHWC', dimRoundingMode: undefined, filterShape: [...w] };
  const out = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as never) as tf.Tensor;
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}
// The gradient flowing back into each case's convolution: drawn, so that both backends get the same.
const flowing = stock.map(({ entry, x, w }, index) =>
  tf.randomNormal(tf.conv2d(x, w, [...entry.strides], entry.padding).shape, 0, 1, 'float32', index + 400),
) as tf.Tensor4D[];
let before: Float32Array[] = [];
let kernelBefore: Float32Array[] = [];
let tablesBefore: Float32Array[] = [];
const stockKernels = {
  Conv2DBackpropFilter: tf.getKernel('Conv2DBackpropFilter', 'cpu')?.kernelFunc,
  UnsortedSegmentSum: tf.getKernel('UnsortedSegmentSum', 'cpu')?.kernelFunc,
  wasmSegmentSum: tf.getKernel('UnsortedSegmentSum', 'wasm')?.kernelFunc,
  wasmFilterGradient: tf.getKernel('Conv2DBackpropFilter', 'wasm')?.kernelFunc,
};

beforeAll(() => {
  before = stock.map(({ entry, x, w }) => filterGradient(x, w, [...entry.strides], entry.padding));
  kernelBefore = stock.map(({ entry, x }, index) =>
    filterKernel(x, flowing[index] as tf.Tensor4D, entry.w, [...entry.strides], entry.padding),
  );
  // tf.js' own segment sum takes seconds on the largest case: it is the reason for LayerLab's.
  tablesBefore = tables.map(({ table, ids }) => tableGradient(table, ids));
  installFastKernels(tf);
  installFastKernels(tf);
}, 120_000);

describe('the CPU filter gradient LayerLab installs', () => {
  it.each(cases.map((entry, index) => ({ name: entry.name, index })))(
    'gives bit-identical gradients to tf.js’ kernel: $name',
    ({ index }) => {
      const found = stock[index];
      if (!found) throw new Error('no case');
      const after = filterGradient(found.x, found.w, [...found.entry.strides], found.entry.padding);
      expect(after.length).toBe(before[index]?.length);
      expect(Array.from(after)).toEqual(Array.from(before[index] ?? []));
      expect(after.some((value) => value !== 0)).toBe(true);
    },
  );

  it('is the kernel tf.js now runs on the CPU', () => {
    // Without this, the comparison above would compare tf.js' kernel with itself.
    expect(stockKernels.Conv2DBackpropFilter).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')?.kernelFunc).not.toBe(stockKernels.Conv2DBackpropFilter);
  });
});

describe('the CPU segment sum LayerLab installs, the gradient of an Embedding', () => {
  it.each(lookups.map((entry, index) => ({ name: entry.name, index })))(
    'gives bit-identical gradients to tf.js’ kernel: $name',
    ({ index }) => {
      const found = tables[index];
      if (!found) throw new Error('no case');
      const after = tableGradient(found.table, found.ids);
      expect(after.length).toBe(found.entry.words * found.entry.width);
      expect(Array.from(after)).toEqual(Array.from(tablesBefore[index] ?? []));
      expect(after.some((value) => value !== 0)).toBe(true);
    },
  );

  it('is the kernel tf.js now runs on the CPU', () => {
    expect(stockKernels.UnsortedSegmentSum).toBeDefined();
    expect(tf.getKernel('UnsortedSegmentSum', 'cpu')?.kernelFunc).not.toBe(stockKernels.UnsortedSegmentSum);
  });
});

describe('the WASM segment sum LayerLab adds, so that an Embedding trains on WASM', () => {
  let onWasm: Float32Array[] = [];
  beforeAll(async () => {
    // The single-threaded build: Node has no Web Workers for the threaded one.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(`${path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`);
    await tf.setBackend('wasm');
    onWasm = tables.map(({ table, ids }) =>
      tableGradient(tf.tensor2d(table.arraySync()), tf.tensor2d(ids.arraySync(), undefined, 'int32')),
    );
  }, 60_000);
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is one tf.js does not have: without it, WASM cannot take an Embedding’s gradient', () => {
    expect(stockKernels.wasmSegmentSum).toBeUndefined();
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('UnsortedSegmentSum', 'wasm')).toBeDefined();
  });

  it.each(lookups.map((entry, index) => ({ name: entry.name, index })))(
    'gives gradients bit-identical to tf.js’ CPU kernel: $name',
    ({ index }) => {
      const after = onWasm[index] ?? new Float32Array();
      expect(after.length).toBe((lookups[index]?.words ?? 0) * (lookups[index]?.width ?? 0));
      expect(Array.from(after)).toEqual(Array.from(tablesBefore[index] ?? []));
      expect(after.some((value) => value !== 0)).toBe(true);
    },
  );
});

describe('the WASM filter gradient LayerLab adds, so that a CNN trains on WASM', () => {
  let kernelOnWasm: Float32Array[] = [];
  let gradientOnWasm: Float32Array[] = [];
  beforeAll(async () => {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(`${path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`);
    await tf.setBackend('wasm');
    // The same values, copied onto the WASM backend.
    const onWasm = (tensor: tf.Tensor) =>
      tf.tensor4d(tensor.dataSync(), tensor.shape as [number, number, number, number]);
    kernelOnWasm = stock.map(({ entry, x }, index) =>
      filterKernel(onWasm(x), onWasm(flowing[index] as tf.Tensor4D), entry.w, [...entry.strides], entry.padding),
    );
    gradientOnWasm = stock.map(({ entry, x, w }) =>
      filterGradient(onWasm(x), onWasm(w), [...entry.strides], entry.padding),
    );
  }, 60_000);
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is one tf.js does not have: without it, WASM cannot take a convolution’s gradient', () => {
    expect(stockKernels.wasmFilterGradient).toBeUndefined();
    expect(tf.getBackend()).toBe('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
  });

  it.each(cases.map((entry, index) => ({ name: entry.name, index })))(
    'given the same x and dy, gives values bit-identical to tf.js’ CPU kernel: $name',
    ({ index }) => {
      const after = kernelOnWasm[index] ?? new Float32Array();
      expect(after.length).toBe(kernelBefore[index]?.length);
      expect(Array.from(after)).toEqual(Array.from(kernelBefore[index] ?? []));
      expect(after.some((value) => value !== 0)).toBe(true);
    },
  );

  it.each(cases.map((entry, index) => ({ name: entry.name, index })))(
    'through a whole backward pass on WASM, agrees with the CPU backend within float tolerance: $name',
    ({ index }) => {
      const after = gradientOnWasm[index] ?? new Float32Array();
      const expected = before[index] ?? new Float32Array();
      expect(after.length).toBe(expected.length);
      const scale = Math.max(...Array.from(expected, Math.abs));
      // WASM's forward convolution (XNNPACK) sums in another order: the last bits may differ.
      for (let at = 0; at < after.length; at += 1)
        expect(Math.abs((after[at] ?? 0) - (expected[at] ?? 0))).toBeLessThanOrEqual(scale * 1e-5);
    },
  );
});
