import { convolutionKeras, convolutionPytorch, convolutionTypeScript, convolutionOf } from './convolution.js';
import { expectKnown, expectRank, expects, hints, ok, slideWindows } from './shape-rules.js';
import { pair, tfActivation, tfInitializer } from './tf-config.js';
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
  countParams: ([input = []], params) => {
    const [height, width] = pair(params.kernel_size);
    const channels = input[3] ?? 0;
    return height * width * channels * params.filters + (params.use_bias ? params.filters : 0);
  },
  build: (params, context) =>
    context.tf.layers.conv2d({
      filters: params.filters,
      kernelSize: pair(params.kernel_size),
      strides: pair(params.strides),
      padding: params.padding,
      activation: tfActivation(params.activation),
      useBias: params.use_bias,
      kernelInitializer: tfInitializer(context.tf, params.kernel_initializer, context.nextSeed()),
      biasInitializer: 'zeros',
      name: context.name,
    }),
  code: {
    typescript: (params, context) => convolutionTypeScript('conv2d', convolutionOf(params), context),
    keras: (params, context) => convolutionKeras('Conv2D', convolutionOf(params), context),
    pytorch: (params, context) => convolutionPytorch(convolutionOf(params), context),
  },
});
