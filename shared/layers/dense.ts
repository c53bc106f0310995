import { activation, kernelInitializer, useBias } from './common.js';
import { int } from './params.js';
import { defineLayer } from './types.js';

export const dense = defineLayer({
  kind: 'Dense',
  category: 'core',
  description: {
    en: 'Fully connected layer: every output sees every input feature.',
    es: 'Capa totalmente conectada: cada salida ve todas las características de entrada.',
  },
  inputs: 'one',
  namePrefix: 'dense',
  params: {
    units: int({
      default: 32,
      description: { en: 'Number of outputs.', es: 'Número de salidas.' },
    }),
    activation: activation('linear'),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
  },
});
