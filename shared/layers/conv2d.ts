import {
  convolutionKeras,
  convolutionPytorch,
  convolutionTypeScript,
  convolutionOf,
  convolutionParamCount,
  tfConvolutionArgs,
} from './convolution.js';
import { expectKnown, expectRank, expects, hints, ok, slideWindows } from './shape-rules.js';
import { activation, conv2dCommon, kernelInitializer, padding, useBias } from './common.js';
import { defineLayer, weightList } from './types.js';
import { lastDim } from '../vocabulary/shape.js';
import { kerasPair, readConvolution } from './keras-config.js';

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
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('Conv2D', input, 4, expects.image, hints.toImage);
    if (wrongRank) return wrongRank;
    const unknown = expectKnown('Conv2D', input, [3]);
    if (unknown) return unknown;
    const slid = slideWindows(input, params.kernel_size, params.strides, params.padding, 'kernel_size');
    if (!slid.ok) return slid.result;
    return ok([input[0] ?? null, ...slid.lengths, params.filters]);
  },
  // Kernel (height, width, channels, filters) plus one bias per filter.
  countParams: ([input = []], params) => convolutionParamCount(convolutionOf(params), input),
  build: (params, context) => context.tf.layers.conv2d(tfConvolutionArgs(convolutionOf(params), context)),
  weights: ([input = []], params) => {
    const [height = 1, width = 1] = params.kernel_size;
    return weightList([
      ['kernel', [height, width, lastDim(input) ?? 0, params.filters]],
      params.use_bias ? ['bias', [params.filters]] : null,
    ]);
  },
  traits: { convolves: true, wasmMissingGradient: 'Conv2DBackpropFilter' },
  examples: [
    { label: 'Conv2D', input: [6, 6, 2], params: { filters: 3, kernel_size: [3, 3], activation: 'relu' } },
    {
      label: 'Conv2D same, stride 2',
      input: [7, 6, 2],
      params: { filters: 3, kernel_size: [3, 2], strides: [2, 2], padding: 'same' },
    },
    {
      label: 'Conv2D same, stride 1, even window',
      input: [5, 5, 2],
      params: { filters: 3, kernel_size: [2, 2], padding: 'same' },
    },
  ],
  keras: { aliases: ['Convolution2D'], read: (config) => readConvolution(config, kerasPair) },
  code: {
    typescript: (params, context) => convolutionTypeScript('conv2d', convolutionOf(params), context),
    keras: (params, context) => convolutionKeras('Conv2D', convolutionOf(params), context),
    pytorch: (params, context) => convolutionPytorch(convolutionOf(params), context),
  },
});
