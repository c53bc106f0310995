import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { installFastCpuKernels } from './fast-kernels';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

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

describe('the CPU filter gradient LayerLab installs', () => {
  // Computed with tf.js' own kernel first, then with LayerLab's, on the same tensors.
  const stock = cases.map((entry, index) => {
    const x = tf.randomNormal([...entry.x], 0, 1, 'float32', index + 1) as tf.Tensor4D;
    const w = tf.randomNormal([...entry.w], 0, 1, 'float32', index + 100) as tf.Tensor4D;
    return { entry, x, w };
  });
  let before: Float32Array[] = [];

  beforeAll(() => {
    before = stock.map(({ entry, x, w }) => filterGradient(x, w, [...entry.strides], entry.padding));
    installFastCpuKernels(tf);
    installFastCpuKernels(tf);
  });

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
    const kernel = tf.getKernel('Conv2DBackpropFilter', 'cpu');
    expect(kernel?.kernelFunc.toString()).toContain('conv2dBackpropFilter(tf, args)');
  });
});
