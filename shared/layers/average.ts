import { elementwiseMerge } from './elementwise.js';

export const average = elementwiseMerge({
  kind: 'Average',
  description: {
    en: 'Averages its inputs element by element (an ensemble); they must all have the same shape.',
    es: 'Promedia sus entradas elemento a elemento (un conjunto); todas deben tener la misma forma.',
  },
  namePrefix: 'average',
  factory: 'average',
  pytorch: (inputs) => `(${inputs.join(' + ')}) / ${inputs.length}`,
});
