import { pooling1dCommon } from './common.js';
import { defineLayer } from './types.js';

export const maxPooling1d = defineLayer({
  kind: 'MaxPooling1D',
  category: 'convolutional',
  description: {
    en: 'Keeps the largest value of each window of time steps, shortening the sequence.',
    es: 'Se queda con el valor más alto de cada ventana de pasos de tiempo y acorta la secuencia.',
  },
  inputs: 'one',
  namePrefix: 'max_pooling1d',
  params: pooling1dCommon(),
});
