/**
 * Forward and backward by hand (issue 19): for a small network of Dense layers (the perceptron and
 * XOR lessons), one training sample followed through every weighted sum and activation, the loss,
 * the gradient of every weight on the way back, and the change one optimiser step makes, written
 * out in plain arithmetic (float64) so the learner can check each number. The same numbers as
 * tf.js' own, which the tests check to 1e-6. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/build.js';
import type { TfModule } from '../layers/types.js';
import type { Localized } from '../vocabulary/localized.js';
import type { Loss, TrainingSettings } from './settings.js';

/** The most weights a network may have to be stepped through by hand: XOR's 2-8-1 has 33. */
export const maxHandWeights = 40;

export const handActivations = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
export type HandActivation = (typeof handActivations)[number];

/** One Dense layer as the arithmetic needs it. */
export interface HandLayer {
  name: string;
  activation: HandActivation;
  /** kernel[input][unit], as Keras stores it. */
  kernel: number[][];
  /** Null for a layer without bias. */
  bias: number[] | null;
}

/** One layer's forward pass: its inputs, each unit's weighted sum, and its activation. */
export interface ForwardLayer {
  name: string;
  activation: HandActivation;
  inputs: number[];
  kernel: number[][];
  bias: number[] | null;
  sums: number[];
  outputs: number[];
}

/** One layer's backward pass: the loss's gradient at its outputs, sums, weights and inputs. */
export interface BackwardLayer {
  name: string;
  /** dL/da for each unit. */
  outputGradient: number[];
  /** dL/dz for each unit. */
  sumGradient: number[];
  /** dL/dw[input][unit] = a_input · dL/dz_unit. */
  kernelGradient: number[][];
  biasGradient: number[] | null;
  /** dL/d(input), passed to the layer before. */
  inputGradient: number[];
}

/** One optimiser step from rest, as at the first batch of training: the new weights. */
export interface UpdatedLayer {
  name: string;
  kernel: number[][];
  bias: number[] | null;
}

export interface HandTrace {
  input: number[];
  target: number[];
  forward: ForwardLayer[];
  loss: number;
  lossName: Loss;
  /** In the order the gradient travels: the last layer first. */
  backward: BackwardLayer[];
  optimizer: TrainingSettings['optimizer'];
  learningRate: number;
  updated: UpdatedLayer[];
}

export type HandResult = { ok: true; trace: HandTrace } | { ok: false; problem: Localized };

/** tf.js' fuzz factor for clipping probabilities (Keras' epsilon()). */
const keras = 1e-7;

function activate(activation: HandActivation, sums: number[]): number[] {
  switch (activation) {
    case 'linear':
      return [...sums];
    case 'relu':
      return sums.map((z) => Math.max(0, z));
    case 'sigmoid':
      return sums.map((z) => 1 / (1 + Math.exp(-z)));
    case 'tanh':
      return sums.map(Math.tanh);
    case 'softmax': {
      const top = Math.max(...sums);
      const exps = sums.map((z) => Math.exp(z - top));
      const total = exps.reduce((sum, value) => sum + value, 0);
      return exps.map((value) => value / total);
    }
  }
}

/** dL/dz from dL/da through the activation (softmax's full Jacobian). */
function throughActivation(
  activation: HandActivation,
  sums: number[],
  outputs: number[],
  gradient: number[],
): number[] {
  switch (activation) {
    case 'linear':
      return [...gradient];
    case 'relu':
      return gradient.map((g, unit) => ((sums[unit] ?? 0) > 0 ? g : 0));
    case 'sigmoid':
      return gradient.map((g, unit) => {
        const a = outputs[unit] ?? 0;
        return g * a * (1 - a);
      });
    case 'tanh':
      return gradient.map((g, unit) => g * (1 - (outputs[unit] ?? 0) ** 2));
    case 'softmax': {
      const dot = outputs.reduce((sum, a, unit) => sum + a * (gradient[unit] ?? 0), 0);
      return outputs.map((a, unit) => a * ((gradient[unit] ?? 0) - dot));
    }
  }
}

const clip = (p: number) => Math.min(1 - keras, Math.max(keras, p));

/** The loss of one sample and dL/da, as tf.js' Keras losses compute them (mean over units). */
function lossOf(name: Loss, outputs: number[], target: number[]): { loss: number; gradient: number[] } {
  const n = outputs.length;
  switch (name) {
    case 'mean_squared_error':
      return {
        loss: outputs.reduce((sum, a, unit) => sum + (a - (target[unit] ?? 0)) ** 2, 0) / n,
        gradient: outputs.map((a, unit) => (2 * (a - (target[unit] ?? 0))) / n),
      };
    case 'mean_absolute_error':
      return {
        loss: outputs.reduce((sum, a, unit) => sum + Math.abs(a - (target[unit] ?? 0)), 0) / n,
        gradient: outputs.map((a, unit) => Math.sign(a - (target[unit] ?? 0)) / n),
      };
    case 'binary_crossentropy':
      return {
        loss:
          outputs.reduce((sum, a, unit) => {
            const p = clip(a);
            const y = target[unit] ?? 0;
            return sum - (y * Math.log(p) + (1 - y) * Math.log(1 - p));
          }, 0) / n,
        // Zero where the probability was clipped, as the clip's own gradient is.
        gradient: outputs.map((a, unit) => {
          if (a <= keras || a >= 1 - keras) return 0;
          const y = target[unit] ?? 0;
          return (a - y) / (a * (1 - a)) / n;
        }),
      };
    case 'categorical_crossentropy':
    case 'sparse_categorical_crossentropy': {
      // tf.js divides by the outputs' sum before clipping and taking the log.
      const total = outputs.reduce((sum, a) => sum + a, 0);
      const weight = target.reduce((sum, y) => sum + y, 0);
      return {
        loss: -outputs.reduce((sum, a, unit) => sum + (target[unit] ?? 0) * Math.log(clip(a / total)), 0),
        gradient: outputs.map((a, unit) => {
          const p = a / total;
          const own = p <= keras || p >= 1 - keras ? 0 : -(target[unit] ?? 0) / a;
          return own + weight / total;
        }),
      };
    }
  }
}

/** The change one step of the run's optimiser makes to a weight with gradient `g`, from rest. */
function firstStep(
  settings: Pick<TrainingSettings, 'optimizer' | 'learning_rate'>,
  epsilon: number,
  g: number,
): number {
  const lr = settings.learning_rate;
  switch (settings.optimizer) {
    case 'sgd':
      // With momentum, the first step's velocity is the gradient itself.
      return -lr * g;
    case 'adam': {
      // The moments' bias corrections undo their first averaging: m̂ = g, v̂ = g².
      return (-lr * g) / (Math.abs(g) + epsilon);
    }
    case 'rmsprop':
      // Keras' rho 0.9 and epsilon 1e-7, as createOptimizer builds it.
      return (-lr * g) / Math.sqrt(0.1 * g * g + 1e-7);
    case 'adagrad':
      // The accumulator starts at 0.1, as Keras'.
      return (-lr * g) / Math.sqrt(0.1 + g * g + epsilon);
  }
}

/**
 * Follows sample `input` with `target` through `layers`, back, and one optimiser step.
 * `epsilon` is the backend's (tf.backend().epsilon()), which Adam and Adagrad add.
 */
export function traceByHand(
  layers: readonly HandLayer[],
  input: readonly number[],
  target: readonly number[],
  settings: Pick<TrainingSettings, 'optimizer' | 'learning_rate' | 'loss'>,
  epsilon: number,
): HandTrace {
  const forward: ForwardLayer[] = [];
  let current = [...input];
  for (const layer of layers) {
    const units = layer.kernel[0]?.length ?? 0;
    const sums = Array.from(
      { length: units },
      (_, unit) =>
        current.reduce((sum, a, index) => sum + a * (layer.kernel[index]?.[unit] ?? 0), 0) + (layer.bias?.[unit] ?? 0),
    );
    const outputs = activate(layer.activation, sums);
    forward.push({ ...layer, inputs: current, sums, outputs });
    current = outputs;
  }
  const { loss, gradient } = lossOf(settings.loss, current, [...target]);

  const backward: BackwardLayer[] = [];
  let outputGradient = gradient;
  for (const layer of [...forward].reverse()) {
    const sumGradient = throughActivation(layer.activation, layer.sums, layer.outputs, outputGradient);
    const kernelGradient = layer.inputs.map((a) => sumGradient.map((g) => a * g));
    const inputGradient = layer.inputs.map((_, index) =>
      sumGradient.reduce((sum, g, unit) => sum + g * (layer.kernel[index]?.[unit] ?? 0), 0),
    );
    backward.push({
      name: layer.name,
      outputGradient,
      sumGradient,
      kernelGradient,
      biasGradient: layer.bias ? sumGradient : null,
      inputGradient,
    });
    outputGradient = inputGradient;
  }

  const updated = forward.map((layer): UpdatedLayer => {
    const gradients = backward.find((entry) => entry.name === layer.name);
    return {
      name: layer.name,
      kernel: layer.kernel.map((row, index) =>
        row.map((w, unit) => w + firstStep(settings, epsilon, gradients?.kernelGradient[index]?.[unit] ?? 0)),
      ),
      bias:
        layer.bias?.map((b, unit) => b + firstStep(settings, epsilon, gradients?.biasGradient?.[unit] ?? 0)) ?? null,
    };
  });
  return {
    input: [...input],
    target: [...target],
    forward,
    loss,
    lossName: settings.loss,
    backward,
    optimizer: settings.optimizer,
    learningRate: settings.learning_rate,
    updated,
  };
}

/**
 * The model's layers as `traceByHand` takes them, when it is a chain of Dense layers with at most
 * `maxHandWeights` weights and activations written out here; else why not, in both languages.
 */
export function handLayersOf(
  model: Tf.LayersModel,
): { ok: true; layers: HandLayer[] } | { ok: false; problem: Localized } {
  const layers: HandLayer[] = [];
  let weights = 0;
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    if (kind === 'InputLayer') continue;
    const activation = (layer.getConfig() as { activation?: unknown }).activation;
    if (kind !== 'Dense' || !handActivations.includes(activation as HandActivation)) {
      return {
        ok: false,
        problem: {
          en: `Forward and backward by hand follows networks of Dense layers with the activations ${handActivations.join(', ')}; ${layer.name} is a ${kind}${kind === 'Dense' ? ` with ${String(activation)}` : ''}.`,
          es: `Hacia delante y hacia atrás a mano sigue redes de capas Dense con las activaciones ${handActivations.join(', ')}; ${layer.name} es una ${kind}${kind === 'Dense' ? ` con ${String(activation)}` : ''}.`,
        },
      };
    }
    const [kernel, bias] = layer.getWeights();
    if (!kernel) continue;
    const [inputs = 0, units = 0] = kernel.shape;
    const values = kernel.dataSync();
    weights += inputs * units + (bias ? units : 0);
    layers.push({
      name: layer.name,
      activation: activation as HandActivation,
      kernel: Array.from({ length: inputs }, (_, row) => Array.from(values.slice(row * units, (row + 1) * units))),
      bias: bias ? Array.from(bias.dataSync()) : null,
    });
  }
  if (weights > maxHandWeights) {
    return {
      ok: false,
      problem: {
        en: `Forward and backward by hand follows networks of up to ${maxHandWeights} weights; this one has ${weights}.`,
        es: `Hacia delante y hacia atrás a mano sigue redes de hasta ${maxHandWeights} pesos; esta tiene ${weights}.`,
      },
    };
  }
  return { ok: true, layers };
}

/** A sample's target as the output's values: itself, or a class index as one-hot over `units`. */
export function targetOf(values: readonly number[], units: number, loss: Loss): number[] {
  if (values.length === units) return [...values];
  const index = values[0] ?? 0;
  if (loss === 'sparse_categorical_crossentropy' || loss === 'categorical_crossentropy')
    return Array.from({ length: units }, (_, unit) => (unit === index ? 1 : 0));
  return [index];
}

/** A training sample the learner can follow: its inputs and its target as the data gives it. */
export interface HandSample {
  x: number[];
  y: number[];
}

/** The samples offered to follow by hand: the first of the data, enough to choose from. */
export const handSamplesShown = 50;

/**
 * Follows sample `sample` of the trained `model`'s data by hand, with the run's loss and optimiser;
 * with the first samples, for the learner to choose another.
 */
export function followByHand(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Pick<Dataset, 'x' | 'y'>,
  settings: Pick<TrainingSettings, 'optimizer' | 'learning_rate' | 'loss'>,
  sample: number,
): { ok: true; trace: HandTrace; samples: HandSample[] } | { ok: false; problem: Localized } {
  const hand = handLayersOf(model);
  if (!hand.ok) return hand;
  const [count = 0, features = 1] = dataset.x.shape;
  const perTarget = dataset.y.shape.slice(1).reduce((product, size) => product * size, 1);
  const row = (index: number): HandSample => ({
    x: Array.from(dataset.x.values.slice(index * features, (index + 1) * features)),
    y: Array.from(dataset.y.values.slice(index * perTarget, (index + 1) * perTarget)),
  });
  if (dataset.x.shape.length !== 2 || model.inputs.length !== 1 || count === 0) {
    return {
      ok: false,
      problem: {
        en: 'Forward and backward by hand follows one row of numbers into one Input.',
        es: 'Hacia delante y hacia atrás a mano sigue una fila de números hacia una sola Input.',
      },
    };
  }
  const chosen = Math.min(Math.max(0, Math.floor(sample)), count - 1);
  const units = hand.layers.at(-1)?.kernel[0]?.length ?? 1;
  const { x, y } = row(chosen);
  const trace = traceByHand(hand.layers, x, targetOf(y, units, settings.loss), settings, tf.backend().epsilon());
  return {
    ok: true,
    trace,
    samples: Array.from({ length: Math.min(count, handSamplesShown) }, (_, index) => row(index)),
  };
}
