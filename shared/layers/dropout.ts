import { dropoutRate } from './common.js';
import { defineLayer } from './types.js';

export const dropout = defineLayer({
  kind: 'Dropout',
  category: 'regularisation',
  description: {
    en: 'While training, sets a random fraction of the values to zero to curb overfitting.',
    es: 'Durante el entrenamiento pone a cero una fracción aleatoria de los valores para frenar el sobreajuste.',
  },
  inputs: 'one',
  namePrefix: 'dropout',
  params: {
    rate: dropoutRate(
      {
        en: 'Fraction of the values set to zero at each training step.',
        es: 'Fracción de los valores que se ponen a cero en cada paso de entrenamiento.',
      },
      0.5,
    ),
  },
});
