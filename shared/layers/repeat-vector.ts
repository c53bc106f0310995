import { int } from './params.js';
import { defineLayer } from './types.js';

export const repeatVector = defineLayer({
  kind: 'RepeatVector',
  category: 'core',
  description: {
    en: 'Repeats a vector n times, making a sequence of n identical steps.',
    es: 'Repite un vector n veces y forma una secuencia de n pasos iguales.',
  },
  inputs: 'one',
  namePrefix: 'repeat_vector',
  params: {
    n: int({
      default: 3,
      description: {
        en: 'Number of repetitions, which is the length of the output sequence.',
        es: 'Número de repeticiones, que es la longitud de la secuencia de salida.',
      },
    }),
  },
});
