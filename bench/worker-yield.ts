/**
 * What yielding after every batch costs inside a browser's dedicated worker, where LayerLab
 * trains. tf.js yields with tf.nextFrame(), which is requestAnimationFrame wherever that exists,
 * and Chromium gives dedicated workers requestAnimationFrame: each batch then waits for the next
 * display frame. Node has no requestAnimationFrame (tf.js uses setImmediate there), so
 * bench/train-throughput.ts cannot see this. Here, in headless Chromium, the lesson's bare
 * model.fit runs three ways, interleaved: no callbacks; an onBatchEnd with yieldEvery 'batch'
 * (what trainModel asks for); the same with a MessageChannel yield passed as nextFrameFunc.
 *
 *   npx tsx bench/worker-yield.ts [--rounds N]
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { markdownTable, spread } from './stats';

const { values: options } = parseArgs({ options: { rounds: { type: 'string' } } });
const rounds = options.rounds ? Number(options.rounds) : 5;
const require = createRequire(import.meta.url);

const files: Record<string, { path: string; type: string }> = {
  '/tf.min.js': { path: require.resolve('@tensorflow/tfjs/dist/tf.min.js'), type: 'text/javascript' },
  '/tf-backend-wasm.min.js': {
    path: require.resolve('@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js'),
    type: 'text/javascript',
  },
  '/wasm/tfjs-backend-wasm.wasm': {
    path: require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
    type: 'application/wasm',
  },
  '/wasm/tfjs-backend-wasm-simd.wasm': {
    path: require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'),
    type: 'application/wasm',
  },
};

/** Runs in the worker: the lesson (8 windows of 3 one-hot characters → 8 classes), 300 epochs. */
const workerSource = `
importScripts('/tf.min.js', '/tf-backend-wasm.min.js');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
tf.wasm.setWasmPaths('/wasm/');
const epochs = 300;
const channel = new MessageChannel();
const messageYield = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
const ways = {
  'bare fit': {},
  "onBatchEnd + yieldEvery 'batch' (trainModel today)": { yieldEvery: 'batch', callbacks: { onBatchEnd: async () => {} } },
  '… with nextFrameFunc: MessageChannel': { yieldEvery: 'batch', callbacks: { onBatchEnd: async () => {}, nextFrameFunc: messageYield } },
};
async function once(extras, runEpochs) {
  const model = tf.sequential({ layers: [
    tf.layers.simpleRNN({ units: 50, inputShape: [3, 8] }),
    tf.layers.dense({ units: 8, activation: 'softmax' }),
  ] });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const xs = tf.oneHot(tf.tensor2d([[3,2,4],[2,4,4],[4,4,5],[4,5,0],[5,0,7],[0,7,5],[7,5,6],[5,6,4]], [8, 3], 'int32'), 8).toFloat();
  const ys = tf.tensor1d([4, 5, 0, 7, 5, 6, 4, 1]);
  const started = performance.now();
  await model.fit(xs, ys, { epochs: runEpochs, batchSize: 32, shuffle: true, verbose: 0, ...extras });
  const seconds = (performance.now() - started) / 1000;
  tf.dispose([xs, ys]); model.dispose();
  return (8 * runEpochs) / seconds;
}
onmessage = async (event) => {
  const { backend, rounds } = event.data;
  await tf.setBackend(backend); await tf.ready();
  const results = Object.fromEntries(Object.keys(ways).map((name) => [name, []]));
  for (const extras of Object.values(ways)) await once(extras, 20);
  for (let round = 0; round < rounds; round += 1) {
    const names = Object.keys(ways);
    for (const name of round % 2 === 0 ? names : names.reverse()) results[name].push(await once(ways[name], epochs));
  }
  postMessage({ backend: tf.getBackend(), results });
};`;

const server = createServer((request, response) => {
  const file = files[request.url ?? ''];
  if (request.url === '/worker.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(workerSource);
  } else if (request.url === '/') {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>worker yield</title>');
  } else if (file) {
    response.writeHead(200, { 'content-type': file.type }).end(readFileSync(file.path));
  } else {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const rows: string[][] = [];
  for (const backend of ['wasm', 'cpu']) {
    const measured = await page.evaluate(
      ({ backend, rounds }) =>
        new Promise<{ backend: string; results: Record<string, number[]> }>((resolve, reject) => {
          const worker = new Worker('/worker.js');
          worker.onmessage = (event) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage({ backend, rounds });
        }),
      { backend, rounds },
    );
    const bare = measured.results['bare fit'] ?? [];
    for (const [name, speeds] of Object.entries(measured.results)) {
      const ratios = speeds.map((speed, round) => speed / (bare[round] ?? NaN));
      rows.push([name, measured.backend, spread(speeds), spread(ratios)]);
    }
  }
  console.log(
    `Chromium ${browser.version()}, lesson (SimpleRNN(50), 8 windows, batch 32), 300 epochs, ${rounds} rounds\n`,
  );
  console.log(markdownTable(['fit in a dedicated worker', 'backend', 'samples/s', 'ratio ÷ bare fit'], rows));
} finally {
  await browser.close();
  server.close();
}
