import { bool, int } from './params.js';
import { defineLayer } from './types.js';

export const embedding = defineLayer({
  kind: 'Embedding',
  category: 'core',
  description: {
    en: 'Turns each token index into a learned vector of numbers.',
    es: 'Convierte el índice de cada token en un vector de números aprendido.',
  },
  inputs: 'one',
  namePrefix: 'embedding',
  params: {
    input_dim: int({
      default: 1000,
      description: {
        en: 'Vocabulary size: token indices go from 0 to input_dim - 1.',
        es: 'Tamaño del vocabulario: los índices de tokens van de 0 a input_dim - 1.',
      },
    }),
    output_dim: int({
      default: 64,
      description: {
        en: 'Length of the vector learned for each token.',
        es: 'Longitud del vector que se aprende para cada token.',
      },
    }),
    mask_zero: bool({
      default: false,
      description: {
        en: 'Treat index 0 as padding that later layers skip.',
        es: 'Trata el índice 0 como relleno que las capas siguientes ignoran.',
      },
    }),
  },
});
