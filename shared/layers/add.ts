import { defineLayer } from './types.js';

export const add = defineLayer({
  kind: 'Add',
  category: 'merge',
  description: {
    en: 'Adds its inputs element by element; they must all have the same shape.',
    es: 'Suma sus entradas elemento a elemento; todas deben tener la misma forma.',
  },
  inputs: 'many',
  namePrefix: 'add',
  params: {},
});
