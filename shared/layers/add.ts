import { elementwiseMerge } from './elementwise.js';

export const add = elementwiseMerge({
  kind: 'Add',
  description: {
    en: 'Adds its inputs element by element; they must all have the same shape.',
    es: 'Suma sus entradas elemento a elemento; todas deben tener la misma forma.',
  },
  namePrefix: 'add',
  factory: 'add',
  pytorch: (inputs) => inputs.join(' + '),
});
