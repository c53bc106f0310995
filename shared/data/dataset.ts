/**
 * What a recipe builds: the tensors' values a network trains on, and what the data panel and the
 * playground read back from them. Types, and the buffers that hold a dataset's values.
 */
import type { Localized } from '../vocabulary/localized.js';

/** Values of one tensor, flat and row-major, ready for `tf.tensor(values, shape, dtype)`. */
export interface TensorData {
  values: Float32Array | Int32Array;
  shape: number[];
  dtype: 'float32' | 'int32';
}

/** How one input column of a table becomes numbers: scaled, or one-hot over its words. */
export type FeatureEncoding =
  | { name: string; kind: 'number'; center: number; scale: number }
  /** Words: one-hot (a column per word), or the word's index among them (-1 for one never seen). */
  | { name: string; kind: 'category'; categories: string[]; oneHot: boolean };

/** What the data panel shows of a learner's table, and how a new row is encoded like the others. */
export interface TableFacts {
  columns: {
    name: string;
    type: 'number' | 'words';
    missing: number;
    distinct: number;
    role: 'input' | 'target' | 'ignored';
    /** The Input node that reads it, by name, when the columns are shared out among several. */
    input?: string;
    /** The output node that predicts it, by name, when several columns are predicted. */
    output?: string;
  }[];
  /** Data rows in the file. */
  rows: number;
  /** The first rows left out and why ("row 17, column age: ..."), and how many in all. */
  bad: Localized[];
  badCount: number;
  /** Each input column's encoding, in the network's input order. */
  encodings: FeatureEncoding[];
  /**
   * The kept rows by their number in the file, in the order dealt: the test split last. Typed,
   * so a large table's build hands it over from its worker without a copy.
   */
  order: Int32Array;
  testRows: number;
  /** The samples are windows of the target column read as a time series, not rows. */
  windows?: boolean;
}

/** In a vocabulary of words (`Dataset.words`), index 0 pads a short text and 1 stands for any word it does not hold. */
export const paddingIndex = 0;
export const unknownIndex = 1;

/**
 * How a network of several Inputs reads a table: which of x's columns each Input node, by name,
 * is given. x keeps the file's column order, so a row is encoded the same way for any split.
 */
export interface InputColumns {
  name: string;
  /** The columns of x this Input reads, in order (a one-hot column of words is one per word). */
  columns: number[];
  /** The table's columns that make them, by name. */
  from: string[];
}

/**
 * One of several outputs a table is predicted by: the output node, by name, the column it
 * predicts and how (a class or a number), with the targets of the rows trained on and tested.
 */
export interface OutputTargets {
  name: string;
  column: string;
  target: Extract<Dataset['target'], { kind: 'class' } | { kind: 'value' }>;
  y: TensorData;
  /** The test split's targets, in the order of `test.x`'s rows. */
  test?: TensorData;
}

export interface Dataset {
  x: TensorData;
  y: TensorData;
  /**
   * Several columns predicted, each by its own output node; the first is also `y` and `target`.
   * Absent, the network's one output predicts `y`.
   */
  outputs?: OutputTargets[];
  /** x's columns split among several Input nodes, by name; absent, one Input reads all of x. */
  inputs?: InputColumns[];
  /** What the targets are: class indices (with their labels) or numbers. */
  target:
    | { kind: 'class'; labels: string[] }
    /** Numbers, trained on as (value - center) / scale; answers are read back as output × scale + center. */
    | { kind: 'value'; scale: number; center?: number }
    | { kind: 'image' }
    /** A GAN's real images (`y` repeats `x`): a generator learns to make more like them. */
    | { kind: 'generate' };
  /** The inputs' windows as the learner would read them, for the dataset panel. */
  preview: { input: string; target: string }[];
  /** The test split: samples held out of training and validation, measured once after training. */
  test?: { x: TensorData; y: TensorData };
  /** A learner's table: its columns, bad rows and encodings. */
  table?: TableFacts;
  /** Text data: the vocabulary by index (0 pads, 1 is any unknown word), for the Embedding's input_dim. */
  words?: string[];
  /**
   * The word indices are a stretch of running text whose order carries the meaning (what comes
   * next): read by a recurrent layer, not averaged.
   */
  readInOrder?: boolean;
  /** Image data: each sample's size and class, and the images of the classes left out of training. */
  images?: {
    height: number;
    width: number;
    channels: number;
    /** Values are light (1 is white, a learner's photos, maybe colour), not ink (the digits). */
    light?: boolean;
    /** Each sample's class name (its digit), for reconstructions and confusion matrices. */
    sampleClasses: string[];
    /** Images of the classes not trained on, with their class names: the autoencoder's anomalies. */
    unusual: { x: TensorData; classes: string[] } | null;
  };
}

export type DatasetResult =
  | { ok: true; dataset: Dataset }
  /** `pending`: not a fault but a build under way (large data is built off the window). */
  | { ok: false; field: string; problem: Localized; pending?: boolean };

/**
 * The buffers of a dataset's values, each once: what a thread hands another with the dataset
 * (`postMessage`'s transfer list), so that they move without a copy. Large data is built off
 * the window, and a run is lent the window's build (renderer/src/data/built-off-window.ts).
 */
export function datasetBuffers(dataset: Dataset): ArrayBuffer[] {
  const tensors = [
    dataset.x,
    dataset.y,
    dataset.test?.x,
    dataset.test?.y,
    dataset.images?.unusual?.x,
    ...(dataset.outputs ?? []).flatMap((output) => [output.y, output.test]),
  ];
  const buffers = tensors.flatMap((tensor) => (tensor ? [tensor.values.buffer as ArrayBuffer] : []));
  if (dataset.table) buffers.push(dataset.table.order.buffer as ArrayBuffer);
  return [...new Set(buffers)];
}
