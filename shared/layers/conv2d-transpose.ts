import { activation, conv2dCommon, kernelInitializer, padding, useBias } from './common.js';
import { defineLayer } from './types.js';

export const conv2dTranspose = defineLayer({
  kind: 'Conv2DTranspose',
  category: 'convolutional',
  description: {
    en: 'Transposed convolution: spreads each value over a learned window to make an image larger.',
    es: 'Convolución traspuesta: reparte cada valor sobre una ventana aprendida para agrandar la imagen.',
  },
  inputs: 'one',
  namePrefix: 'conv2d_transpose',
  params: {
    ...conv2dCommon(),
    // The shared padding text describes a convolution, which shrinks; this one grows.
    padding: {
      ...padding(),
      description: {
        en: '"same" makes the output exactly strides times larger; "valid" adds the window\'s overhang too.',
        es: '"same" hace la salida exactamente strides veces mayor; "valid" le suma además lo que sobresale la ventana.',
      },
    },
    activation: activation('linear'),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
  },
});
