/**
 * LayerLab's CPU segment sum (`shared/training/fast-kernels.ts`), the gradient of an Embedding's
 * lookup, against tf.js' own, side by side on the same tensors: one batch of the Debian package
 * descriptions (tests/fixtures/debian-packages.csv: 32 texts of 94 words, a vocabulary of 2,726
 * words of 16 numbers), looked up, averaged and differentiated. Reports the ratio (tf.js' time ÷
 * LayerLab's), not timings to hold.
 * Run with: npx tsx bench/segment-sum-kernel.ts
 */
import * as tf from '@tensorflow/tfjs';
import { installFastKernels } from '../shared/training/fast-kernels';

await tf.setBackend('cpu');
tf.env().set('PROD', true);

const table = tf.randomNormal([2726, 16], 0, 1, 'float32', 1) as tf.Tensor2D;
const ids = tf.randomUniform([32, 94], 0, 2726, 'int32', 2) as tf.Tensor2D;
const step = tf.grad((t: tf.Tensor) => tf.gather(t, ids).mean(1).square().sum());

function timeSteps(count: number): number {
  tf.dispose(step(table));
  const started = performance.now();
  for (let index = 0; index < count; index += 1) tf.dispose(step(table));
  return (performance.now() - started) / count;
}

const rounds = 3;
const stock: number[] = [];
const fast: number[] = [];
const original = tf.getKernel('UnsortedSegmentSum', 'cpu');
if (!original) throw new Error('no CPU kernel');
installFastKernels(tf);
const installed = tf.getKernel('UnsortedSegmentSum', 'cpu');
if (!installed) throw new Error('not installed');
// Alternate the two kernels round by round, so drift in the machine's load hits both alike.
// tf.js' kernel takes seconds a step: one step a round is enough to time it.
for (let round = 0; round < rounds; round += 1) {
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel(original);
  stock.push(timeSteps(1));
  tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel(installed);
  fast.push(timeSteps(20));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(`one batch of 32 texts of 94 words, 2,726 words of 16, forward and back (median of ${rounds} rounds):`);
console.log(`  tf.js kernel    ${median(stock).toFixed(1)} ms`);
console.log(`  LayerLab kernel ${median(fast).toFixed(1)} ms`);
console.log(`  ratio (tf.js ÷ LayerLab): ${(median(stock) / median(fast)).toFixed(0)}`);
