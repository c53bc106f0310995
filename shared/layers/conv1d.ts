import {
  convolutionKeras,
  convolutionPytorch,
  convolutionTypeScript,
  convolutionOf,
  convolutionParamCount,
  tfConvolutionArgs,
} from './convolution.js';
import { expectKnown, expectRank, expects, hints, ok, slideWindows } from './shape-rules.js';
import { activation, filters, kernelInitializer, padding, useBias } from './common.js';
import { int } from './params.js';
import { defineLayer, weightList } from './types.js';
import { lastDim } from '../vocabulary/shape.js';
import { kerasSingle, readConvolution } from './keras-config.js';

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
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('Conv1D', input, 3, expects.sequence, hints.toSequence);
    if (wrongRank) return wrongRank;
    const unknown = expectKnown('Conv1D', input, [2]);
    if (unknown) return unknown;
    const slid = slideWindows(input, [params.kernel_size], [params.strides], params.padding, 'kernel_size');
    if (!slid.ok) return slid.result;
    return ok([input[0] ?? null, ...slid.lengths, params.filters]);
  },
  // Kernel (kernel_size, channels, filters) plus one bias per filter.
  countParams: ([input = []], params) => convolutionParamCount(convolutionOf(params), input),
  build: (params, context) => context.tf.layers.conv1d(tfConvolutionArgs(convolutionOf(params), context)),
  weights: ([input = []], params) =>
    weightList([
      ['kernel', [params.kernel_size, lastDim(input) ?? 0, params.filters]],
      params.use_bias ? ['bias', [params.filters]] : null,
    ]),
  traits: { convolves: true, wasmMissingGradient: 'Conv2DBackpropFilter' },
  examples: [
    { label: 'Conv1D', input: [10, 3], params: { filters: 4, kernel_size: 3 } },
    {
      label: 'Conv1D same, stride 2',
      input: [9, 3],
      params: { filters: 4, kernel_size: 4, strides: 2, padding: 'same' },
    },
  ],
  keras: { aliases: ['Convolution1D'], read: (config) => readConvolution(config, kerasSingle) },
  code: {
    typescript: (params, context) => convolutionTypeScript('conv1d', convolutionOf(params), context),
    keras: (params, context) => convolutionKeras('Conv1D', convolutionOf(params), context),
    pytorch: (params, context) => convolutionPytorch(convolutionOf(params), context),
  },
});
