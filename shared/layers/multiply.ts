import { elementwiseMerge } from './elementwise.js';

export const multiply = elementwiseMerge({
  kind: 'Multiply',
  description: {
    en: 'Multiplies its inputs element by element (a gate); they must all have the same shape.',
    es: 'Multiplica sus entradas elemento a elemento (una compuerta); todas deben tener la misma forma.',
  },
  namePrefix: 'multiply',
  factory: 'multiply',
  pytorch: (inputs) => inputs.join(' * '),
});
