import { activation, conv2dCommon, kernelInitializer, padding, useBias } from './common.js';
import { defineLayer } from './types.js';

export const conv2d = defineLayer({
  kind: 'Conv2D',
  category: 'convolutional',
  description: {
    en: 'Slides small learned filters over an image to detect local patterns such as edges.',
    es: 'Desliza pequeños filtros aprendidos sobre una imagen para detectar patrones locales, como bordes.',
  },
  inputs: 'one',
  namePrefix: 'conv2d',
  params: {
    ...conv2dCommon(),
    padding: padding(),
    activation: activation('linear'),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
  },
});
