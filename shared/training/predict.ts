/**
 * The playground's side of a trained model: turning what the learner types into an input, and the
 * model's output into an answer (top classes with probabilities, or a number), plus text
 * generation with a temperature. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import {
  encodeWords,
  imageGroups,
  oneHotWindow,
  recallSymbols,
  wordsOf,
  writeAddingSequence,
  type Dataset,
} from '../data/build.js';
import { imageSet } from '../data/images.js';
import type { DataSpec } from '../data/spec.js';
import type { TfModule } from '../layers/types.js';
import type { Localized } from '../vocabulary/localized.js';
import { createRandom } from '../math/random.js';

export type QueryResult = { ok: true; values: Float32Array; shape: number[] } | { ok: false; problem: Localized };

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
  switch (data.kind) {
    case 'text-next-char':
      return Array.from(data.text).slice(0, data.window).join('');
    case 'sequence-next-value':
      return data.values.slice(-data.window).join(', ');
    case 'table':
      return (data.rows[0] ?? []).slice(0, data.columns.length).join(', ');
    case 'recall':
      return recallExample(data);
    case 'text-class':
      return data.examples.at(-1)?.text ?? '';
    case 'images':
      // A GAN's question is the seed of the noise its generator turns into an image.
      if (data.task === 'generate') return '1';
      // The last image: it is among those held out for validation, so the network never trained on it.
      return `#${imageSampleCount(data)}`;
    case 'adding':
      return addingExample(data);
  }
}

/** A sequence to ask about: the same numbers every time, 0.50 and 0.30 marked, so the sum is 0.80. */
function addingExample(data: Extract<DataSpec, { kind: 'adding' }>): string {
  const values = Array.from({ length: data.length }, (_, step) => ((step * 37) % 100) / 100);
  const half = Math.floor(data.length / 2);
  const marks = [Math.floor(half / 3), half + Math.floor((data.length - half) / 2)];
  values[marks[0] ?? 0] = 0.5;
  values[marks[1] ?? 0] = 0.3;
  return writeAddingSequence(values, marks);
}

/** A sequence to ask about: an A, then B and C over and over, as long as the recipe's sequences. */
function recallExample(data: Extract<DataSpec, { kind: 'recall' }>): string {
  const letters = recallSymbols(data.symbols);
  return Array.from({ length: data.length }, (_, step) =>
    step === 0 ? 'A' : (letters[1 + (step % (data.symbols - 1))] ?? 'B'),
  ).join('');
}

/** How many images a recipe keeps, without building it: its classes or groups, after the offset, up to the limit. */
function imageSampleCount(data: Extract<DataSpec, { kind: 'images' }>): number {
  const set = imageSet(data.source);
  const grouping = imageGroups(data, set.classNames);
  const targetOf = grouping.ok ? grouping.targetOf : [];
  const count = set.classes.reduce((total, found) => total + ((targetOf[found] ?? -1) >= 0 ? 1 : 0), 0);
  const left = Math.max(0, count - (data.offset ?? 0));
  return Math.min(left, data.limit ?? left);
}

/** Parses "7, 8, 9", "7 8 9" or "[7, 8, 9]". */
export function parseNumberList(text: string): number[] | null {
  const trimmed = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  if (trimmed === '') return [];
  const parts = trimmed.split(/[\s,;]+/).filter((part) => part !== '');
  const values = parts.map((part) =>
    /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(part) ? Number(part) : Number.NaN,
  );
  return values.every(Number.isFinite) ? values : null;
}

/** Encodes a query the way the dataset encoded its samples: the last `window` characters or numbers. */
export function encodeQuery(spec: DataSpec, dataset: Dataset, text: string): QueryResult {
  if (spec.kind === 'text-next-char') {
    const labels = dataset.target.kind === 'class' ? dataset.target.labels : [];
    const characters = Array.from(text);
    if (characters.length < spec.window) {
      return {
        ok: false,
        problem: {
          en: `Type at least ${spec.window} characters: the network reads ${spec.window} at a time.`,
          es: `Escribe al menos ${spec.window} caracteres: la red lee ${spec.window} cada vez.`,
        },
      };
    }
    const window = characters.slice(-spec.window);
    const values = oneHotWindow(window, labels);
    if (values) return { ok: true, values, shape: [1, spec.window, labels.length] };
    const unknown = window.find((character) => !labels.includes(character)) ?? '';
    const known = labels.map((label) => JSON.stringify(label)).join(' ');
    return {
      ok: false,
      problem: {
        en: `“${unknown}” never appears in the training text, so the network has no input for it. It knows: ${known}.`,
        es: `«${unknown}» no aparece en el texto de entrenamiento, así que la red no tiene entrada para él. Conoce: ${known}.`,
      },
    };
  }
  if (spec.kind === 'table') return encodeTableQuery(spec, text);
  if (spec.kind === 'images') return encodeImageQuery(dataset, text);
  if (spec.kind === 'recall') return encodeRecallQuery(spec, text);
  if (spec.kind === 'text-class') return encodeTextClassQuery(spec, dataset, text);
  if (spec.kind === 'adding') return encodeAddingQuery(spec, text);
  return encodeSequenceQuery(spec, dataset, text);
}

function encodeSequenceQuery(
  spec: Extract<DataSpec, { kind: 'sequence-next-value' }>,
  dataset: Dataset,
  text: string,
): QueryResult {
  const numbers = parseNumberList(text);
  if (numbers === null || numbers.length < spec.window) {
    return {
      ok: false,
      problem: {
        en: `Type ${spec.window} numbers separated by commas, e.g. ${spec.values.slice(-spec.window).join(', ')}.`,
        es: `Escribe ${spec.window} números separados por comas, p. ej. ${spec.values.slice(-spec.window).join(', ')}.`,
      },
    };
  }
  const scale = dataset.target.kind === 'value' ? dataset.target.scale : 1;
  return {
    ok: true,
    values: Float32Array.from(numbers.slice(-spec.window), (value) => value / scale),
    shape: [1, spec.window, 1],
  };
}

/**
 * An image query: `#12`, the data's 12th image, or the pixels themselves as numbers from 0 to 16
 * (ink, as the digits are stored), row by row, which is what the playground's drawing pad writes.
 */
function encodeImageQuery(dataset: Dataset, text: string): QueryResult {
  const [count = 0, height = 1, width = 1, channels = 1] = dataset.x.shape;
  const size = height * width * channels;
  const shape = [1, height, width, channels];
  const asked = /^#\s*(\d+)$/.exec(text.trim());
  if (asked) {
    const index = Number(asked[1]) - 1;
    if (index >= 0 && index < count) {
      return {
        ok: true,
        values: Float32Array.from(dataset.x.values.subarray(index * size, (index + 1) * size)),
        shape,
      };
    }
    return {
      ok: false,
      problem: {
        en: `There is no image ${text.trim()}: the data holds images #1 to #${count}.`,
        es: `No hay imagen ${text.trim()}: los datos tienen las imágenes #1 a #${count}.`,
      },
    };
  }
  const numbers = parseNumberList(text);
  if (numbers === null || numbers.length !== size || numbers.some((value) => value < 0 || value > 16)) {
    return {
      ok: false,
      problem: {
        en: `Draw a digit on the pad, or type # and an image's number (#1 to #${count}), or ${size} numbers from 0 to 16.`,
        es: `Dibuja un dígito en el recuadro, o escribe # y el número de una imagen (#1 a #${count}), o ${size} números de 0 a 16.`,
      },
    };
  }
  return { ok: true, values: Float32Array.from(numbers, (value) => value / 16), shape };
}

/** A text to classify: its words as the vocabulary numbers them; words it never saw count as unknown. */
function encodeTextClassQuery(
  spec: Extract<DataSpec, { kind: 'text-class' }>,
  dataset: Dataset,
  text: string,
): QueryResult {
  if (wordsOf(text).length === 0) {
    return {
      ok: false,
      problem: { en: 'Type a sentence to classify.', es: 'Escribe una frase para clasificar.' },
    };
  }
  const index = new Map((dataset.words ?? []).map((word, position) => [word, position]));
  const codes = encodeWords(text, index, spec.length);
  return { ok: true, values: Float32Array.from(codes), shape: [1, spec.length] };
}

/** A recall query: exactly as many symbols as the sequences have, in capitals or not. */
function encodeRecallQuery(spec: Extract<DataSpec, { kind: 'recall' }>, text: string): QueryResult {
  const letters = recallSymbols(spec.symbols);
  const typed = Array.from(text.replace(/[\s,]/g, '').toUpperCase());
  const values = typed.length === spec.length ? oneHotWindow(typed, letters) : null;
  if (values) return { ok: true, values, shape: [1, spec.length, spec.symbols] };
  const known = letters.join(', ');
  return {
    ok: false,
    problem: {
      en: `Type ${spec.length} symbols, each one of ${known}: the network reads sequences of ${spec.length} (you typed ${typed.length}).`,
      es: `Escribe ${spec.length} símbolos, cada uno de ${known}: la red lee secuencias de ${spec.length} (has escrito ${typed.length}).`,
    },
  };
}

/**
 * An adding query: as many numbers as the sequences have, two of them marked with a star
 * (`0.12 0.50* 0.93 …`); each step becomes the number and its mark.
 */
function encodeAddingQuery(spec: Extract<DataSpec, { kind: 'adding' }>, text: string): QueryResult {
  const tokens = text.split(/[\s,]+/).filter((token) => token !== '');
  const read = tokens.map((token) => /^(-?\d*\.?\d+)(\*?)$/.exec(token));
  const marks = read.filter((match) => match?.[2] === '*').length;
  const bad = tokens.find((_, index) => {
    const value = Number(read[index]?.[1]);
    return !read[index] || !(value >= 0 && value <= 1);
  });
  if (tokens.length !== spec.length || marks !== 2 || bad !== undefined) {
    const found =
      bad !== undefined
        ? { en: `“${bad}” is not a number from 0 to 1`, es: `«${bad}» no es un número de 0 a 1` }
        : {
            en: `you typed ${tokens.length}, ${marks} marked`,
            es: `has escrito ${tokens.length}, ${marks} con estrella`,
          };
    return {
      ok: false,
      problem: {
        en: `Type ${spec.length} numbers from 0 to 1 and mark the two to add with a star, e.g. 0.50* (${found.en}).`,
        es: `Escribe ${spec.length} números de 0 a 1 y marca con una estrella los dos que hay que sumar, p. ej. 0.50* (${found.es}).`,
      },
    };
  }
  const values = new Float32Array(spec.length * 2);
  read.forEach((match, step) => {
    values[step * 2] = Number(match?.[1]);
    values[step * 2 + 1] = match?.[2] === '*' ? 1 : 0;
  });
  return { ok: true, values, shape: [1, spec.length, 2] };
}

/** A table's query: one number per input column, in column order. */
function encodeTableQuery(spec: Extract<DataSpec, { kind: 'table' }>, text: string): QueryResult {
  const inputs = spec.columns.length;
  const numbers = parseNumberList(text);
  if (numbers === null || numbers.length !== inputs) {
    const example = (spec.rows[0] ?? []).slice(0, inputs).join(', ');
    const names = spec.columns.join(', ');
    return {
      ok: false,
      problem: {
        en: `Type ${inputs} ${inputs === 1 ? 'number' : 'numbers separated by commas'}, one for each input (${names}), e.g. ${example}.`,
        es: `Escribe ${inputs} ${inputs === 1 ? 'número' : 'números separados por comas'}, uno por entrada (${names}), p. ej. ${example}.`,
      },
    };
  }
  return { ok: true, values: Float32Array.from(numbers), shape: [1, inputs] };
}

/** Reads the model's output for one sample back in the data's terms; `input` is the sample asked. */
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
  return { kind: 'value', value: (output[0] ?? Number.NaN) * scale };
}

export function predictOne(tf: TfModule, model: Tf.LayersModel, values: Float32Array, shape: number[]): Float32Array {
  return tf.tidy(() => {
    const output = model.predict(tf.tensor(values, shape)) as Tf.Tensor;
    return output.dataSync() as Float32Array;
  });
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
  const weights = Array.from(probabilities, (probability) =>
    Math.exp(Math.log(Math.max(probability, 1e-12)) / temperature),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let pick = random() * total;
  for (let index = 0; index < weights.length; index += 1) {
    pick -= weights[index] ?? 0;
    if (pick <= 0) return index;
  }
  return weights.length - 1;
}

/** Continues `seedText` by `length` characters, one prediction per character. */
export function generateText(
  tf: TfModule,
  model: Tf.LayersModel,
  spec: Extract<DataSpec, { kind: 'text-next-char' }>,
  dataset: Dataset,
  seedText: string,
  length: number,
  temperature: number,
  seed = 1,
): { ok: true; text: string } | { ok: false; problem: Localized } {
  const random = createRandom(seed);
  let text = seedText;
  const labels = dataset.target.kind === 'class' ? dataset.target.labels : [];
  for (let step = 0; step < length; step += 1) {
    const query = encodeQuery(spec, dataset, text);
    if (!query.ok) return query;
    const probabilities = predictOne(tf, model, query.values, query.shape);
    text += labels[sampleWithTemperature(probabilities, temperature, random)] ?? '';
  }
  return { ok: true, text };
}
