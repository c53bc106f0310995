/**
 * One timed training run each way: LayerLab's path (prepareRun, then trainModel with callbacks
 * doing what the app's worker does) and a bare tf.js script (model.compile + model.fit, no
 * callbacks). Both start from the same data values and end with every tensor released.
 */
import * as tf from '@tensorflow/tfjs';
import { prepareRun } from '../shared/training/run';
import { progressIntervalMs, type BatchPoint } from '../shared/ipc/worker-protocol';
import { trainModel, type BatchUpdate, type TrainCallbacks } from '../shared/training/train';
import { samplesOf, type BareCase, type TrainCase } from './train-cases';

export interface TimedRun {
  /** Wall clock. */
  seconds: number;
  /**
   * CPU time of this process (user + system). Both backends compute on the calling thread, so
   * on a shared, busy machine this measures the work done where the wall clock also counts the
   * time other processes held the cores.
   */
  cpuSeconds: number;
  samplesPerSecond: number;
  samplesPerCpuSecond: number;
  /** Tensors alive after the run minus before it: 0 unless something leaks. */
  leakedTensors: number;
}

export interface LayerLabRun extends TimedRun {
  /** Of `seconds`: building the data, checking and compiling the graph. */
  prepareSeconds: number;
  messages: number;
}

/** Starts a wall clock and a CPU clock; the returned function reads both, in seconds. */
function clocks(): () => { seconds: number; cpuSeconds: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
}

function timed(trainCase: BareCase, elapsed: { seconds: number; cpuSeconds: number }, leakedTensors: number): TimedRun {
  const samples = samplesOf(trainCase);
  return {
    ...elapsed,
    samplesPerSecond: samples / elapsed.seconds,
    samplesPerCpuSecond: samples / elapsed.cpuSeconds,
    leakedTensors,
  };
}

/**
 * What renderer/src/training/training.worker.ts does with the updates: batch points gathered and
 * sent every `progressIntervalMs`, each epoch sent at once. postMessage copies a message with the
 * structured clone algorithm, so the copy is made here too.
 */
function workerCallbacks(): { callbacks: TrainCallbacks; finish: () => number } {
  let posted = 0;
  const post = (message: unknown) => {
    structuredClone(message);
    posted += 1;
  };
  let pending: BatchPoint[] = [];
  let latest: BatchUpdate | null = null;
  let lastSent = 0;
  const flush = () => {
    if (latest && pending.length > 0) post({ type: 'batches', runId: 'bench', points: pending, latest });
    pending = [];
    lastSent = performance.now();
  };
  // The worker sets a stop request when the learner presses Stop; none comes during a benchmark.
  const stopRequests = new Set<string>();
  return {
    callbacks: {
      now: () => performance.now(),
      onBatch: (update) => {
        pending.push({ step: update.step, loss: update.loss, metrics: update.metrics });
        latest = update;
        if (performance.now() - lastSent >= progressIntervalMs) flush();
      },
      onEpoch: (update) => {
        flush();
        post({ type: 'epoch', runId: 'bench', update });
      },
      shouldStop: () => stopRequests.has('bench'),
      isInterrupted: () => false,
    },
    /** The last flush after the run; returns how many messages were sent. */
    finish: () => {
      flush();
      return posted;
    },
  };
}

/** `withWorker: false` leaves out the worker's callbacks, to weigh them when profiling. */
export async function timeLayerLab(trainCase: TrainCase, withWorker = true): Promise<LayerLabRun> {
  const before = tf.memory().numTensors;
  const worker = withWorker ? workerCallbacks() : { callbacks: {}, finish: () => 0 };
  const started = performance.now();
  const elapsed = clocks();
  const prepared = prepareRun(tf, { graph: trainCase.graph, data: trainCase.data, settings: trainCase.settings });
  if (!prepared.ok) throw new Error(`LayerLab refused the ${trainCase.name} benchmark`);
  const compiled = performance.now();
  const outcome = await trainModel(tf, prepared.model, prepared.dataset, trainCase.settings, worker.callbacks);
  const messages = worker.finish();
  prepared.model.dispose();
  const times = elapsed();
  if (outcome.status !== 'completed') throw new Error(`LayerLab's run ended ${outcome.status}: ${outcome.detail}`);
  return {
    ...timed(trainCase, times, tf.memory().numTensors - before),
    prepareSeconds: (compiled - started) / 1000,
    messages,
  };
}

/** What a bare script may add to `model.fit`, to find which of LayerLab's habits costs time. */
export type FitExtras = Pick<tf.ModelFitArgs, 'callbacks' | 'yieldEvery'>;

export async function timeBare(
  trainCase: BareCase,
  extras: (model: tf.LayersModel) => FitExtras = () => ({}),
): Promise<TimedRun> {
  const { dataset, settings } = trainCase;
  const before = tf.memory().numTensors;
  const elapsed = clocks();
  const xs = tf.tensor(dataset.x.values, dataset.x.shape, dataset.x.dtype);
  const ys = tf.tensor(dataset.y.values, dataset.y.shape, dataset.y.dtype);
  const model = trainCase.bareModel(tf);
  const optimizer = tf.train.adam(settings.learning_rate);
  model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(xs, ys, {
    epochs: settings.epochs,
    batchSize: settings.batch_size,
    shuffle: settings.shuffle,
    verbose: 0,
    ...extras(model),
  });
  model.dispose();
  optimizer.dispose();
  tf.dispose([xs, ys]);
  const times = elapsed();
  return timed(trainCase, times, tf.memory().numTensors - before);
}
