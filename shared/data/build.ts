/**
 * Turns a dataset recipe into the values the network trains on, plus what the playground needs to
 * read answers back (the vocabulary, the scale): each kind builds in its recipe's file. Bad raw
 * data is refused with the field at fault. Reads nothing but its arguments.
 */
import type { DatasetResult } from './dataset.js';
import { recipeOf, type DataSpec } from './recipes/index.js';

export type { Dataset, DatasetResult, TensorData } from './dataset.js';

export function buildDataset(spec: DataSpec): DatasetResult {
  const recipe = recipeOf(spec);
  const held = recipe.opens?.file(spec);
  if (held?.text === '')
    return {
      ok: false,
      field: 'file',
      problem: {
        en: `The project keeps ${JSON.stringify(held.name)} outside itself and it has not been found: point to it again in the Data tab.`,
        es: `El proyecto guarda ${JSON.stringify(held.name)} fuera de sí y no se ha encontrado: vuelve a indicarlo en la pestaña Datos.`,
      },
    };
  return recipe.build(spec);
}
