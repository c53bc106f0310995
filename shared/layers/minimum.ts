import { elementwiseMerge } from './elementwise.js';

export const minimum = elementwiseMerge({
  kind: 'Minimum',
  description: {
    en: 'Keeps the smallest of its inputs at each position; they must all have the same shape.',
    es: 'Se queda con el menor de sus entradas en cada posición; todas deben tener la misma forma.',
  },
  namePrefix: 'minimum',
  factory: 'minimum',
  pytorch: (inputs) => inputs.slice(1).reduce((kept, input) => `torch.minimum(${kept}, ${input})`, inputs[0] ?? 'x'),
});
