/**
 * What a network of several Inputs is given: a dataset's x, a table of rows, cut into the columns
 * each Input reads (`dataset.inputs`), in the order the model lists its Inputs. A network of one
 * Input is given x as it is. Training, the test split, the evaluation and the playground all feed
 * a model through here, so they cut the columns the same way.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/dataset.js';
import type { TfModule } from '../layers/types.js';

/** The columns of x each of the named Inputs reads, in `names`' order; null for one Input. */
export function inputColumnsOf(inputs: Dataset['inputs'], names: readonly string[]): number[][] | null {
  if (!inputs || names.length < 2) return null;
  return names.map((name) => {
    const columns = inputs.find((input) => input.name === name)?.columns;
    // The fit check refuses a network with an Input the data gives nothing; never feed it silently.
    if (!columns) throw new Error(`the data gives the Input ${name} no columns`);
    return columns;
  });
}

/** x (samples, columns) as the model's inputs take it: itself, or the columns of each Input. */
export function feedOf(
  tf: TfModule,
  model: Pick<Tf.LayersModel, 'inputNames'>,
  dataset: Pick<Dataset, 'inputs'>,
  x: Tf.Tensor,
): Tf.Tensor | Tf.Tensor[] {
  const columns = inputColumnsOf(dataset.inputs, model.inputNames);
  if (!columns) return x;
  return columns.map((indices) => tf.tidy(() => tf.gather(x, tf.tensor1d(indices, 'int32'), 1)));
}
