import { pooling2dCommon } from './common.js';
import { defineLayer } from './types.js';

export const averagePooling2d = defineLayer({
  kind: 'AveragePooling2D',
  category: 'convolutional',
  description: {
    en: 'Averages each window, shrinking the image.',
    es: 'Calcula la media de cada ventana y reduce la imagen.',
  },
  inputs: 'one',
  namePrefix: 'average_pooling2d',
  params: pooling2dCommon(),
});
