/**
 * The playground's side of a trained model: turning what the learner types into an input, and the
 * model's output into an answer (top classes with probabilities, or a number), plus text
 * generation with a temperature. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import { paddingIndex, unknownIndex, type Dataset } from '../data/dataset.js';
import type { QueryResult } from '../data/recipe.js';
import { recipeOf, type DataSpec } from '../data/recipes/index.js';
import type { TfModule } from '../layers/types.js';
import type { Localized } from '../vocabulary/localized.js';
import { createRandom } from '../math/random.js';
import { feedOf } from './feed.js';
import { outputTargetsOf } from './outputs.js';

export type Answer =
  | {
      kind: 'classes';
      /** The likeliest classes, best first; `probability` is the output's value for each. */
      top: { label: string; probability: number }[];
      /**
       * Whether the outputs are probabilities (each in [0, 1], adding up to 1 over the classes):
       * a network that does not end with softmax or sigmoid gives scores, never shown as percentages.
       */
      probabilities: boolean;
    }
  | { kind: 'value'; value: number }
  /** A network of several outputs, each predicting a column of a table: each output's answer. */
  | { kind: 'outputs'; parts: { name: string; column: string; answer: Answer }[] }
  /** An autoencoder's answer: the image it gives back, and its mean squared error to the one shown. */
  | { kind: 'image'; input: number[]; output: number[]; error: number }
  /**
   * A GAN's answer to a noise seed: the generator's image, the discriminator's probability that
   * it is real, and the nearest real image with its class and mean squared difference.
   */
  | {
      kind: 'sample';
      output: number[];
      realness: number;
      nearest: { label: string; distance: number; image: number[] };
    };

/** The question the playground opens with, as the lesson or the data suggests it. */
export function defaultQuery(data: DataSpec): string {
  return recipeOf(data).defaultQuery(data);
}

/** Whether the playground can write on from a question: a text read a character or a word at a time. */
export function writesText(spec: DataSpec): boolean {
  return recipeOf(spec).playground(spec).writes !== undefined;
}

/** Encodes a query the way the dataset encoded its samples. */
export function encodeQuery(spec: DataSpec, dataset: Dataset, text: string): QueryResult {
  return recipeOf(spec).encodeQuery(spec, dataset, text);
}

/** Each value in [0, 1] and, over several classes, adding up to 1: what softmax and sigmoid give. */
function isDistribution(values: readonly number[]): boolean {
  const total = values.reduce((sum, value) => sum + value, 0);
  return values.every((value) => value >= 0 && value <= 1) && Math.abs(total - 1) < 1e-3;
}

/**
 * A class label as a learner can read it: a space is `␣`, and a label with other white space
 * or invisible characters is quoted with them escaped.
 */
export function displayLabel(label: string): string {
  if (label === ' ') return '␣';
  return /^[^\s\p{C}]+$/u.test(label) ? label : JSON.stringify(label);
}

/** Reads the model's output for one sample back in the data's terms; `input` is the sample asked. */
export function decodeAnswer(
  dataset: Dataset,
  output: ArrayLike<number>,
  input: ArrayLike<number> = [],
  topCount = 5,
): Answer {
  if (dataset.target.kind === 'image') {
    let squares = 0;
    for (let index = 0; index < output.length; index += 1) squares += ((output[index] ?? 0) - (input[index] ?? 0)) ** 2;
    return {
      kind: 'image',
      input: Array.from(input),
      output: Array.from(output),
      error: output.length > 0 ? squares / output.length : Number.NaN,
    };
  }
  if (dataset.target.kind === 'class') {
    const labels = dataset.target.labels;
    // Two classes and one sigmoid unit (binary cross-entropy): the unit is the second class' probability.
    const probabilities =
      output.length === 1 && labels.length === 2 ? [1 - (output[0] ?? 0), output[0] ?? 0] : Array.from(output);
    const top = Array.from(probabilities, (probability, index) => ({
      label: labels[index] ?? String(index),
      probability,
    }))
      .sort((a, b) => b.probability - a.probability)
      .slice(0, topCount);
    return { kind: 'classes', top, probabilities: isDistribution(probabilities) };
  }
  // A GAN's full chain ends in the discriminator: the probability that the image is real.
  const scale = dataset.target.kind === 'value' ? dataset.target.scale : 1;
  const center = dataset.target.kind === 'value' ? (dataset.target.center ?? 0) : 0;
  return { kind: 'value', value: (output[0] ?? Number.NaN) * scale + center };
}

export function predictOne(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Dataset,
  values: Float32Array,
  shape: number[],
): Float32Array {
  return predictEach(tf, model, dataset, values, shape)[0] ?? new Float32Array();
}

/** Each of the model's outputs for one sample, in the model's order of outputs. */
export function predictEach(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Dataset,
  values: Float32Array,
  shape: number[],
): Float32Array[] {
  return tf.tidy(() => {
    const output = model.predict(feedOf(tf, model, dataset, tf.tensor(values, shape)));
    return (Array.isArray(output) ? output : [output]).map((tensor) => tensor.dataSync() as Float32Array);
  });
}

/**
 * The answer to a question already encoded: one output's in the data's terms, or, for a table
 * predicted by several outputs, each output's on its own column.
 */
export function answerOf(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Dataset,
  values: Float32Array,
  shape: number[],
  top?: number,
): Answer {
  const outputs = predictEach(tf, model, dataset, values, shape);
  const several = outputTargetsOf(dataset.outputs, model.outputNames);
  if (!several) return decodeAnswer(dataset, outputs[0] ?? [], values, top);
  return {
    kind: 'outputs',
    parts: several.map((output, index) => ({
      name: output.name,
      column: output.column,
      answer: decodeAnswer({ ...dataset, target: output.target }, outputs[index] ?? [], values, top),
    })),
  };
}

/** Picks a class from probabilities sharpened (temperature < 1) or flattened (> 1). */
export function sampleWithTemperature(
  probabilities: ArrayLike<number>,
  temperature: number,
  random: () => number,
): number {
  if (temperature <= 0.01) {
    let best = 0;
    for (let index = 1; index < probabilities.length; index += 1)
      if ((probabilities[index] ?? 0) > (probabilities[best] ?? 0)) best = index;
    return best;
  }
  // A class ruled out (probability 0) is never drawn, however flat the temperature makes the rest.
  const weights = Array.from(probabilities, (probability) =>
    probability > 0 ? Math.exp(Math.log(Math.max(probability, 1e-12)) / temperature) : 0,
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let pick = random() * total;
  for (let index = 0; index < weights.length; index += 1) {
    pick -= weights[index] ?? 0;
    if (pick <= 0) return index;
  }
  return weights.length - 1;
}

/**
 * Continues `seedText` by `length` characters or words, one prediction each: for recipes whose
 * playground writes (`writes`), whose classes are the characters or words a text is made of. A
 * word is written after a space; the vocabulary's padding and unknown word are never written.
 */
export function generateText(
  tf: TfModule,
  model: Tf.LayersModel,
  spec: DataSpec,
  dataset: Dataset,
  seedText: string,
  length: number,
  temperature: number,
  seed = 1,
): { ok: true; text: string } | { ok: false; problem: Localized } {
  const random = createRandom(seed);
  let text = seedText;
  const labels = dataset.target.kind === 'class' ? dataset.target.labels : [];
  const byWords = recipeOf(spec).playground(spec).writes === 'words';
  for (let step = 0; step < length; step += 1) {
    const query = encodeQuery(spec, dataset, text);
    if (!query.ok) return query;
    const probabilities = predictOne(tf, model, dataset, query.values, query.shape);
    if (byWords) {
      probabilities[paddingIndex] = 0;
      probabilities[unknownIndex] = 0;
    }
    const next = labels[sampleWithTemperature(probabilities, temperature, random)] ?? '';
    text += byWords ? `${text === '' || /\s$/.test(text) ? '' : ' '}${next}` : next;
  }
  return { ok: true, text };
}
