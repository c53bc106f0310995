/**
 * Turns a dataset recipe into the values the network trains on, plus what the playground needs to
 * read answers back (the vocabulary, the scale). Bad raw data is refused with the field at fault.
 * Reads nothing but its arguments.
 */
import type { Localized } from '../vocabulary/localized.js';
import { createRandom } from '../math/random.js';
import { imageSet } from './images.js';
import type { DataSpec } from './spec.js';

/** Values of one tensor, flat and row-major, ready for `tf.tensor(values, shape, dtype)`. */
export interface TensorData {
  values: Float32Array | Int32Array;
  shape: number[];
  dtype: 'float32' | 'int32';
}

export interface Dataset {
  x: TensorData;
  y: TensorData;
  /** What the targets are: class indices (with their labels) or numbers. */
  target:
    | { kind: 'class'; labels: string[] }
    | { kind: 'value'; scale: number }
    | { kind: 'image' }
    /** A GAN's real images (`y` repeats `x`): a generator learns to make more like them. */
    | { kind: 'generate' };
  /** The inputs' windows as the learner would read them, for the dataset panel. */
  preview: { input: string; target: string }[];
  /** Text data: the vocabulary by index (0 pads, 1 is any unknown word), for the Embedding's input_dim. */
  words?: string[];
  /** Image data: each sample's size and class, and the images of the classes left out of training. */
  images?: {
    height: number;
    width: number;
    channels: number;
    /** Each sample's class name (its digit), for reconstructions and confusion matrices. */
    sampleClasses: string[];
    /** Images of the classes not trained on, with their class names: the autoencoder's anomalies. */
    unusual: { x: TensorData; classes: string[] } | null;
  };
}

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; field: string; problem: Localized };

/** The sorted characters of `text`, as the course builds its vocabulary. */
export function vocabularyOf(text: string): string[] {
  return [...new Set(Array.from(text))].sort();
}

/** One window of characters, one-hot: a row per character, a 1 in its vocabulary column. */
export function oneHotWindow(characters: readonly string[], vocabulary: readonly string[]): Float32Array | null {
  const values = new Float32Array(characters.length * vocabulary.length);
  for (let step = 0; step < characters.length; step += 1) {
    const index = vocabulary.indexOf(characters[step] ?? '');
    if (index < 0) return null;
    values[step * vocabulary.length + index] = 1;
  }
  return values;
}

const previewRows = 8;

function buildTextNextChar(spec: Extract<DataSpec, { kind: 'text-next-char' }>): DatasetResult {
  const characters = Array.from(spec.text);
  const count = characters.length - spec.window;
  if (count < 1) {
    return {
      ok: false,
      field: 'window',
      problem: {
        en: `The text has ${characters.length} characters: a window of ${spec.window} leaves nothing to predict. Use a longer text or a shorter window.`,
        es: `El texto tiene ${characters.length} caracteres: una ventana de ${spec.window} no deja nada que predecir. Usa un texto más largo o una ventana menor.`,
      },
    };
  }
  const vocabulary = vocabularyOf(spec.text);
  const size = vocabulary.length;
  // A map, not indexOf: a long text has a million characters to look up.
  const indexOf = new Map(vocabulary.map((character, index) => [character, index]));
  const x = new Float32Array(count * spec.window * size);
  // Class indices as float32: tf.js' sparse cross-entropy floors its labels and takes floats only.
  const y = new Float32Array(count);
  const preview: Dataset['preview'] = [];
  for (let sample = 0; sample < count; sample += 1) {
    for (let step = 0; step < spec.window; step += 1) {
      x[(sample * spec.window + step) * size + (indexOf.get(characters[sample + step] ?? '') ?? 0)] = 1;
    }
    y[sample] = indexOf.get(characters[sample + spec.window] ?? '') ?? 0;
    if (sample < previewRows) {
      preview.push({
        input: characters.slice(sample, sample + spec.window).join(''),
        target: characters[sample + spec.window] ?? '',
      });
    }
  }
  return {
    ok: true,
    dataset: {
      x: { values: x, shape: [count, spec.window, size], dtype: 'float32' },
      y: { values: y, shape: [count], dtype: 'float32' },
      target: { kind: 'class', labels: vocabulary },
      preview,
    },
  };
}

function buildSequenceNextValue(spec: Extract<DataSpec, { kind: 'sequence-next-value' }>): DatasetResult {
  const count = spec.values.length - spec.window;
  if (count < 1) {
    return {
      ok: false,
      field: 'window',
      problem: {
        en: `The sequence has ${spec.values.length} numbers: a window of ${spec.window} leaves nothing to predict. Add numbers or shorten the window.`,
        es: `La secuencia tiene ${spec.values.length} números: una ventana de ${spec.window} no deja nada que predecir. Añade números o acorta la ventana.`,
      },
    };
  }
  const largest = Math.max(...spec.values.map((value) => Math.abs(value)));
  const scale = spec.scale === 'max' && largest > 0 ? largest : 1;
  const x = new Float32Array(count * spec.window);
  const y = new Float32Array(count);
  const preview: Dataset['preview'] = [];
  for (let sample = 0; sample < count; sample += 1) {
    for (let step = 0; step < spec.window; step += 1)
      x[sample * spec.window + step] = (spec.values[sample + step] ?? 0) / scale;
    y[sample] = (spec.values[sample + spec.window] ?? 0) / scale;
    if (sample < previewRows) {
      preview.push({
        input: spec.values.slice(sample, sample + spec.window).join(', '),
        target: String(spec.values[sample + spec.window]),
      });
    }
  }
  return {
    ok: true,
    dataset: {
      x: { values: x, shape: [count, spec.window, 1], dtype: 'float32' },
      y: { values: y, shape: [count, 1], dtype: 'float32' },
      target: { kind: 'value', scale },
      preview,
    },
  };
}

/** The classes of a table's targets: the distinct values, sorted as numbers. */
export function tableClasses(targets: readonly number[]): number[] {
  return [...new Set(targets)].sort((a, b) => a - b);
}

function buildTable(spec: Extract<DataSpec, { kind: 'table' }>): DatasetResult {
  const inputs = spec.columns.length;
  const width = inputs + 1;
  const ragged = spec.rows.findIndex((row) => row.length !== width);
  if (ragged >= 0) {
    const found = spec.rows[ragged]?.length ?? 0;
    const number = ragged + 1;
    return {
      ok: false,
      field: 'rows',
      problem: {
        en: `row ${number} has ${found} ${found === 1 ? 'number' : 'numbers'}; every row needs ${width} (${inputs} ${inputs === 1 ? 'input' : 'inputs'} and the target)`,
        es: `la fila ${number} tiene ${found} ${found === 1 ? 'número' : 'números'}; cada fila necesita ${width} (${inputs} ${inputs === 1 ? 'entrada' : 'entradas'} y el objetivo)`,
      },
    };
  }
  const count = spec.rows.length;
  const targets = spec.rows.map((row) => row[inputs] ?? 0);
  const classes = spec.target === 'class' ? tableClasses(targets) : [];
  const x = new Float32Array(count * inputs);
  // Class indices as float32, as for text: tf.js' sparse cross-entropy takes floats only.
  const y = new Float32Array(count);
  const preview: Dataset['preview'] = [];
  spec.rows.forEach((row, sample) => {
    for (let column = 0; column < inputs; column += 1) x[sample * inputs + column] = row[column] ?? 0;
    const target = targets[sample] ?? 0;
    y[sample] = spec.target === 'class' ? classes.indexOf(target) : target;
    if (sample < previewRows) {
      preview.push({ input: row.slice(0, inputs).join(', '), target: String(target) });
    }
  });
  return {
    ok: true,
    dataset: {
      x: { values: x, shape: [count, inputs], dtype: 'float32' },
      y: { values: y, shape: spec.target === 'class' ? [count] : [count, 1], dtype: 'float32' },
      target: spec.target === 'class' ? { kind: 'class', labels: classes.map(String) } : { kind: 'value', scale: 1 },
      preview,
    },
  };
}

/**
 * What an image recipe classifies into: for each class of the set, the index of its target (-1
 * when it is left out), and the targets' names. Without groups, the kept classes sorted: a model
 * of 3 digits has 3 outputs. Exported programs write the same table.
 */
export function imageGroups(
  spec: Extract<DataSpec, { kind: 'images' }>,
  classNames: readonly string[],
): { ok: true; targetOf: number[]; labels: string[] } | Extract<DatasetResult, { ok: false }> {
  const refuse = (en: string, es: string) => ({ ok: false as const, field: 'groups', problem: { en, es } });
  if (!spec.groups) {
    const kept = [...new Set(spec.classes ?? classNames.map((_, index) => index))].sort((a, b) => a - b);
    return {
      ok: true,
      targetOf: classNames.map((_, index) => kept.indexOf(index)),
      labels: kept.map((index) => classNames[index] ?? String(index)),
    };
  }
  if (spec.classes) {
    return refuse(
      'Choose either the classes to keep or groups of them, not both.',
      'Elige las clases que se conservan o grupos de ellas, no ambas cosas.',
    );
  }
  if (spec.task !== 'classify') {
    return refuse(
      'Groups are classes to tell apart: they need the classify task.',
      'Los grupos son clases que distinguir: necesitan la tarea de clasificar.',
    );
  }
  const targetOf = classNames.map(() => -1);
  for (const [index, group] of spec.groups.entries()) {
    for (const found of group.classes) {
      const other = spec.groups[targetOf[found] ?? -1];
      if (other) {
        return refuse(
          `${classNames[found] ?? found} is in two groups, "${other.name}" and "${group.name}": an image has one answer.`,
          `${classNames[found] ?? found} está en dos grupos, «${other.name}» y «${group.name}»: una imagen tiene una sola respuesta.`,
        );
      }
      targetOf[found] = index;
    }
  }
  return { ok: true, targetOf, labels: spec.groups.map((group) => group.name) };
}

function buildImages(spec: Extract<DataSpec, { kind: 'images' }>): DatasetResult {
  const set = imageSet(spec.source);
  const size = set.height * set.width * set.channels;
  const grouping = imageGroups(spec, set.classNames);
  if (!grouping.ok) return grouping;
  const { targetOf, labels } = grouping;
  const chosen: number[] = [];
  const unusual: number[] = [];
  set.classes.forEach((found, index) => ((targetOf[found] ?? -1) >= 0 ? chosen : unusual).push(index));
  const offset = spec.offset ?? 0;
  const samples = chosen.slice(offset, offset + (spec.limit ?? chosen.length));
  if (samples.length < 2) {
    return {
      ok: false,
      field: spec.offset && spec.offset >= chosen.length - 1 ? 'offset' : 'classes',
      problem: {
        en: `Only ${samples.length} image is left of the ${chosen.length} kept: keep more classes, skip fewer or raise the limit.`,
        es: `Solo queda ${samples.length} imagen de las ${chosen.length} elegidas: conserva más clases, salta menos o sube el límite.`,
      },
    };
  }
  const gather = (indices: readonly number[]) => {
    const values = new Float32Array(indices.length * size);
    indices.forEach((image, sample) =>
      values.set(set.pixels.subarray(image * size, (image + 1) * size), sample * size),
    );
    return values;
  };
  const shape = [samples.length, set.height, set.width, set.channels];
  const x = gather(samples);
  const names = (indices: readonly number[]) => indices.map((image) => set.classNames[set.classes[image] ?? 0] ?? '');
  const sampleClasses = names(samples);
  const classify = spec.task === 'classify';
  const y = classify ? Float32Array.from(samples, (image) => targetOf[set.classes[image] ?? 0] ?? 0) : x;
  const held = spec.task === 'reconstruct' && unusual.length > 0 ? unusual : [];
  return {
    ok: true,
    dataset: {
      x: { values: x, shape, dtype: 'float32' },
      y: { values: y, shape: classify ? [samples.length] : shape, dtype: 'float32' },
      target: classify
        ? { kind: 'class', labels }
        : spec.task === 'generate'
          ? { kind: 'generate' }
          : { kind: 'image' },
      preview: samples.slice(0, previewRows).map((image, sample) => ({
        input: `#${sample + 1}`,
        target: classify ? (labels[targetOf[set.classes[image] ?? 0] ?? 0] ?? '') : `#${sample + 1}`,
      })),
      images: {
        height: set.height,
        width: set.width,
        channels: set.channels,
        sampleClasses,
        unusual:
          held.length > 0
            ? {
                x: {
                  values: gather(held),
                  shape: [held.length, set.height, set.width, set.channels],
                  dtype: 'float32',
                },
                classes: names(held),
              }
            : null,
      },
    },
  };
}

/** Index 0 pads a short text; 1 stands for any word the vocabulary does not hold. */
export const paddingIndex = 0;
export const unknownIndex = 1;

/** A text's words as LayerLab reads them: lower case, letters and digits, split at anything else. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The vocabulary of a set of texts: every word, most frequent first (ties in alphabetical order),
 * numbered from 2 after the padding and the unknown word.
 */
export function textVocabulary(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([word]) => word);
}

/** A text as `length` word indices: its last words, padded with 0 in front, unknown words as 1. */
export function encodeWords(text: string, index: ReadonlyMap<string, number>, length: number): number[] {
  const codes = wordsOf(text)
    .map((word) => index.get(word) ?? unknownIndex)
    .slice(-length);
  return [...Array.from({ length: length - codes.length }, () => paddingIndex), ...codes];
}

function buildTextClass(spec: Extract<DataSpec, { kind: 'text-class' }>): DatasetResult {
  const vocabulary = textVocabulary(spec.examples.map((example) => example.text));
  const index = new Map(vocabulary.map((word, position) => [word, position + 2]));
  const labels = [...new Set(spec.examples.map((example) => example.label))].sort();
  if (labels.length < 2) {
    return {
      ok: false,
      field: 'examples',
      problem: {
        en: `Every example has the label “${labels[0] ?? ''}”: a classifier needs at least two labels.`,
        es: `Todos los ejemplos tienen la etiqueta «${labels[0] ?? ''}»: un clasificador necesita al menos dos.`,
      },
    };
  }
  const count = spec.examples.length;
  const x = new Int32Array(count * spec.length);
  const y = new Float32Array(count);
  spec.examples.forEach((example, sample) => {
    x.set(encodeWords(example.text, index, spec.length), sample * spec.length);
    y[sample] = labels.indexOf(example.label);
  });
  return {
    ok: true,
    dataset: {
      x: { values: x, shape: [count, spec.length], dtype: 'int32' },
      y: { values: y, shape: [count], dtype: 'float32' },
      target: { kind: 'class', labels },
      preview: spec.examples.slice(0, previewRows).map((example) => ({ input: example.text, target: example.label })),
      words: ['<pad>', '<unknown>', ...vocabulary],
    },
  };
}

/** The letters a recall recipe's symbols are written with. */
export function recallSymbols(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String.fromCharCode(65 + index));
}

function buildRecall(spec: Extract<DataSpec, { kind: 'recall' }>): DatasetResult {
  const random = createRandom(spec.seed);
  const labels = recallSymbols(spec.symbols);
  const x = new Float32Array(spec.samples * spec.length * spec.symbols);
  const y = new Float32Array(spec.samples);
  const preview: Dataset['preview'] = [];
  for (let sample = 0; sample < spec.samples; sample += 1) {
    let written = '';
    for (let step = 0; step < spec.length; step += 1) {
      const symbol = Math.floor(random() * spec.symbols);
      x[(sample * spec.length + step) * spec.symbols + symbol] = 1;
      if (step === 0) y[sample] = symbol;
      written += labels[symbol] ?? '';
    }
    if (sample < previewRows) preview.push({ input: written, target: labels[y[sample] ?? 0] ?? '' });
  }
  return {
    ok: true,
    dataset: {
      x: { values: x, shape: [spec.samples, spec.length, spec.symbols], dtype: 'float32' },
      y: { values: y, shape: [spec.samples], dtype: 'float32' },
      target: { kind: 'class', labels },
      preview,
    },
  };
}

/** The steps an adding sequence marks: one in its first half, one in its second. */
export function addingMarks(length: number, random: () => number): [number, number] {
  const half = Math.floor(length / 2);
  return [Math.floor(random() * half), half + Math.floor(random() * (length - half))];
}

/** An adding sequence as the playground writes it: each number, the marked ones with a star. */
export function writeAddingSequence(values: readonly number[], marks: readonly number[]): string {
  return values.map((value, step) => `${value.toFixed(2)}${marks.includes(step) ? '*' : ''}`).join(' ');
}

function buildAdding(spec: Extract<DataSpec, { kind: 'adding' }>): DatasetResult {
  const random = createRandom(spec.seed);
  const x = new Float32Array(spec.samples * spec.length * 2);
  const y = new Float32Array(spec.samples);
  const preview: Dataset['preview'] = [];
  for (let sample = 0; sample < spec.samples; sample += 1) {
    const values: number[] = [];
    for (let step = 0; step < spec.length; step += 1) {
      const value = random();
      values.push(value);
      x[(sample * spec.length + step) * 2] = value;
    }
    const marks = addingMarks(spec.length, random);
    for (const step of marks) x[(sample * spec.length + step) * 2 + 1] = 1;
    y[sample] = marks.reduce((sum, step) => sum + (values[step] ?? 0), 0);
    if (sample < previewRows) {
      preview.push({ input: writeAddingSequence(values, marks), target: (y[sample] ?? 0).toFixed(3) });
    }
  }
  return {
    ok: true,
    dataset: {
      x: { values: x, shape: [spec.samples, spec.length, 2], dtype: 'float32' },
      y: { values: y, shape: [spec.samples, 1], dtype: 'float32' },
      target: { kind: 'value', scale: 1 },
      preview,
    },
  };
}

export function buildDataset(spec: DataSpec): DatasetResult {
  switch (spec.kind) {
    case 'text-next-char':
      return buildTextNextChar(spec);
    case 'sequence-next-value':
      return buildSequenceNextValue(spec);
    case 'table':
      return buildTable(spec);
    case 'images':
      return buildImages(spec);
    case 'recall':
      return buildRecall(spec);
    case 'text-class':
      return buildTextClass(spec);
    case 'adding':
      return buildAdding(spec);
  }
}
