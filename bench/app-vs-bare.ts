/**
 * In-app training against a bare `model.fit` in the same browser on the same backend (issue 18,
 * goal 4): the seed lesson (SimpleRNN(50) over 8 windows of 3 one-hot characters → Dense(8),
 * Adam 0.001, batch 32, shuffled, accuracy) trained for EPOCHS epochs on WASM, by the app (the web
 * build in dist/, the lesson opened from the gallery, its own "Finished … in N s") and by the same
 * model fitted with no callbacks in a dedicated worker of a bare page (bench/tfjs-page.ts), in
 * turns, in one headless Chromium. The bare fit runs twice: with tf.js' own SimpleRNN, and with
 * the layer fused as LayerLab fuses it (fused-recurrent.ts, bundled for the page), which is the
 * same arithmetic as the app's: the app's own cost is the app against that one. Target: the app
 * at ≥ 0.95 × the bare fit's samples/s. The bare page is not cross-origin isolated: it runs on
 * one thread, the app on as many as it chooses (wasm-threads.ts), which it reports.
 * Run with `[ROUNDS=3] [EPOCHS=1000] npx tsx bench/app-vs-bare.ts` after `npm run build:renderer`.
 */
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { fusedLayersScript, seedLessonSource, serveTfjsPage } from './tfjs-page';
import { median, openLessonToTrain, serve, trainToTheEnd } from './web-builds';

const rounds = Number(process.env.ROUNDS ?? 3);
const epochs = Number(process.env.EPOCHS ?? 1000);
const samples = 8;

/** The lesson's model and data, fitted bare: samples per second over the timed epochs. */
const workerSource = `
importScripts('/tf.min.js', '/tf-backend-wasm.min.js', '/fused.js');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
tf.wasm.setWasmPaths('/wasm/');
${seedLessonSource}
onmessage = async (event) => {
  const { epochs, fused } = event.data;
  await tf.setBackend('wasm'); await tf.ready();
  const { model, xs, ys } = seedLesson();
  if (fused) LayerLabFused.fuseRecurrentLayers(tf, model);
  const started = performance.now();
  await model.fit(xs, ys, { epochs, batchSize: 32, shuffle: true, verbose: 0 });
  postMessage((${samples} * epochs) / ((performance.now() - started) / 1000));
};`;

async function bare(browser: Browser, origin: string, fused: boolean): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(
      (asked) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker('/worker.js');
          worker.onmessage = (event: MessageEvent<number>) => resolve(event.data);
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage(asked);
        }),
      { epochs, fused },
    );
  } finally {
    await page.close();
  }
}

let appBackend = '';

async function inApp(browser: Browser, address: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await openLessonToTrain(page, address, /RNN: next character/);
    await page.getByLabel('epochs').fill(String(epochs));
    await page.waitForTimeout(2000);
    const status = await trainToTheEnd(page, 300_000);
    if (!status.includes('WASM')) throw new Error(`the app did not train on WASM: ${status}`);
    appBackend = (await page.getByTestId('status-backend').getAttribute('title')) ?? '';
    const seconds = Number(/Finished [\d,]+ epochs in ([\d.]+) s/.exec(status)?.[1]);
    if (!Number.isFinite(seconds)) throw new Error(`no time in: ${status}`);
    return (samples * epochs) / seconds;
  } finally {
    await page.close();
  }
}

const page = await serveTfjsPage(workerSource, { '/fused.js': fusedLayersScript() });
const app = await serve(path.join(process.cwd(), 'dist'), 4489);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
const results = { bare: [] as number[], fused: [] as number[], app: [] as number[] };
try {
  for (let round = 0; round < rounds; round += 1) {
    // In turns, the order swapped each round, so that neither always runs on a warmer machine.
    const runs = [
      async () => void results.bare.push(await bare(browser, page.origin, false)),
      async () => void results.fused.push(await bare(browser, page.origin, true)),
      async () => void results.app.push(await inApp(browser, app.address)),
    ];
    for (const run of round % 2 === 0 ? runs : runs.reverse()) await run();
  }
} finally {
  await browser.close();
  page.close();
  app.server.httpServer.close();
}
const line = (name: string, runs: number[]) =>
  `${name.padEnd(28)} ${median(runs).toFixed(0)} samples/s (median of ${runs.length}; ${runs.map((speed) => speed.toFixed(0)).join(', ')})`;
console.log(`the seed lesson, ${epochs} epochs on WASM, Chromium ${browser.version()}`);
console.log(line('bare fit, tf.js’ SimpleRNN', results.bare));
console.log(line('bare fit, fused SimpleRNN', results.fused));
console.log(`${line('in app', results.app)}; ${appBackend}`);
const ratio = (over: number[]) => (median(results.app) / median(over)).toFixed(2);
console.log(`ratio app / bare fused: ${ratio(results.fused)}; app / bare with tf.js' layer: ${ratio(results.bare)}`);
process.exit(0);
