/**
 * Turns a dataset recipe into the values the network trains on, plus what the playground needs to
 * read answers back (the vocabulary, the scale): each kind builds in its recipe's file. Bad raw
 * data is refused with the field at fault. Reads nothing but its arguments.
 */
import type { DatasetResult } from './dataset.js';
import { recipeOf, type DataSpec } from './recipes/index.js';

export type { Dataset, DatasetResult, TensorData } from './dataset.js';

export function buildDataset(spec: DataSpec): DatasetResult {
  return recipeOf(spec).build(spec);
}
