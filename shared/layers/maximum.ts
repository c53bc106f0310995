import { elementwiseMerge } from './elementwise.js';

export const maximum = elementwiseMerge({
  kind: 'Maximum',
  description: {
    en: 'Keeps the largest of its inputs at each position; they must all have the same shape.',
    es: 'Se queda con el mayor de sus entradas en cada posición; todas deben tener la misma forma.',
  },
  namePrefix: 'maximum',
  factory: 'maximum',
  pytorch: (inputs) => inputs.slice(1).reduce((kept, input) => `torch.maximum(${kept}, ${input})`, inputs[0] ?? 'x'),
});
