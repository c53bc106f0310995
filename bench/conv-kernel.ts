/**
 * LayerLab's CPU filter gradient (`shared/training/fast-kernels.ts`) against tf.js' own, side by
 * side on the same tensors: one training step of the digits CNN's two convolutions, and the whole
 * lesson's first epochs. Reports ratios (tf.js' time ÷ LayerLab's), not timings.
 * Run with: npx tsx bench/conv-kernel.ts
 */
import * as tf from '@tensorflow/tfjs';
import { installFastKernels } from '../shared/training/fast-kernels';

await tf.setBackend('cpu');
tf.env().set('PROD', true);

const x = tf.randomNormal([32, 8, 8, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
const w1 = tf.randomNormal([3, 3, 1, 8], 0, 1, 'float32', 2) as tf.Tensor4D;
const w2 = tf.randomNormal([3, 3, 8, 16], 0, 1, 'float32', 3) as tf.Tensor4D;
// One batch of the digits CNN's convolutions, forward and backward.
const step = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
  tf
    .maxPool(
      tf.relu(tf.conv2d(tf.relu(tf.conv2d(x, a as tf.Tensor4D, 1, 'valid')), b as tf.Tensor4D, 1, 'valid')),
      2,
      2,
      'valid',
    )
    .sum(),
);

function timeSteps(count: number): number {
  tf.dispose(step([w1, w2]));
  const started = performance.now();
  for (let index = 0; index < count; index += 1) tf.dispose(step([w1, w2]));
  return (performance.now() - started) / count;
}

const rounds = 5;
const stock: number[] = [];
const fast: number[] = [];
const original = tf.getKernel('Conv2DBackpropFilter', 'cpu');
if (!original) throw new Error('no CPU kernel');
installFastKernels(tf);
const installed = tf.getKernel('Conv2DBackpropFilter', 'cpu');
if (!installed) throw new Error('not installed');
// Alternate the two kernels round by round, so drift in the machine's load hits both alike.
for (let round = 0; round < rounds; round += 1) {
  tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
  tf.registerKernel(original);
  stock.push(timeSteps(20));
  tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
  tf.registerKernel(installed);
  fast.push(timeSteps(20));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(`one batch of 32, two convolutions forward and back (median of ${rounds} rounds of 20):`);
console.log(`  tf.js kernel    ${median(stock).toFixed(1)} ms`);
console.log(`  LayerLab kernel ${median(fast).toFixed(1)} ms`);
console.log(`  ratio (tf.js ÷ LayerLab): ${(median(stock) / median(fast)).toFixed(1)}`);
