/**
 * The training loop: one run of `model.fit` with live progress, a stop that takes effect within a
 * batch, a guard that stops a diverging run and keeps its last good weights, early stopping with
 * best-weight restore, and no tensors left behind. The same code runs in the app's worker and in
 * the command line. Reads nothing but its arguments.
 */
import type { TestResult } from './test-split.js';
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset, TensorData } from '../data/build.js';
import type { TfModule } from '../layers/types.js';
import { createRandom } from '../math/random.js';
import { measureDynamics, probeSamples, type Dynamics } from './dynamics.js';
import { feedOf } from './feed.js';
import { outputLoss, outputMetric, outputTargetsOf } from './outputs.js';
import type { Loss, TrainingSettings } from './settings.js';

export interface BatchUpdate {
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  /** Batches finished since the run began. */
  step: number;
  loss: number;
  metrics: Record<string, number>;
  samplesPerSecond: number;
  /** Seconds left at the current pace. */
  secondsLeft: number;
}

export interface EpochUpdate {
  epoch: number;
  /** Every log of the epoch: loss, metrics, and their `val_` twins when validating. */
  logs: Record<string, number>;
  samplesPerSecond: number;
  /** A GAN's images, drawn after the epoch from the same noise every epoch. */
  samples?: GanSamples;
  /** Inside the network after the epoch, when the learner watches (`watchInside`). */
  inside?: Dynamics;
}

/** The images a GAN's generator drew after one epoch, and what each looks like most. */
export interface GanSamples {
  count: number;
  height: number;
  width: number;
  channels: number;
  /** Every pixel of every image, image after image. */
  values: Float32Array;
  /** The class of each image's nearest real image (its digit). */
  nearest: string[];
}

export type RunStatus = 'completed' | 'stopped' | 'early-stopped' | 'diverged' | 'interrupted' | 'failed';

export interface TrainingOutcome {
  status: RunStatus;
  epochsCompleted: number;
  /** The last epoch's logs (of the restored weights' epoch after early stopping). */
  finalLogs: Record<string, number>;
  samplesPerSecond: number;
  seconds: number;
  /** A failure's or a divergence's cause, in English, for logs; the UI words it itself. */
  detail?: string;
  /** The test split, measured once after training, when the data holds one. */
  test?: TestResult;
}

export interface TrainCallbacks {
  onBatch?: (update: BatchUpdate) => void;
  onEpoch?: (update: EpochUpdate) => void;
  /** Polled after every batch; true stops the run before the next one. */
  shouldStop?: () => boolean;
  /**
   * Polled after every batch: true when the device went away under the run (a lost WebGL
   * context). The run ends as interrupted with the last good weights.
   */
  isInterrupted?: () => boolean;
  /** Wall clock in milliseconds (performance.now in the app, injectable in tests). */
  now?: () => number;
  /**
   * Lets the host's event loop run between batches, so a Stop is read at once. tf.js' default
   * waits for an animation frame, which in a worker caps training at 60 batches a second; the
   * app passes a MessageChannel turn, Node a setImmediate.
   */
  yieldToEventLoop?: () => Promise<void>;
  /**
   * Polled after every epoch: true while the learner watches inside the network, so the epoch's
   * update carries its weight and gradient norms (dynamics.ts). Nothing is measured otherwise.
   */
  watchInside?: () => boolean;
}

const tfLossNames: Record<Loss, string> = {
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  mean_squared_error: 'meanSquaredError',
  mean_absolute_error: 'meanAbsoluteError',
};

export function createOptimizer(tf: TfModule, settings: TrainingSettings): Tf.Optimizer {
  switch (settings.optimizer) {
    case 'adam':
      return tf.train.adam(settings.learning_rate);
    case 'sgd':
      return settings.momentum > 0
        ? tf.train.momentum(settings.learning_rate, settings.momentum)
        : tf.train.sgd(settings.learning_rate);
    case 'rmsprop':
      // Keras' defaults: rho 0.9, epsilon 1e-7.
      return tf.train.rmsprop(settings.learning_rate, 0.9, 0, 1e-7);
    case 'adagrad':
      return tf.train.adagrad(settings.learning_rate, 0.1);
  }
}

export function toTensor(tf: TfModule, data: TensorData): Tf.Tensor {
  return tf.tensor(data.values, data.shape, data.dtype);
}

/** Keras writes `accuracy`; tf.js logs it as `acc`. Show the learner Keras' names. */
export function kerasLogName(name: string): string {
  return name.replace(/(^|_)acc$/, '$1accuracy');
}

function kerasLogs(logs: Tf.Logs | undefined): Record<string, number> {
  const named: Record<string, number> = {};
  for (const [name, value] of Object.entries(logs ?? {})) {
    if (typeof value === 'number') named[kerasLogName(name)] = value;
  }
  return named;
}

/** `f` applied to a tensor, or to each of several (a network's several outputs' targets). */
function each(value: Tf.Tensor | Tf.Tensor[], f: (tensor: Tf.Tensor) => Tf.Tensor): Tf.Tensor | Tf.Tensor[] {
  return Array.isArray(value) ? value.map(f) : f(value);
}

/**
 * The seed of one of a run's random streams: the run's seed mixed with the stream's own salt, so
 * the streams differ. Exported programs write the same salts.
 */
export function saltedSeed(seed: number, salt: number): number {
  return (seed ^ salt) >>> 0;
}

/** The salt of the stream that shuffles the samples each epoch. */
export const shuffleSalt = 0x5eed5eed;

/** 0..count-1 in a random order (Fisher–Yates). */
export function shuffledIndices(count: number, random: () => number): Int32Array {
  const indices = Int32Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const held = indices[index] ?? 0;
    indices[index] = indices[other] ?? 0;
    indices[other] = held;
  }
  return indices;
}

function snapshot(model: Tf.LayersModel): Tf.Tensor[] {
  return model.getWeights().map((weight) => weight.clone());
}

/**
 * A run that threw: interrupted when the device went away under it, failed otherwise; the model
 * goes back to its last good weights where it still can.
 */
export function thrownRun(
  thrown: unknown,
  model: Tf.LayersModel,
  lastGood: Tf.Tensor[],
  callbacks: TrainCallbacks,
): { status: RunStatus; detail: string } {
  try {
    model.setWeights(lastGood);
  } catch {
    // The model itself is unusable; the caller disposes it.
  }
  return {
    status: callbacks.isInterrupted?.() ? 'interrupted' : 'failed',
    detail: thrown instanceof Error ? thrown.message : String(thrown),
  };
}

/** What a run ends with, its speed over the whole run. */
export function runOutcome(
  ended: Omit<TrainingOutcome, 'samplesPerSecond' | 'detail'> & { samplesSeen: number; detail: string | undefined },
): TrainingOutcome {
  const { samplesSeen, detail, ...outcome } = ended;
  return {
    ...outcome,
    samplesPerSecond: outcome.seconds > 0 ? samplesSeen / outcome.seconds : 0,
    ...(detail ? { detail } : {}),
  };
}

/**
 * Trains `model` on `dataset` with `settings`. The model must not be compiled by the caller; the
 * optimiser it gets here is disposed at the end (prediction does not need it).
 */
export async function trainModel(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Dataset,
  settings: TrainingSettings,
  callbacks: TrainCallbacks = {},
): Promise<TrainingOutcome> {
  const now = callbacks.now ?? (() => Date.now());
  const optimizer = createOptimizer(tf, settings);
  // Several outputs, each predicting a column of a table: each its own loss and metrics (outputs.ts).
  const several = outputTargetsOf(dataset.outputs, model.outputNames);
  const unitsOf = (index: number) => model.outputs[index]?.shape.at(-1) ?? null;
  model.compile({
    optimizer,
    loss: several
      ? Object.fromEntries(
          several.map((output, index) => [
            output.name,
            tfLossNames[outputLoss(output.target, unitsOf(index), settings)],
          ]),
        )
      : tfLossNames[settings.loss],
    metrics: several
      ? Object.fromEntries(
          several.flatMap((output) => {
            const metric = outputMetric(output.target, settings);
            return metric ? [[output.name, metric]] : [];
          }),
        )
      : [...settings.metrics],
  });

  const samples = dataset.x.shape[0] ?? 0;
  const trainingSamples = samples - Math.floor(samples * settings.validation_split);
  const batchesPerEpoch = Math.max(1, Math.ceil(trainingSamples / settings.batch_size));
  const started = now();
  let epochStarted = started;
  let step = 0;
  /** Samples trained on so far; the last batch of an epoch is usually smaller than batch_size. */
  let samplesSeen = 0;
  let epochsCompleted = 0;
  let status: RunStatus = 'completed';
  let detail: string | undefined;
  let finalLogs: Record<string, number> = {};
  let lastGood: Tf.Tensor[] = snapshot(model);
  let best: { value: number; weights: Tf.Tensor[]; logs: Record<string, number> } | null = null;
  let epochsWithoutGain = 0;
  const monitor = settings.validation_split > 0 ? 'val_loss' : 'loss';
  const xs = toTensor(tf, dataset.x);
  // One sigmoid unit per sample: binary cross-entropy wants the class indices as a column, (n, 1);
  // as (n,) tf.js would broadcast them against (n, 1) outputs and compare every pair.
  const binary =
    settings.loss === 'binary_crossentropy' && dataset.target.kind === 'class' && dataset.y.shape.length === 1;
  const ys = several
    ? several.map((output, index) =>
        toTensor(tf, unitsOf(index) === 1 ? { ...output.y, shape: [output.y.shape[0] ?? 0, 1] } : output.y),
      )
    : toTensor(tf, binary ? { ...dataset.y, shape: [...dataset.y.shape, 1] } : dataset.y);
  // Keras holds out the last samples for validation, before any shuffling.
  const split = trainingSamples < samples;
  const xTrain = split ? xs.slice(0, trainingSamples) : xs;
  const yTrain = split ? each(ys, (targets) => targets.slice(0, trainingSamples)) : ys;
  // A network of several Inputs is given each its own columns of x (feed.ts).
  const validationData: [Tf.Tensor | Tf.Tensor[], Tf.Tensor | Tf.Tensor[]] | undefined = split
    ? [feedOf(tf, model, dataset, xs.slice(trainingSamples)), each(ys, (targets) => targets.slice(trainingSamples))]
    : undefined;
  // tf.js shuffles with Math.random; shuffling here with the run's seed makes runs repeatable.
  const random = createRandom(saltedSeed(settings.seed, shuffleSalt));
  let epoch = 0;
  // The training samples watched inside the network: the same first few every epoch.
  let probe: { x: Tf.Tensor | Tf.Tensor[]; y: Tf.Tensor | Tf.Tensor[] } | null = null;
  const inside = (): Dynamics | undefined => {
    if (!callbacks.watchInside?.()) return undefined;
    const count = Math.min(probeSamples, trainingSamples);
    if (!probe) {
      const rows = xTrain.slice(0, count);
      const x = feedOf(tf, model, dataset, rows);
      if (x !== rows) rows.dispose();
      probe = { x, y: each(yTrain, (targets) => targets.slice(0, count)) };
    }
    return measureDynamics(tf, model, probe.x, probe.y);
  };

  try {
    for (epoch = 0; epoch < settings.epochs; epoch += 1) {
      const order =
        settings.shuffle && trainingSamples > 1 ? tf.tensor1d(shuffledIndices(trainingSamples, random), 'int32') : null;
      const xEpoch = order ? tf.gather(xTrain, order) : xTrain;
      const yEpoch = order ? each(yTrain, (targets) => tf.gather(targets, order)) : yTrain;
      const fed = feedOf(tf, model, dataset, xEpoch);
      try {
        await model.fit(fed, yEpoch, {
          epochs: 1,
          batchSize: settings.batch_size,
          shuffle: false,
          ...(validationData ? { validationData } : {}),
          verbose: 0,
          // Give the event loop a turn after every batch, so a stop message is read at once.
          yieldEvery: 'batch',
          callbacks: {
            ...(callbacks.yieldToEventLoop ? { nextFrameFunc: callbacks.yieldToEventLoop } : {}),
            onEpochBegin: async () => {
              epochStarted = now();
            },
            onBatchEnd: async (batch, logs) => {
              step += 1;
              if (callbacks.isInterrupted?.()) {
                status = 'interrupted';
                detail = 'the GPU context was lost';
                model.stopTraining = true;
                return;
              }
              const loss = logs?.loss;
              if (typeof loss !== 'number' || !Number.isFinite(loss)) {
                status = 'diverged';
                detail = `loss became ${String(loss)} at epoch ${epochsCompleted + 1}, batch ${batch + 1}`;
                model.stopTraining = true;
                return;
              }
              samplesSeen += typeof logs?.size === 'number' ? logs.size : settings.batch_size;
              const elapsed = Math.max((now() - started) / 1000, 1e-6);
              const samplesPerSecond = samplesSeen / elapsed;
              const stepsLeft = settings.epochs * batchesPerEpoch - step;
              const named = kerasLogs(logs);
              delete named.batch;
              delete named.size;
              delete named.loss;
              callbacks.onBatch?.({
                epoch: epochsCompleted,
                batch,
                batchesPerEpoch,
                step,
                loss,
                metrics: named,
                samplesPerSecond,
                secondsLeft: (stepsLeft * elapsed) / step,
              });
              if (callbacks.shouldStop?.()) {
                status = 'stopped';
                model.stopTraining = true;
              }
            },
            onEpochEnd: async (_epochInCall, logs) => {
              if (status === 'diverged' || status === 'interrupted') return;
              const named = kerasLogs(logs);
              const seconds = Math.max((now() - epochStarted) / 1000, 1e-6);
              epochsCompleted = epoch + 1;
              finalLogs = named;
              tf.dispose(lastGood);
              lastGood = snapshot(model);
              const watched = inside();
              callbacks.onEpoch?.({
                epoch,
                logs: named,
                samplesPerSecond: trainingSamples / seconds,
                ...(watched ? { inside: watched } : {}),
              });
              if (!settings.early_stopping) return;
              const value = named[monitor];
              if (typeof value !== 'number') return;
              if (!best || value < best.value) {
                if (best) tf.dispose(best.weights);
                best = { value, weights: settings.restore_best_weights ? snapshot(model) : [], logs: named };
                epochsWithoutGain = 0;
              } else {
                epochsWithoutGain += 1;
                if (epochsWithoutGain >= settings.patience) {
                  status = 'early-stopped';
                  model.stopTraining = true;
                }
              }
            },
          },
        });
      } finally {
        if (order) tf.dispose([order, xEpoch, yEpoch]);
        if (fed !== xEpoch) tf.dispose(fed);
      }
      if (status !== 'completed') break;
    }
    // The callbacks above change `status`; TypeScript cannot see that through the closures.
    const ended = status as RunStatus;
    if (ended === 'diverged' || ended === 'interrupted') model.setWeights(lastGood);
    const bestSoFar = best as { value: number; weights: Tf.Tensor[]; logs: Record<string, number> } | null;
    if (ended === 'early-stopped' && settings.restore_best_weights && bestSoFar && bestSoFar.weights.length > 0) {
      model.setWeights(bestSoFar.weights);
      finalLogs = bestSoFar.logs;
    }
  } catch (thrown) {
    ({ status, detail } = thrownRun(thrown, model, lastGood, callbacks));
  } finally {
    // A failed fit leaves its tensors behind unless they are released here (tf.js #5454).
    tf.dispose([xs, ys, ...lastGood]);
    // Set inside the epoch callback; TypeScript cannot see that through the closure.
    const watched = probe as { x: Tf.Tensor | Tf.Tensor[]; y: Tf.Tensor | Tf.Tensor[] } | null;
    if (watched) tf.dispose([watched.x, watched.y].flat());
    if (split) tf.dispose([xTrain, yTrain, ...(validationData ?? []).flat()]);
    const leftover = best as { weights: Tf.Tensor[] } | null;
    if (leftover) tf.dispose(leftover.weights);
    optimizer.dispose();
  }
  return runOutcome({ status, epochsCompleted, finalLogs, samplesSeen, seconds: (now() - started) / 1000, detail });
}
