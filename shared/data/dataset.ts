/**
 * What a recipe builds: the tensors' values a network trains on, and what the data panel and the
 * playground read back from them. Types only.
 */
import type { Localized } from '../vocabulary/localized.js';

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
