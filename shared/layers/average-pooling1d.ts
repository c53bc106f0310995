import { pooling1dCommon } from './common.js';
import { defineLayer } from './types.js';

export const averagePooling1d = defineLayer({
  kind: 'AveragePooling1D',
  category: 'convolutional',
  description: {
    en: 'Averages each window of time steps, shortening the sequence.',
    es: 'Calcula la media de cada ventana de pasos de tiempo y acorta la secuencia.',
  },
  inputs: 'one',
  namePrefix: 'average_pooling1d',
  params: pooling1dCommon(),
});
