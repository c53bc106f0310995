import { defineLayer } from './types.js';

export const flatten = defineLayer({
  kind: 'Flatten',
  category: 'core',
  description: {
    en: 'Lays all the values of each sample out in one long row; it learns nothing.',
    es: 'Pone todos los valores de cada muestra en una sola fila larga; no aprende nada.',
  },
  inputs: 'one',
  namePrefix: 'flatten',
  params: {},
});
