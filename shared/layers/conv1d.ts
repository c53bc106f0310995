import { activation, filters, kernelInitializer, padding, useBias } from './common.js';
import { int } from './params.js';
import { defineLayer } from './types.js';

export const conv1d = defineLayer({
  kind: 'Conv1D',
  category: 'convolutional',
  description: {
    en: 'Slides small learned filters along a sequence to detect local patterns.',
    es: 'Desliza pequeños filtros aprendidos a lo largo de una secuencia para detectar patrones locales.',
  },
  inputs: 'one',
  namePrefix: 'conv1d',
  params: {
    filters: filters(),
    kernel_size: int({
      default: 3,
      description: {
        en: 'Number of time steps each filter sees at once.',
        es: 'Número de pasos de tiempo que ve cada filtro a la vez.',
      },
    }),
    strides: int({
      default: 1,
      description: {
        en: 'How many time steps the filter moves at each step.',
        es: 'Cuántos pasos de tiempo avanza el filtro cada vez.',
      },
    }),
    padding: padding(),
    activation: activation('linear'),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
  },
});
