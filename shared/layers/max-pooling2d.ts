import { pooling2dCommon } from './common.js';
import { defineLayer } from './types.js';

export const maxPooling2d = defineLayer({
  kind: 'MaxPooling2D',
  category: 'convolutional',
  description: {
    en: 'Keeps the largest value of each window, shrinking the image.',
    es: 'Se queda con el valor más alto de cada ventana y reduce la imagen.',
  },
  inputs: 'one',
  namePrefix: 'max_pooling2d',
  params: pooling2dCommon(),
});
