/**
 * What the playground shows of a trained network beside single answers: a confusion matrix for
 * classes, the forecast drawn over the real series for numbers, and reconstruction errors for an
 * autoencoder, with the unusual images it was never shown. Always on the samples held out for
 * validation when there are any, so the picture is honest about unseen data. Reads nothing but
 * its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset, TensorData } from '../data/build.js';
import type { Plotted } from '../data/recipe.js';
import { recipeOf, type DataSpec } from '../data/recipes/index.js';
import type { TfModule } from '../layers/types.js';
import { feedOf } from './feed.js';

/** Points of a fitted curve: smooth at any width the playground gives it. */
export const fitCurvePoints = 120;

/** Most classes a confusion matrix is drawn for: beyond this it is no longer readable. */
export const maxConfusionClasses = 20;
/** Images of each group an autoencoder's playground shows beside their reconstructions. */
export const shownReconstructions = 6;

export interface ReconstructionItem {
  /** The image's class (its digit). */
  label: string;
  /** Mean squared error between the image and what the network gives back. */
  error: number;
  /** From a class the network never trained on. */
  unusual: boolean;
  /** The image and its reconstruction, for the first few of each group only. */
  input?: number[];
  output?: number[];
}

export type Evaluation =
  | {
      kind: 'confusion';
      labels: string[];
      /** `matrix[truth][predicted]`: how many samples of each class went to each class. */
      matrix: number[][];
      correct: number;
      total: number;
      /** Which samples were counted: the validation ones, or all when none are held out. */
      samples: 'validation' | 'all';
      /** The data holds a test split too, measured apart: these are not those samples. */
      testApart?: true;
      /** For a table of two inputs: the class the network gives each point of the plane. */
      boundary?: DecisionBoundary;
    }
  | {
      kind: 'forecast';
      /** The whole series, as recorded. */
      truth: number[];
      /** `predicted[i]` is the network's guess for `truth[i]` from the window before it; null for the first window. */
      predicted: (number | null)[];
      /** Index in `truth` of the first value held out for validation, or null when none is. */
      validationFrom: number | null;
    }
  | {
      /** A table of one input and a number to predict: the network's curve over the data's points. */
      kind: 'fit';
      x: string;
      /** The curve: the network's answer at evenly spaced inputs across the data's range. */
      curve: { x: number; y: number }[];
      points: { x: number; y: number; heldOut: boolean }[];
    }
  | {
      kind: 'reconstruction';
      height: number;
      width: number;
      items: ReconstructionItem[];
      samples: 'validation' | 'all';
    };

/** The network's answer over a grid of the plane of two inputs, with the data's points on top. */
export interface DecisionBoundary {
  x: { name: string; min: number; max: number };
  y: { name: string; min: number; max: number };
  /** Cells per side. */
  size: number;
  /** The winning class of each cell, row by row from the top (largest y) down, and its probability. */
  classes: number[];
  confidence: number[];
  /** Every sample: its inputs, its class, and whether it was held out. */
  points: { x: number; y: number; label: number; heldOut: boolean }[];
}

/** Cells per side of a decision boundary: fine enough to see its shape, cheap to predict. */
export const boundaryCells = 48;

function decisionBoundary(
  tf: TfModule,
  model: Tf.LayersModel,
  plane: Extract<Plotted, { kind: 'plane' }>,
  dataset: Dataset,
  heldOutFrom: number,
): DecisionBoundary {
  const xs = plane.x.values;
  const ys = plane.y.values;
  const pad = (low: number, high: number) => {
    const margin = (high - low || 1) * 0.1;
    return { min: low - margin, max: high + margin };
  };
  const x = pad(Math.min(...xs), Math.max(...xs));
  const y = pad(Math.min(...ys), Math.max(...ys));
  const size = boundaryCells;
  const grid = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row += 1)
    for (let column = 0; column < size; column += 1) {
      const cell = (row * size + column) * 2;
      grid[cell] = x.min + ((column + 0.5) / size) * (x.max - x.min);
      grid[cell + 1] = y.max - ((row + 0.5) / size) * (y.max - y.min);
    }
  const { values, width } = predictAll(tf, model, dataset, { values: grid, shape: [size * size, 2] });
  const classes: number[] = [];
  const confidence: number[] = [];
  for (let cell = 0; cell < size * size; cell += 1) {
    if (width === 1) {
      const second = values[cell] ?? 0;
      classes.push(second >= 0.5 ? 1 : 0);
      confidence.push(Math.max(second, 1 - second));
    } else {
      let best = 0;
      for (let index = 1; index < width; index += 1)
        if ((values[cell * width + index] ?? 0) > (values[cell * width + best] ?? 0)) best = index;
      classes.push(best);
      confidence.push(values[cell * width + best] ?? 0);
    }
  }
  const points = xs.map((value, index) => ({
    x: value,
    y: ys[index] ?? 0,
    label: dataset.y.values[index] ?? 0,
    heldOut: index >= heldOutFrom,
  }));
  return {
    x: { name: plane.x.name, ...x },
    y: { name: plane.y.name, ...y },
    size,
    classes,
    confidence,
    points,
  };
}

/** Index of the first validation sample, as Keras and `trainModel` hold them out: the last ones. */
export function validationStart(samples: number, split: number): number {
  return samples - Math.floor(samples * split);
}

function rows(data: TensorData, from: number): { values: Float32Array | Int32Array; shape: number[] } {
  const [count = 0, ...rest] = data.shape;
  const size = rest.reduce((product, length) => product * length, 1);
  return { values: data.values.subarray(from * size, count * size), shape: [count - from, ...rest] };
}

/** The model's outputs for `x`, flat, predicted in batches. */
function predictAll(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Dataset,
  x: { values: Float32Array | Int32Array; shape: number[] },
) {
  return tf.tidy(() => {
    const input = tf.tensor(x.values, x.shape, x.values instanceof Int32Array ? 'int32' : 'float32');
    const output = model.predict(feedOf(tf, model, dataset, input), { batchSize: 256 }) as Tf.Tensor;
    return { values: output.dataSync() as Float32Array, width: output.size / Math.max(1, x.shape[0] ?? 1) };
  });
}

function meanSquaredError(a: ArrayLike<number>, b: ArrayLike<number>, from: number, size: number): number {
  let sum = 0;
  for (let index = 0; index < size; index += 1) sum += ((a[from + index] ?? 0) - (b[from + index] ?? 0)) ** 2;
  return sum / size;
}

export function evaluateModel(
  tf: TfModule,
  model: Tf.LayersModel,
  data: DataSpec,
  dataset: Dataset,
  validationSplit: number,
  /** What the recipe plots, when the caller has it and `data` no longer holds what it is made from. */
  given?: Plotted | null,
): Evaluation | null {
  // A network of several outputs has no one view of its answers; the test split shows each output's.
  if (model.outputs.length > 1) return null;
  const count = dataset.x.shape[0] ?? 0;
  const start = validationStart(count, validationSplit);
  const from = start < count ? start : 0;
  const samples = start < count ? 'validation' : 'all';
  const plotted = given !== undefined ? given : (recipeOf(data).plotted?.(data, dataset) ?? null);

  if (dataset.target.kind === 'class') {
    const labels = dataset.target.labels;
    if (labels.length > maxConfusionClasses) return null;
    const { values, width } = predictAll(tf, model, dataset, rows(dataset.x, from));
    const matrix = labels.map(() => labels.map(() => 0));
    let correct = 0;
    for (let sample = 0; sample < count - from; sample += 1) {
      const truth = dataset.y.values[from + sample] ?? 0;
      let predicted = 0;
      if (width === 1) predicted = (values[sample] ?? 0) >= 0.5 ? 1 : 0;
      else
        for (let index = 1; index < width; index += 1)
          if ((values[sample * width + index] ?? 0) > (values[sample * width + predicted] ?? 0)) predicted = index;
      const row = matrix[truth];
      if (row) row[predicted] = (row[predicted] ?? 0) + 1;
      if (predicted === truth) correct += 1;
    }
    return {
      kind: 'confusion',
      ...(dataset.test ? { testApart: true as const } : {}),
      labels,
      matrix,
      correct,
      total: count - from,
      samples,
      ...(plotted?.kind === 'plane' ? { boundary: decisionBoundary(tf, model, plotted, dataset, start) } : {}),
    };
  }

  if (dataset.target.kind === 'value' && plotted?.kind === 'curve') {
    const xs = plotted.x.values;
    const low = Math.min(...xs);
    const high = Math.max(...xs);
    const steps = fitCurvePoints;
    const inputs = Float32Array.from({ length: steps }, (_, index) => low + ((high - low) * index) / (steps - 1));
    const { values } = predictAll(tf, model, dataset, { values: inputs, shape: [steps, 1] });
    return {
      kind: 'fit',
      x: plotted.x.name,
      curve: Array.from(inputs, (x, index) => ({ x, y: values[index] ?? Number.NaN })),
      points: xs.map((x, index) => ({ x, y: plotted.targets[index] ?? 0, heldOut: index >= start })),
    };
  }

  if (dataset.target.kind === 'value' && plotted?.kind === 'series') {
    const { values } = predictAll(tf, model, dataset, rows(dataset.x, 0));
    const scale = dataset.target.scale;
    const center = dataset.target.center ?? 0;
    const predicted: (number | null)[] = plotted.values.map((_, index) =>
      index < plotted.window ? null : (values[index - plotted.window] ?? Number.NaN) * scale + center,
    );
    return {
      kind: 'forecast',
      truth: [...plotted.values],
      predicted,
      validationFrom: start < count ? start + plotted.window : null,
    };
  }

  if (dataset.target.kind === 'image' && dataset.images) {
    const { height, width } = dataset.images;
    const size = height * width * dataset.images.channels;
    const items: ReconstructionItem[] = [];
    const score = (x: TensorData, first: number, classes: readonly string[], unusual: boolean) => {
      const inputs = rows(x, first);
      const { values } = predictAll(tf, model, dataset, inputs);
      for (let sample = 0; sample < (inputs.shape[0] ?? 0); sample += 1) {
        const item: ReconstructionItem = {
          label: classes[first + sample] ?? '',
          error: meanSquaredError(inputs.values, values, sample * size, size),
          unusual,
        };
        if (sample < shownReconstructions) {
          item.input = Array.from(inputs.values.subarray(sample * size, (sample + 1) * size));
          item.output = Array.from(values.subarray(sample * size, (sample + 1) * size));
        }
        items.push(item);
      }
    };
    score(dataset.x, from, dataset.images.sampleClasses, false);
    const unusual = dataset.images.unusual;
    if (unusual) score(unusual.x, 0, unusual.classes, true);
    return { kind: 'reconstruction', height, width, items, samples };
  }
  return null;
}

/**
 * The error above which an image is called unusual when the learner has not moved the threshold:
 * the 95th percentile of the ordinary images' errors.
 */
export function suggestedThreshold(items: readonly ReconstructionItem[]): number {
  const usual = items
    .filter((item) => !item.unusual)
    .map((item) => item.error)
    .sort((a, b) => a - b);
  return usual[Math.min(usual.length - 1, Math.floor(usual.length * 0.95))] ?? 0;
}

/** How a threshold sorts the images: unusual ones caught and missed, ordinary ones flagged. */
export function thresholdCounts(items: readonly ReconstructionItem[], threshold: number) {
  let caught = 0;
  let missed = 0;
  let falseAlarms = 0;
  let usual = 0;
  for (const item of items) {
    const flagged = item.error > threshold;
    if (item.unusual) {
      if (flagged) caught += 1;
      else missed += 1;
    } else {
      usual += 1;
      if (flagged) falseAlarms += 1;
    }
  }
  return { caught, missed, falseAlarms, usual };
}
