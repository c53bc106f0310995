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
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { markdownTable, spread } from './stats';
import { seedLessonSource, serveTfjsPage } from './tfjs-page';

const { values: options } = parseArgs({ options: { rounds: { type: 'string' } } });
const rounds = options.rounds ? Number(options.rounds) : 5;

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
${seedLessonSource}
async function once(extras, runEpochs) {
  const { model, xs, ys } = seedLesson();
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

const { origin, close } = await serveTfjsPage(workerSource);
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
  close();
}
