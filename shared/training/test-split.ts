/**
 * The test split: samples a recipe held out of training and validation (`dataset.test`),
 * measured once after training. For classes: accuracy, the confusion matrix, and each class's
 * precision, recall and F1; for numbers: the mean absolute error and its root mean square, in the
 * target's own units. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset.js';
import type { TfModule } from '../layers/types.js';

export type TestResult =
  | {
      kind: 'class';
      samples: number;
      accuracy: number;
      labels: string[];
      /** Rows: the true class; columns: the predicted one. */
      confusion: number[][];
      perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
    }
  | { kind: 'value'; samples: number; mae: number; rmse: number };

/** The figures a log or a script reads: `test_accuracy`, or `test_mae` and `test_rmse`. */
export function testFigures(result: TestResult): Record<string, number> {
  return result.kind === 'class'
    ? { test_accuracy: result.accuracy }
    : { test_mae: result.mae, test_rmse: result.rmse };
}

/** The network's outputs for the test split, one row per sample. */
function outputsOf(tf: TfModule, model: Tf.LayersModel, dataset: Dataset): number[][] {
  const test = dataset.test;
  if (!test) return [];
  return tf.tidy(() => {
    const x = tf.tensor(test.x.values, test.x.shape, test.x.dtype);
    const output = model.predict(x, { batchSize: 256 }) as Tf.Tensor;
    return output.reshape([test.x.shape[0] ?? 0, -1]).arraySync() as number[][];
  });
}

/** The test split measured, or null when the data holds none or the network's outputs cannot be read. */
export function evaluateTestSplit(tf: TfModule, model: Tf.LayersModel, dataset: Dataset): TestResult | null {
  const test = dataset.test;
  const samples = test?.x.shape[0] ?? 0;
  if (!test || samples === 0 || model.outputs.length !== 1) return null;
  const outputs = outputsOf(tf, model, dataset);
  const targets = Array.from(test.y.values);
  if (dataset.target.kind === 'class') {
    const labels = dataset.target.labels;
    const confusion = labels.map(() => labels.map(() => 0));
    outputs.forEach((row, index) => {
      // One sigmoid unit answers the second class' probability.
      const predicted = row.length === 1 ? ((row[0] ?? 0) > 0.5 ? 1 : 0) : row.indexOf(Math.max(...row));
      const truth = targets[index] ?? 0;
      const line = confusion[truth];
      if (line && predicted < labels.length) line[predicted] = (line[predicted] ?? 0) + 1;
    });
    const right = confusion.reduce((sum, line, index) => sum + (line[index] ?? 0), 0);
    const perClass = labels.map((label, index) => {
      const hits = confusion[index]?.[index] ?? 0;
      const support = (confusion[index] ?? []).reduce((sum, count) => sum + count, 0);
      const called = confusion.reduce((sum, line) => sum + (line[index] ?? 0), 0);
      const precision = called > 0 ? hits / called : 0;
      const recall = support > 0 ? hits / support : 0;
      const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      return { label, precision, recall, f1, support };
    });
    return { kind: 'class', samples, accuracy: right / samples, labels, confusion, perClass };
  }
  if (dataset.target.kind !== 'value') return null;
  const scale = dataset.target.scale;
  const errors = outputs.map((row, index) => ((row[0] ?? 0) - (targets[index] ?? 0)) * scale);
  const mae = errors.reduce((sum, error) => sum + Math.abs(error), 0) / samples;
  const rmse = Math.sqrt(errors.reduce((sum, error) => sum + error * error, 0) / samples);
  return { kind: 'value', samples, mae, rmse };
}
