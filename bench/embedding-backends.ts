/**
 * A word-level language model's training step on the two backends LayerLab has without a GPU,
 * side by side: the CPU backend (with LayerLab's segment sum) against WASM (with the segment sum
 * LayerLab gives it, `shared/training/fast-kernels.ts`). The network is the next-word starter on
 * tests/fixtures/gpl-3.txt: Embedding(943, 32) → LSTM(64) → Dense(943, softmax), batches of 32
 * windows of 5 words. Reports the ratio (CPU ÷ WASM), not timings to hold.
 * Run with: npx tsx bench/embedding-backends.ts
 */
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { installFastKernels } from '../shared/training/fast-kernels';

tf.env().set('PROD', true);
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setWasmPaths(`${path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`);

const words = 943;
const window = 5;
const batches = 10;

/** Milliseconds per batch of one epoch on `backend`, after a warm-up epoch. */
async function perBatch(backend: 'cpu' | 'wasm'): Promise<number> {
  await tf.setBackend(backend);
  installFastKernels(tf);
  const samples = batches * 32;
  const x = tf.tensor2d(
    Array.from({ length: samples * window }, (_, index) => (index * 7) % words),
    [samples, window],
    'int32',
  );
  const y = tf.tensor1d(Array.from({ length: samples }, (_, index) => (index * 3) % words));
  const model = tf.sequential({
    layers: [
      tf.layers.embedding({ inputDim: words, outputDim: 32, inputLength: window }),
      tf.layers.lstm({ units: 64 }),
      tf.layers.dense({ units: words, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy' });
  await model.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 });
  const started = performance.now();
  await model.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 });
  const elapsed = (performance.now() - started) / batches;
  model.dispose();
  tf.dispose([x, y]);
  return elapsed;
}

const rounds = 3;
const cpu: number[] = [];
const wasm: number[] = [];
// Alternate the backends round by round, so drift in the machine's load hits both alike.
for (let round = 0; round < rounds; round += 1) {
  cpu.push(await perBatch('cpu'));
  wasm.push(await perBatch('wasm'));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(
  `one batch of 32 windows of ${window} words, ${words} words, forward and back (median of ${rounds} rounds):`,
);
console.log(`  CPU  ${median(cpu).toFixed(1)} ms`);
console.log(`  WASM ${median(wasm).toFixed(1)} ms`);
console.log(`  ratio (CPU ÷ WASM): ${(median(cpu) / median(wasm)).toFixed(1)}`);
