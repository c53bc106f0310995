/**
 * A table predicting several columns, each by its own output node (`dataset.outputs`): which
 * targets each of the model's outputs trains on, and the loss each trains with, chosen by what
 * it predicts. A network of one output trains on `dataset.y` with the run's loss.
 */
import type { Dataset, OutputTargets } from '../data/dataset.js';
import type { Loss, MetricName, TrainingSettings } from './settings.js';

export const classLosses: ReadonlySet<string> = new Set([
  'sparse_categorical_crossentropy',
  'categorical_crossentropy',
  'binary_crossentropy',
]);

/** The targets of each of the named outputs, in `names`' order; null for one output. */
export function outputTargetsOf(outputs: Dataset['outputs'], names: readonly string[]): OutputTargets[] | null {
  if (!outputs || names.length < 2) return null;
  return names.map((name) => {
    const found = outputs.find((output) => output.name === name);
    // The fit check refuses a network with an output the data gives nothing; never train it silently.
    if (!found) throw new Error(`the data gives the output ${name} no column to predict`);
    return found;
  });
}

/**
 * The loss of one of several outputs: a class by cross-entropy (binary for one sigmoid unit and
 * two classes), a number by the run's loss when it is made for numbers, else mean squared error.
 */
export function outputLoss(target: OutputTargets['target'], units: number | null, settings: TrainingSettings): Loss {
  if (target.kind === 'class')
    return units === 1 && target.labels.length === 2 ? 'binary_crossentropy' : 'sparse_categorical_crossentropy';
  return classLosses.has(settings.loss) ? 'mean_squared_error' : settings.loss;
}

/** The metric one of several outputs logs (tf.js takes one each): accuracy for a class, the first of mae and mse chosen for a number. */
export function outputMetric(target: OutputTargets['target'], settings: TrainingSettings): MetricName | undefined {
  return settings.metrics.find((name) => (name === 'accuracy') === (target.kind === 'class'));
}
