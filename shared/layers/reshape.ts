import { shape } from './params.js';
import { defineLayer } from './types.js';

export const reshape = defineLayer({
  kind: 'Reshape',
  category: 'core',
  description: {
    en: 'Rearranges the values of each sample into a new shape with the same number of values.',
    es: 'Reordena los valores de cada muestra en una forma nueva con el mismo número de valores.',
  },
  inputs: 'one',
  namePrefix: 'reshape',
  params: {
    target_shape: shape({
      default: [3, 8],
      minRank: 1,
      maxRank: 4,
      allowInferred: true,
      description: {
        en: 'New shape without the batch; one dimension may be -1 to have it worked out.',
        es: 'Nueva forma sin el lote; una dimensión puede ser -1 para que se calcule sola.',
      },
    }),
  },
});
