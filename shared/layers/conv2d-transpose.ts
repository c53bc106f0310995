import {
  convolutionKeras,
  transposedConvolutionPytorch,
  convolutionTypeScript,
  convolutionOf,
  convolutionParamCount,
  tfConvolutionArgs,
} from './convolution.js';
import { expectKnown, expectRank, expects, hints, ok, transposedOutputLength } from './shape-rules.js';
import { activation, conv2dCommon, kernelInitializer, padding, useBias } from './common.js';
import { defineLayer, weightList } from './types.js';
import { lastDim } from '../vocabulary/shape.js';
import { kerasPair, readConvolution } from './keras-config.js';

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
  // Grows every spatial axis, so no window can fail to fit.
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('Conv2DTranspose', input, 4, expects.image, hints.toImage);
    if (wrongRank) return wrongRank;
    const unknown = expectKnown('Conv2DTranspose', input, [3]);
    if (unknown) return unknown;
    const lengths = [1, 2].map((axis) => {
      const size = input[axis] ?? null;
      const window = params.kernel_size[axis - 1] ?? 1;
      const stride = params.strides[axis - 1] ?? 1;
      return size === null ? null : transposedOutputLength(size, window, stride, params.padding);
    });
    return ok([input[0] ?? null, ...lengths, params.filters]);
  },
  // Kernel (height, width, filters, channels): the transpose of Conv2D's, same count.
  countParams: ([input = []], params) => convolutionParamCount(convolutionOf(params), input),
  build: (params, context) => context.tf.layers.conv2dTranspose(tfConvolutionArgs(convolutionOf(params), context)),
  weights: ([input = []], params) => {
    const [height = 1, width = 1] = params.kernel_size;
    // A transposed convolution's kernel maps outputs to inputs: its last two axes swap.
    return weightList([
      ['kernel', [height, width, params.filters, lastDim(input) ?? 0]],
      params.use_bias ? ['bias', [params.filters]] : null,
    ]);
  },
  traits: { convolves: true, wasmMissingGradient: 'Conv2DBackpropFilter' },
  examples: [
    {
      label: 'Conv2DTranspose same, stride 2',
      input: [3, 4, 2],
      params: { filters: 3, kernel_size: [3, 3], strides: [2, 2], padding: 'same' },
    },
    {
      label: 'Conv2DTranspose valid, window under the stride',
      input: [3, 3, 2],
      params: { filters: 2, kernel_size: [1, 2], strides: [3, 2] },
    },
  ],
  keras: {
    aliases: ['Convolution2DTranspose', 'Deconvolution2D', 'Deconv2D'],
    read(config) {
      config.neutral('output_padding', () => false, 'LayerLab sizes the output from strides and padding alone');
      return readConvolution(config, kerasPair);
    },
  },
  code: {
    typescript: (params, context) => convolutionTypeScript('conv2dTranspose', convolutionOf(params), context),
    keras: (params, context) => convolutionKeras('Conv2DTranspose', convolutionOf(params), context),
    pytorch: (params, context) => transposedConvolutionPytorch(convolutionOf(params), context),
  },
});
