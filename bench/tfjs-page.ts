/**
 * A bare page for timing tf.js itself in Chromium, outside LayerLab: tf.js and its WASM and WebGPU
 * backends served from node_modules, a worker's source at /worker.js, an empty page at /.
 * Used by worker-yield.ts, app-vs-bare.ts and gpu.ts.
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSync } from 'esbuild';

const require = createRequire(import.meta.url);

const files: Record<string, { path: string; type: string }> = {
  '/tf.min.js': { path: require.resolve('@tensorflow/tfjs/dist/tf.min.js'), type: 'text/javascript' },
  '/tf-backend-wasm.min.js': {
    path: require.resolve('@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js'),
    type: 'text/javascript',
  },
  '/tf-backend-webgpu.min.js': {
    path: require.resolve('@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js'),
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

/**
 * LayerLab's fused recurrent layers (shared/layers/fused-recurrent.ts) as a classic script for a
 * bare page: `LayerLabFused.fuseRecurrentLayers(tf, model)`.
 */
export function fusedLayersScript(): string {
  const built = buildSync({
    entryPoints: [path.join(process.cwd(), 'shared/layers/fused-recurrent.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'LayerLabFused',
    platform: 'browser',
    write: false,
  });
  const text = built.outputFiles[0]?.text;
  if (text === undefined) throw new Error('esbuild wrote nothing for fused-recurrent.ts');
  return text;
}

/**
 * Serves the page and `workerSource` on a free port of 127.0.0.1, with `scripts` (path → source)
 * beside them: its origin, and how to stop it.
 */
export async function serveTfjsPage(
  workerSource: string,
  scripts: Record<string, string> = {},
): Promise<{ origin: string; close: () => void }> {
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    const script = scripts[request.url ?? ''];
    if (request.url === '/worker.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(workerSource);
    else if (script !== undefined) response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (request.url === '/')
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>tf.js</title>');
    else if (file) response.writeHead(200, { 'content-type': file.type }).end(readFileSync(file.path));
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * The seed lesson in a worker's source, as a function `seedLesson()` giving its compiled model and
 * data: SimpleRNN(50) over the 8 windows of 3 one-hot characters of "hello world" → Dense(8),
 * Adam 0.001, accuracy.
 */
export const seedLessonSource = `
function seedLesson() {
  const model = tf.sequential({ layers: [
    tf.layers.simpleRNN({ units: 50, inputShape: [3, 8] }),
    tf.layers.dense({ units: 8, activation: 'softmax' }),
  ] });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const xs = tf.oneHot(tf.tensor2d([[3,2,4],[2,4,4],[4,4,5],[4,5,0],[5,0,7],[0,7,5],[7,5,6],[5,6,4]], [8, 3], 'int32'), 8).toFloat();
  const ys = tf.tensor1d([4, 5, 0, 7, 5, 6, 4, 1]);
  return { model, xs, ys };
}`;
