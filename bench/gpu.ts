/**
 * The GPU path, ready to be measured (issue 18, goal 5): the course's small CNN and the character
 * LSTM(128) trained in a dedicated worker of headless Chromium on each tf.js backend, WebGPU and
 * WebGL against WASM and the pure-JS CPU backend, with what the browser says its GPU is. On a
 * machine without a GPU, WebGL runs on SwiftShader and WebGPU is missing: the script says so and
 * measures what is there. Run it where a GPU is at hand with `bench/gpu.sh` (GPU=1: Chromium's
 * flags for a real GPU), or `npx tsx bench/gpu.ts [--rounds N]` here.
 *
 * Models (the same as bench/vs-pytorch.ts times against PyTorch), Adam 0.001, batch 32:
 * - CNN: random 28×28×1 images, Conv2D(8, 3×3, relu) → MaxPooling2D → Conv2D(16, 3×3, relu) →
 *   MaxPooling2D → Flatten → Dense(10, softmax), 256 images an epoch;
 * - LSTM: 40 one-hot characters of 60 → LSTM(128) → Dense(60, softmax), 256 windows an epoch.
 */
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { markdownTable, spread } from './stats';
import { serveTfjsPage } from './tfjs-page';

const { values: options } = parseArgs({ options: { rounds: { type: 'string' } } });
const rounds = options.rounds ? Number(options.rounds) : 3;
const realGpu = process.env.GPU === '1';

/** Chromium on a real GPU: WebGPU switched on, ANGLE over Vulkan, no blocklist. */
const gpuArgs = ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-angle=vulkan', '--ignore-gpu-blocklist'];

/** Runs in the worker: one model on one backend, a short warm-up, then `rounds` timed epochs. */
const workerSource = `
importScripts('/tf.min.js', '/tf-backend-wasm.min.js', '/tf-backend-webgpu.min.js');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
tf.wasm.setWasmPaths('/wasm/');
const samples = 256;
function build(name) {
  if (name === 'cnn') {
    const model = tf.sequential({ layers: [
      tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ] });
    return { model, x: tf.randomUniform([samples, 28, 28, 1]), y: tf.randomUniform([samples], 0, 10, 'int32').toFloat() };
  }
  const model = tf.sequential({ layers: [
    tf.layers.lstm({ units: 128, inputShape: [40, 60] }),
    tf.layers.dense({ units: 60, activation: 'softmax' }),
  ] });
  const x = tf.oneHot(tf.randomUniform([samples, 40], 0, 60, 'int32'), 60).toFloat();
  return { model, x, y: tf.randomUniform([samples], 0, 60, 'int32').toFloat() };
}
async function gpuName() {
  const names = {};
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const debug = gl && gl.getExtension('WEBGL_debug_renderer_info');
    names.webgl = gl ? String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'none';
  } catch (error) { names.webgl = 'none: ' + error.message; }
  try {
    const adapter = navigator.gpu ? await navigator.gpu.requestAdapter() : null;
    const info = adapter && adapter.info ? adapter.info : {};
    names.webgpu = adapter ? [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'an adapter' : 'none';
  } catch (error) { names.webgpu = 'none: ' + error.message; }
  return names;
}
onmessage = async (event) => {
  const { backend, model: name, rounds } = event.data;
  if (backend === 'names') return postMessage(await gpuName());
  try {
    if (!(await tf.setBackend(backend))) throw new Error('setBackend returned false');
    await tf.ready();
    const { model, x, y } = build(name);
    model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy' });
    await model.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 });
    const speeds = [];
    for (let round = 0; round < rounds; round += 1) {
      const started = performance.now();
      await model.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 });
      speeds.push(samples / ((performance.now() - started) / 1000));
    }
    tf.dispose([x, y]); model.dispose();
    postMessage({ backend: tf.getBackend(), speeds });
  } catch (error) {
    postMessage({ backend, error: String(error && error.message || error).slice(0, 160) });
  }
};`;

const { origin, close } = await serveTfjsPage(workerSource);
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: realGpu ? [...chromiumArgs.filter((arg) => arg !== '--enable-unsafe-swiftshader'), ...gpuArgs] : chromiumArgs,
});

type Answer = { backend: string; speeds?: number[]; error?: string } & Record<string, unknown>;
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  // A fresh worker for each backend and model: nothing one leaves behind slows the next.
  const ask = (question: { backend: string; model?: string; rounds?: number }) =>
    page.evaluate(
      (asked) =>
        new Promise<Answer>((resolve, reject) => {
          const worker = new Worker('/worker.js');
          worker.onmessage = (event: MessageEvent<Answer>) => {
            resolve(event.data);
            worker.terminate();
          };
          worker.onerror = (event) => reject(new Error(event.message));
          worker.postMessage(asked);
        }),
      question,
    );
  const names = await ask({ backend: 'names' });
  console.log(
    `Chromium ${browser.version()}${realGpu ? ' with GPU flags' : ''}; WebGL: ${String(names.webgl)}; WebGPU: ${String(names.webgpu)}`,
  );
  for (const model of ['cnn', 'lstm']) {
    const rows: string[][] = [];
    const measured = new Map<string, number[]>();
    for (const backend of ['webgpu', 'webgl', 'wasm', 'cpu']) {
      const answer = await ask({ backend, model, rounds });
      if (answer.speeds) measured.set(backend, answer.speeds);
      rows.push([backend, answer.speeds ? spread(answer.speeds) : `did not run: ${answer.error ?? 'unknown'}`]);
    }
    // Against WASM where it trains the model, else the CPU backend (WASM has no convolution gradients).
    const baseline = measured.has('wasm') ? 'wasm' : 'cpu';
    const base = measured.get(baseline) ?? [];
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
    for (const row of rows) {
      const speeds = measured.get(row[0] ?? '');
      row.push(speeds ? (median(speeds) / median(base)).toFixed(2) : '—');
    }
    console.log(
      `\n${model === 'cnn' ? 'small CNN, 28×28×1' : 'character LSTM(128), 40 steps'}: samples/s over ${rounds} epochs of 256, batch 32\n`,
    );
    console.log(markdownTable(['backend', 'samples/s', `× ${baseline}`], rows));
  }
} finally {
  await browser.close();
  close();
}
