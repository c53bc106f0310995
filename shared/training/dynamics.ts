/**
 * Inside a network while it trains (issue 19): after an epoch, on a fixed handful of training
 * samples, each layer's weight norm, the norm of the loss's gradient with respect to those weights,
 * a histogram of the weights, and, for a sequence read step by step, how strongly the loss depends
 * on each input step (the gradient that vanishes in a SimpleRNN and holds in an LSTM). Measured only
 * while the learner watches; reads nothing but its arguments and frees every tensor it makes.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from '../layers/types.js';

/** Bins of a layer's weight histogram. */
export const histogramBins = 24;

/** How a layer's weights are spread: counts over `histogramBins` equal bins from -limit to +limit. */
export interface WeightHistogram {
  limit: number;
  counts: number[];
}

export interface LayerDynamics {
  layer: string;
  /** The L2 norm of all the layer's trainable weights together. */
  weightNorm: number;
  /** The L2 norm of the loss's gradient with respect to them, over the probe samples. */
  gradientNorm: number;
  histogram: WeightHistogram;
}

/** One epoch's look inside the training network. */
export interface Dynamics {
  /** Layers with trainable weights, in the model's order. */
  layers: LayerDynamics[];
  /**
   * For one input read as a sequence (samples, steps, features): for each step, the size of the
   * loss's gradient with respect to what the network read there, averaged over the probe samples
   * (each sample's own loss). Null for any other input.
   */
  inputSteps: number[] | null;
  /** How many training samples were measured. */
  samples: number;
}

/** Training samples each measurement looks at: enough for a steady figure, cheap beside an epoch. */
export const probeSamples = 64;

function histogramOf(values: Float32Array[]): WeightHistogram {
  let limit = 0;
  for (const part of values) for (const value of part) limit = Math.max(limit, Math.abs(value));
  const counts = new Array<number>(histogramBins).fill(0);
  const width = limit > 0 ? (2 * limit) / histogramBins : 1;
  for (const part of values) {
    for (const value of part) {
      const bin = Math.min(histogramBins - 1, Math.max(0, Math.floor((value + limit) / width)));
      counts[bin] = (counts[bin] ?? 0) + 1;
    }
  }
  return { limit, counts };
}

function normOf(values: Float32Array[]): number {
  let sum = 0;
  for (const part of values) for (const value of part) sum += value * value;
  return Math.sqrt(sum);
}

/**
 * Measures `model` (compiled: its loss functions are the run's) on the probe samples `x`, `y`
 * (as `fit` is given them: one tensor, or one per Input / output).
 */
export function measureDynamics(
  tf: TfModule,
  model: Tf.LayersModel,
  x: Tf.Tensor | Tf.Tensor[],
  y: Tf.Tensor | Tf.Tensor[],
): Dynamics {
  const inputs = Array.isArray(x) ? x : [x];
  const targets = Array.isArray(y) ? y : [y];
  const samples = inputs[0]?.shape[0] ?? 0;
  const first = inputs[0];
  const sequence = inputs.length === 1 && first !== undefined && first.rank === 3 && first.dtype === 'float32';
  const owned = model.layers.flatMap((layer) =>
    layer.trainableWeights.map((weight) => ({ layer: layer.name, variable: weight.read() as Tf.Variable })),
  );
  // A Sequential model keeps its compiled losses in the functional model it wraps.
  const compiled = (model as unknown as { model?: Tf.LayersModel }).model ?? model;
  const read = sequence ? tf.variable(first, true) : null;
  const { value, grads } = tf.variableGrads(
    () =>
      tf.tidy(() => {
        const fed = read ? [read] : inputs;
        const predicted = model.apply(fed, { training: false }) as Tf.Tensor | Tf.Tensor[];
        const outputs = Array.isArray(predicted) ? predicted : [predicted];
        const losses = outputs.map((output, index) => {
          const lossOf = compiled.lossFunctions[index];
          const target = targets[index];
          if (!lossOf || !target) throw new Error('the model is not compiled for these targets');
          return tf.mean(lossOf(target, output));
        });
        // Each sample's own loss: the mean's gradient, times the samples it is shared among.
        return tf.mul(tf.addN(losses), samples) as Tf.Scalar;
      }),
    [...owned.map(({ variable }) => variable), ...(read ? [read] : [])],
  );
  try {
    const names = [...new Set(owned.map((weight) => weight.layer))];
    const layers = names.map((layer): LayerDynamics => {
      const mine = owned.filter((weight) => weight.layer === layer);
      const weights = mine.map(({ variable }) => variable.dataSync() as Float32Array);
      const gradients = mine.flatMap(({ variable }) => {
        const gradient = grads[variable.name];
        return gradient ? [gradient.dataSync() as Float32Array] : [];
      });
      return {
        layer,
        weightNorm: normOf(weights),
        // The gradient of the probe's mean loss, as one optimiser step would see it.
        gradientNorm: normOf(gradients) / Math.max(samples, 1),
        histogram: histogramOf(weights),
      };
    });
    const stepGradient = read ? grads[read.name] : undefined;
    return { layers, inputSteps: stepGradient ? stepSizes(stepGradient) : null, samples };
  } finally {
    tf.dispose([value, ...Object.values(grads)]);
    read?.dispose();
  }
}

/** The first steps whose share of the gradient tells how far back a network learns. */
export const firstSteps = 5;

/**
 * How much of the gradient the last input step gets reaches the first `firstSteps` steps, on
 * average: near 0 where it vanishes on its way back (a SimpleRNN), near 1 where it holds (an LSTM).
 */
export function firstStepsShare(steps: readonly number[]): number | null {
  const last = steps.at(-1);
  if (last === undefined || last <= 0 || steps.length <= firstSteps) return null;
  return steps.slice(0, firstSteps).reduce((sum, size) => sum + size, 0) / firstSteps / last;
}

/** Per step: the mean over samples of the gradient's norm across the step's features. */
function stepSizes(gradient: Tf.Tensor): number[] {
  const [samples = 0, steps = 0, features = 0] = gradient.shape;
  const values = gradient.dataSync();
  const sizes = new Array<number>(steps).fill(0);
  for (let sample = 0; sample < samples; sample += 1) {
    for (let step = 0; step < steps; step += 1) {
      let sum = 0;
      const start = (sample * steps + step) * features;
      for (let feature = 0; feature < features; feature += 1) sum += (values[start + feature] ?? 0) ** 2;
      sizes[step] = (sizes[step] ?? 0) + Math.sqrt(sum) / samples;
    }
  }
  return sizes;
}
