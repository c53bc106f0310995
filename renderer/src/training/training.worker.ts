/// <reference lib="webworker" />
/**
 * The training worker: owns tf.js, the model and the data, so the canvas never waits for them.
 * It picks a backend explicitly (never a silent fall-back), trains with the shared loop, sends
 * throttled progress, and answers the playground.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { Dataset } from '../../../shared/data/build';
import { datasetBuffers } from '../../../shared/data/dataset';
import type { DataSpec } from '../../../shared/data/spec';
import type { Plotted } from '../../../shared/data/recipe';
import type { TrainingSettings } from '../../../shared/training/settings';
import type { CheckedGraph } from '../../../shared/graph/checked';
import { decodeWeights, encodeWeights } from '../../../shared/vocabulary/weights';
import { exportTfjsModel } from '../../../shared/tfjs-model/export';
import { planBackends, type BackendName } from '../../../shared/training/backends';
import { evaluateModel } from '../../../shared/training/evaluate';
import { lookInside } from '../../../shared/training/inspect';
import { followByHand } from '../../../shared/training/by-hand';
import { generateText, writesText } from '../../../shared/training/predict';
import {
  progressIntervalMs,
  type BackendAttempt,
  type BatchPoint,
  type FromWorker,
  type ToWorker,
} from '../../../shared/ipc/worker-protocol';
import type { TrainingMode } from '../../../shared/training/modes';
import { prepareRun, trainPrepared } from '../../../shared/training/run';
import { checkExpectation } from '../../../shared/templates/expectation';
import { joinLocalized } from '../../../shared/vocabulary/localized';
import type { BatchUpdate, EpochUpdate, TrainCallbacks } from '../../../shared/training/train';
import { probeEnvironment } from './environment';
import { prepareWasmThreads, wasmThreading } from './wasm-threads';

declare const self: DedicatedWorkerGlobalScope;

// Both cores where the page is cross-origin isolated, one thread otherwise (wasm-threads.ts).
const threading = wasmThreading(self);
// Chromium lets a worker start workers; TypeScript's worker types do not say so.
prepareWasmThreads(tf, self as unknown as Parameters<typeof prepareWasmThreads>[1], threading.threads);
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});

/** A backend that has not started after this long is reported as failed and the next is tried. */
const backendStartLimitMs = 20_000;

const post = (message: FromWorker) => self.postMessage(message);

/** One turn of the event loop through a MessageChannel: fast, and not tied to the display. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

let trained: {
  runId: string;
  model: tf.LayersModel;
  dataset: Dataset;
  mode: TrainingMode;
  data: DataSpec;
  checked: CheckedGraph;
  settings: TrainingSettings;
  /** What the evaluation plots, when the window sent it (a spec without its large text). */
  plotted?: Plotted | null;
} | null = null;
const stopRequests = new Set<string>();
let contextLost = false;
/** Whether the learner watches inside the training network (nothing is measured otherwise). */
let watchingInside = false;

/** The backend switches asked for so far, one after another (see `startBackend`). */
let switching: Promise<unknown> = Promise.resolve();

/**
 * Starts backend `name`, after any switch still under way. Two `tf.setBackend` calls at once race:
 * the warm-up's WASM, finishing its compile after a run had asked for WebGL, left tf.js naming
 * WebGL while running WebGL's kernels with the WASM backend, and the run failed at its first op
 * ("Cannot read properties of undefined (reading 'get')").
 */
function startBackend(name: BackendName): Promise<string | null> {
  const started = switching.then(() => startBackendNow(name));
  switching = started;
  return started;
}

async function startBackendNow(name: BackendName): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`did not start within ${backendStartLimitMs / 1000} s`), backendStartLimitMs);
  });
  try {
    const started = tf.setBackend(name).then((ok) => (ok ? null : 'setBackend returned false'));
    const result = await Promise.race([started, limit]);
    if (result !== null) return result;
    await tf.ready();
    return tf.getBackend() === name ? null : `tf.js is on ${tf.getBackend()} instead`;
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  } finally {
    clearTimeout(timer);
  }
}

/** A lost WebGL context ends the run as interrupted instead of failing every op after it. */
function watchWebGlContext(): void {
  contextLost = false;
  if (tf.getBackend() !== 'webgl') return;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: { canvas?: EventTarget } } };
  backend.gpgpu?.gl?.canvas?.addEventListener('webglcontextlost', () => {
    contextLost = true;
  });
}

/** What the machine offers, probed once: a GPU and WebAssembly do not come and go within a session. */
let probed: ReturnType<typeof probeEnvironment> | null = null;
const environment = () => (probed ??= probeEnvironment());

/**
 * Before any run: the machine probed and the backend the plan would pick started (tf.js fetches
 * and compiles WASM, or sets up WebGL, the first time), so that the first run finds it ready. A
 * run asks for its backend again (`startRun`), which is then at once; a failure here is left for
 * the run to meet and report.
 */
async function warm(message: Extract<ToWorker, { type: 'warm' }>): Promise<void> {
  const plan = planBackends(await environment(), message.kinds, message.backend);
  const first = plan[0];
  if (first && tf.getBackend() !== first.name) await startBackend(first.name);
}

/**
 * Starts the best backend the machine has for this network (every failure reported), lets go of
 * the model held so far, and builds the new one; null when the run cannot go on (already said).
 */
async function startRun(
  message: Pick<Extract<ToWorker, { type: 'train' }>, 'runId' | 'graph' | 'data' | 'settings' | 'backend' | 'built'>,
): Promise<Extract<ReturnType<typeof prepareRun>, { ok: true }> | null> {
  const { runId } = message;
  const plan = planBackends(
    await environment(),
    message.graph.nodes.map((node) => node.kind),
    message.backend,
  );
  const attempts: BackendAttempt[] = [];
  let chosen = plan[0];
  for (const choice of plan) {
    const error = await startBackend(choice.name);
    attempts.push(error === null ? { name: choice.name, ok: true } : { name: choice.name, ok: false, error });
    if (error === null) {
      chosen = choice;
      break;
    }
  }
  if (!chosen || !attempts.some((attempt) => attempt.ok)) {
    post({
      type: 'failed',
      runId,
      message: `no backend could start: ${attempts.map((a) => `${a.name}: ${a.error}`).join('; ')}`,
    });
    return null;
  }
  const reason = chosen.name === 'wasm' ? joinLocalized(chosen.reason, threading.reason) : chosen.reason;
  post({ type: 'backend', runId, name: chosen.name, reason, attempts });
  watchWebGlContext();

  trained?.model.dispose();
  trained = null;
  const prepared = prepareRun(tf, {
    graph: message.graph,
    data: message.data,
    settings: message.settings,
    ...(message.built ? { built: message.built } : {}),
  });
  if (!prepared.ok) {
    post({
      type: 'refused',
      runId,
      problems: prepared.problems,
      ...(prepared.dataProblem ? { dataProblem: prepared.dataProblem } : {}),
    });
    return null;
  }
  return prepared;
}

/**
 * A trained network from a project file: built as a run would build it, given the file's weights,
 * and held as the last trained model, so the playground answers without training.
 */
async function restore(message: Extract<ToWorker, { type: 'restore' }>): Promise<void> {
  const prepared = await startRun(message);
  if (!prepared) return;
  const weights = decodeWeights(message.trained);
  const expected = prepared.model.getWeights().map((weight) => weight.shape.join('×'));
  if (
    weights.length !== expected.length ||
    weights.some((weight, index) => weight.shape.join('×') !== expected[index])
  ) {
    prepared.model.dispose();
    post({ type: 'failed', runId: message.runId, message: 'the weights in the file do not fit this network' });
    return;
  }
  prepared.model.setWeights(weights.map((weight) => tf.tensor(weight.values, weight.shape)));
  trained = {
    runId: message.runId,
    model: prepared.model,
    dataset: prepared.dataset,
    mode: prepared.mode,
    data: message.data,
    checked: prepared.checked,
    settings: message.settings,
    ...(message.plotted !== undefined ? { plotted: message.plotted } : {}),
  };
  const outcome = {
    status: 'completed' as const,
    epochsCompleted: message.trained.epochs,
    finalLogs: message.trained.logs,
    samplesPerSecond: 0,
    seconds: 0,
  };
  post({ type: 'done', runId: message.runId, outcome });
}

/** The last trained model's weights as a project keeps them, with the graph they belong to. */
function trainedWeights(message: Extract<ToWorker, { type: 'trained-weights' }>): void {
  if (!trained) {
    post({ type: 'trained-weights', requestId: message.requestId, trained: null });
    return;
  }
  const tensors = trained.model.getWeights();
  const values = tensors.map((tensor) => ({ shape: tensor.shape, values: tensor.dataSync() }));
  post({
    type: 'trained-weights',
    requestId: message.requestId,
    trained: {
      runId: trained.runId,
      graph: trained.checked.graph,
      weights: encodeWeights(values),
      backend: tf.getBackend(),
    },
  });
}

async function train(message: Extract<ToWorker, { type: 'train' }>): Promise<void> {
  const { runId } = message;
  watchingInside = message.watchInside === true;
  const prepared = await startRun(message);
  if (!prepared) return;

  let pending: BatchPoint[] = [];
  let finishedEpochs: EpochUpdate[] = [];
  let latest: BatchUpdate | null = null;
  let lastSent = 0;
  const flush = () => {
    if (pending.length > 0 || finishedEpochs.length > 0) {
      post({ type: 'progress', runId, points: pending, epochs: finishedEpochs, latest });
    }
    pending = [];
    finishedEpochs = [];
    lastSent = performance.now();
  };
  const callbacks: TrainCallbacks = {
    now: () => performance.now(),
    yieldToEventLoop,
    onBatch: (update) => {
      pending.push({ step: update.step, loss: update.loss, metrics: update.metrics });
      latest = update;
      if (performance.now() - lastSent >= progressIntervalMs) flush();
    },
    onEpoch: (update) => {
      finishedEpochs.push(update);
      // The first epoch's point at once: the chart shows the run has begun (bench/first-epoch.ts).
      if (update.epoch === 0 || performance.now() - lastSent >= progressIntervalMs) flush();
    },
    shouldStop: () => stopRequests.has(runId),
    isInterrupted: () => contextLost,
    watchInside: () => watchingInside,
  };
  // The run path `layerlab train` takes: the mode trains (a GAN its two networks in turns).
  const outcome = await trainPrepared(tf, prepared, message, callbacks);
  flush();
  stopRequests.delete(runId);
  if (outcome.status === 'failed' || (outcome.status === 'interrupted' && contextLost)) {
    prepared.model.dispose();
  } else {
    trained = {
      runId,
      model: prepared.model,
      dataset: prepared.dataset,
      mode: prepared.mode,
      data: message.data,
      checked: prepared.checked,
      settings: message.settings,
      ...(message.plotted !== undefined ? { plotted: message.plotted } : {}),
    };
  }
  // A lesson's verdict, as `layerlab train` gives it: the run as it ended, asked the lesson's question.
  const usable = outcome.status !== 'failed' && !(outcome.status === 'interrupted' && contextLost);
  const lesson =
    message.expected && usable
      ? checkExpectation(
          tf,
          prepared.model,
          prepared.mode,
          message.data,
          prepared.dataset,
          message.expected,
          outcome.finalLogs,
        )
      : undefined;
  post({ type: 'done', runId, outcome, ...(lesson ? { lesson } : {}) });
}

/** The answer to a question asked before any network was trained. */
function notTrainedYet(requestId: string): void {
  post({
    type: 'query-problem',
    requestId,
    problem: { en: 'Train the network first.', es: 'Entrena la red primero.' },
  });
}

function answer(message: Extract<ToWorker, { type: 'predict' }>): void {
  if (!trained) {
    notTrainedYet(message.requestId);
    return;
  }
  const asked = trained.mode.ask(tf, trained.model, trained.checked, trained.data, trained.dataset, message.text);
  if (asked.ok) post({ type: 'answer', requestId: message.requestId, answer: asked.answer });
  else post({ type: 'query-problem', requestId: message.requestId, problem: asked.problem });
}

/** What one layer of the trained network computes for a question (the playground's look inside). */
function inspect(message: Extract<ToWorker, { type: 'inspect' }>): void {
  if (!trained) {
    notTrainedYet(message.requestId);
    return;
  }
  const looked = lookInside(tf, trained.model, trained.data, trained.dataset, message.text, message.layer);
  if (looked.ok) post({ type: 'look', requestId: message.requestId, look: looked.look });
  else post({ type: 'query-problem', requestId: message.requestId, problem: looked.problem });
}

/** A training sample followed through the small trained network by hand (the playground's stepper). */
function byHand(message: Extract<ToWorker, { type: 'by-hand' }>): void {
  if (!trained) {
    notTrainedYet(message.requestId);
    return;
  }
  const followed = followByHand(tf, trained.model, trained.dataset, trained.settings, message.sample);
  if (followed.ok)
    post({ type: 'by-hand', requestId: message.requestId, trace: followed.trace, samples: followed.samples });
  else post({ type: 'query-problem', requestId: message.requestId, problem: followed.problem });
}

function evaluate(message: Extract<ToWorker, { type: 'evaluate' }>): void {
  const evaluation = trained
    ? evaluateModel(
        tf,
        trained.model,
        trained.data,
        trained.dataset,
        trained.settings.validation_split,
        trained.plotted,
      )
    : null;
  post({ type: 'evaluation', requestId: message.requestId, evaluation });
}

/** Trained layers for another network to start from (transfer learning). */
function layerWeights(message: Extract<ToWorker, { type: 'layer-weights' }>): void {
  if (!trained || trained.runId !== message.runId) {
    post({
      type: 'query-problem',
      requestId: message.requestId,
      problem: {
        en: 'That network is no longer the last one trained: train it again first.',
        es: 'Esa red ya no es la última entrenada: vuelve a entrenarla primero.',
      },
    });
    return;
  }
  const model = trained.model;
  const names = new Set(model.layers.map((layer) => layer.name));
  const layers = Object.fromEntries(
    message.layers
      .filter((name) => names.has(name))
      .map((name) => [
        name,
        encodeWeights(
          model
            .getLayer(name)
            .getWeights()
            .map((tensor) => ({ shape: tensor.shape, values: tensor.dataSync() as Float32Array })),
        ),
      ]),
  );
  post({ type: 'layer-weights', requestId: message.requestId, layers });
}

async function exportModel(message: Extract<ToWorker, { type: 'export-model' }>): Promise<void> {
  if (!trained) {
    notTrainedYet(message.requestId);
    return;
  }
  const weights = encodeWeights(
    trained.model.getWeights().map((tensor) => ({ shape: tensor.shape, values: tensor.dataSync() as Float32Array })),
  );
  const exported = await exportTfjsModel(tf, trained.checked, { weights });
  if (exported.ok)
    post({
      type: 'model-exported',
      requestId: message.requestId,
      modelJson: exported.modelJson,
      weightsBin: exported.weightsBin,
    });
  else
    post({
      type: 'query-problem',
      requestId: message.requestId,
      problem: { en: exported.message, es: exported.message },
    });
}

function generate(message: Extract<ToWorker, { type: 'generate' }>): void {
  // Every question gets a reply, or the playground would wait for ever.
  if (!trained) {
    notTrainedYet(message.requestId);
    return;
  }
  if (!writesText(trained.data)) {
    post({
      type: 'query-problem',
      requestId: message.requestId,
      problem: {
        en: 'Only a network trained on text, character by character or word by word, can write on.',
        es: 'Solo una red entrenada con texto, carácter a carácter o palabra a palabra, puede seguir escribiendo.',
      },
    });
    return;
  }
  const result = generateText(
    tf,
    trained.model,
    trained.data,
    trained.dataset,
    message.seedText,
    message.length,
    message.temperature,
    Date.now() % 100_000,
  );
  if (result.ok) post({ type: 'generated', requestId: message.requestId, text: result.text });
  else post({ type: 'query-problem', requestId: message.requestId, problem: result.problem });
}

/**
 * The window lends a run the dataset it built (its buffers handed over): it is given back at
 * once as a copy made here, off the window, and the run keeps the one it was lent.
 */
function giveBack(message: Extract<ToWorker, { type: 'train' | 'restore' }>): void {
  if (!message.built) return;
  const dataset = structuredClone(message.built);
  self.postMessage({ type: 'data-back', runId: message.runId, dataset } satisfies FromWorker, {
    transfer: datasetBuffers(dataset),
  });
}

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'train' || message.type === 'restore') giveBack(message);
  const handle = async () => {
    switch (message.type) {
      case 'train':
        await train(message);
        return;
      case 'stop':
        stopRequests.add(message.runId);
        return;
      case 'watch-inside':
        watchingInside = message.on;
        return;
      case 'predict':
        answer(message);
        return;
      case 'inspect':
        inspect(message);
        return;
      case 'by-hand':
        byHand(message);
        return;
      case 'generate':
        generate(message);
        return;
      case 'export-model':
        await exportModel(message);
        return;
      case 'evaluate':
        evaluate(message);
        return;
      case 'layer-weights':
        layerWeights(message);
        return;
      case 'restore':
        await restore(message);
        return;
      case 'trained-weights':
        trainedWeights(message);
        return;
      case 'warm':
        await warm(message);
        return;
    }
  };
  handle().catch((thrown: unknown) => {
    post({
      type: 'failed',
      runId: message.type === 'train' || message.type === 'restore' ? message.runId : null,
      message: thrown instanceof Error ? thrown.message : String(thrown),
    });
  });
});
