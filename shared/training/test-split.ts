/**
 * The test split: samples a recipe held out of training and validation (`dataset.test`),
 * measured once after training. For classes: accuracy, the confusion matrix, and each class's
 * precision, recall and F1; for numbers: the mean absolute error and its root mean square, in the
 * target's own units. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset.js';
import type { TfModule } from '../layers/types.js';
import { maxConfusionClasses } from './evaluate.js';
import { feedOf } from './feed.js';
import { outputTargetsOf } from './outputs.js';

/** Classes the per-class table lists when there are too many to list (a vocabulary): those the test split holds most of. */
export const listedClasses = 12;

export type TestResult =
  | {
      kind: 'class';
      samples: number;
      accuracy: number;
      labels: string[];
      /** Rows: the true class; columns: the predicted one. Empty beyond `maxConfusionClasses` classes. */
      confusion: number[][];
      /**
       * Each class's figures, in the labels' order; beyond `maxConfusionClasses` classes only the
       * `listedClasses` the test split holds most of, most first.
       */
      perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
      /** How many classes there are in all (`perClass` may list fewer). */
      classCount: number;
    }
  | { kind: 'value'; samples: number; mae: number; rmse: number }
  /** Several outputs, each predicting a column of a table: each output's figures on its column. */
  | { kind: 'outputs'; samples: number; parts: { name: string; column: string; result: OneResult }[] };

/** The figures of one output: for classes or for numbers. */
export type OneResult = Extract<TestResult, { kind: 'class' } | { kind: 'value' }>;

/** The figures a log or a script reads: `test_accuracy`, or `test_mae` and `test_rmse`. */
export function testFigures(result: TestResult): Record<string, number> {
  if (result.kind === 'outputs')
    return Object.fromEntries(
      result.parts.flatMap((part) =>
        Object.entries(testFigures(part.result)).map(([name, value]) => [
          name.replace(/^test_/, `test_${part.name}_`),
          value,
        ]),
      ),
    );
  return result.kind === 'class'
    ? { test_accuracy: result.accuracy }
    : { test_mae: result.mae, test_rmse: result.rmse };
}

/** What `read` makes of the network's outputs for the test split, one row per sample. */
function fromOutputs(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Dataset,
  read: (rows: Tf.Tensor2D) => Tf.Tensor,
  index = 0,
): Float32Array {
  const test = dataset.test;
  if (!test) return new Float32Array();
  return tf.tidy(() => {
    const x = tf.tensor(test.x.values, test.x.shape, test.x.dtype);
    const predicted = model.predict(feedOf(tf, model, dataset, x), { batchSize: 256 });
    // A network of several outputs answers with one tensor each: `index` picks one.
    const output = Array.isArray(predicted) ? predicted[index] : predicted;
    if (!output) return new Float32Array();
    return Float32Array.from(read(output.reshape([test.x.shape[0] ?? 0, -1])).dataSync());
  });
}

/**
 * The class the network answers for each test sample: one sigmoid unit answers the second class
 * when over 0.5, several units the one highest (found in tf.js: a vocabulary's outputs are large).
 */
const answersOf = (tf: TfModule, model: Tf.LayersModel, dataset: Dataset, index = 0) =>
  fromOutputs(
    tf,
    model,
    dataset,
    (rows) => (rows.shape[1] === 1 ? rows.greater(0.5).reshape([-1]) : rows.argMax(-1)),
    index,
  );

/** The network's first output for each test sample: for numbers. */
const outputsOf = (tf: TfModule, model: Tf.LayersModel, dataset: Dataset, index = 0) =>
  fromOutputs(tf, model, dataset, (rows) => rows.slice([0, 0], [-1, 1]), index);

/** The test split measured, or null when the data holds none or the network's outputs cannot be read. */
export function evaluateTestSplit(tf: TfModule, model: Tf.LayersModel, dataset: Dataset): TestResult | null {
  const test = dataset.test;
  const samples = test?.x.shape[0] ?? 0;
  if (!test || samples === 0) return null;
  const several = outputTargetsOf(dataset.outputs, model.outputNames);
  if (several) {
    const parts = several.map((output, index) => ({
      name: output.name,
      column: output.column,
      result: measured(tf, model, dataset, output.target, output.test?.values ?? new Float32Array(), index),
    }));
    return parts.every((part) => part.result !== null)
      ? { kind: 'outputs', samples, parts: parts.map((part) => ({ ...part, result: part.result as OneResult })) }
      : null;
  }
  if (model.outputs.length !== 1 || (dataset.target.kind !== 'class' && dataset.target.kind !== 'value')) return null;
  return measured(tf, model, dataset, dataset.target, test.y.values, 0);
}

/** The figures of the model's output `index` against the test split's `targets`. */
function measured(
  tf: TfModule,
  model: Tf.LayersModel,
  dataset: Dataset,
  target: Extract<Dataset['target'], { kind: 'class' } | { kind: 'value' }>,
  targets: ArrayLike<number>,
  index: number,
): OneResult | null {
  const samples = dataset.test?.x.shape[0] ?? 0;
  if (samples === 0) return null;
  if (target.kind === 'class') {
    const labels = target.labels;
    const answers = answersOf(tf, model, dataset, index);
    // Counted per class, so that a vocabulary of thousands of words costs thousands, not millions.
    const hits = new Array<number>(labels.length).fill(0);
    const support = new Array<number>(labels.length).fill(0);
    const called = new Array<number>(labels.length).fill(0);
    const drawn = labels.length <= maxConfusionClasses;
    const confusion = drawn ? labels.map(() => labels.map(() => 0)) : [];
    answers.forEach((predicted, index) => {
      const truth = targets[index] ?? 0;
      if (truth >= labels.length || predicted >= labels.length) return;
      support[truth] = (support[truth] ?? 0) + 1;
      called[predicted] = (called[predicted] ?? 0) + 1;
      if (predicted === truth) hits[truth] = (hits[truth] ?? 0) + 1;
      const line = confusion[truth];
      if (line) line[predicted] = (line[predicted] ?? 0) + 1;
    });
    const right = hits.reduce((sum, count) => sum + count, 0);
    const figures = labels.map((label, index) => {
      const precision = (called[index] ?? 0) > 0 ? (hits[index] ?? 0) / (called[index] ?? 1) : 0;
      const recall = (support[index] ?? 0) > 0 ? (hits[index] ?? 0) / (support[index] ?? 1) : 0;
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      return { label, precision, recall, f1, support: support[index] ?? 0 };
    });
    const perClass = drawn
      ? figures
      : figures
          .filter((entry) => entry.support > 0)
          .sort((a, b) => b.support - a.support)
          .slice(0, listedClasses);
    return {
      kind: 'class',
      samples,
      accuracy: right / samples,
      labels,
      confusion,
      perClass,
      classCount: labels.length,
    };
  }
  const scale = target.scale;
  const errors = Array.from(
    outputsOf(tf, model, dataset, index),
    (output, sample) => (output - (targets[sample] ?? 0)) * scale,
  );
  const mae = errors.reduce((sum, error) => sum + Math.abs(error), 0) / samples;
  const rmse = Math.sqrt(errors.reduce((sum, error) => sum + error * error, 0) / samples);
  return { kind: 'value', samples, mae, rmse };
}
