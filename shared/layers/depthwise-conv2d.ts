/**
 * DepthwiseConv2D: a small filter per input channel, each sliding over its own channel only
 * (depth_multiplier filters each), as MobileNet pairs with 1×1 Conv2Ds. Its kernel is (height,
 * width, channels, multiplier); the PyTorch export is a Conv2d with one group per channel.
 */
import { keyword, pythonCall, pythonString, pythonTuple } from '../vocabulary/python.js';
import {
  quotedUnless,
  typescriptConfig,
  typescriptNumbers,
  typescriptString,
} from '../vocabulary/typescript-literals.js';
import { lastDim } from '../vocabulary/shape.js';
import { convolutionPytorch } from './convolution.js';
import { depthwiseCommon, depthwiseShape, readDepthwise } from './depthwise.js';
import { pair, tfActivation, tfInitializer } from './tf-config.js';
import { defineLayer, weightList } from './types.js';

export const depthwiseConv2d = defineLayer({
  kind: 'DepthwiseConv2D',
  category: 'convolutional',
  description: {
    en: 'Slides one small filter over each channel of an image on its own: far fewer weights than Conv2D.',
    es: 'Desliza un pequeño filtro sobre cada canal de una imagen por separado: muchos menos pesos que Conv2D.',
  },
  inputs: 'one',
  namePrefix: 'depthwise_conv2d',
  params: depthwiseCommon(),
  inferShape: ([input = []], params) => depthwiseShape('DepthwiseConv2D', input, params, null),
  countParams: ([input = []], params) => {
    const [height = 1, width = 1] = params.kernel_size;
    const outputs = (lastDim(input) ?? 0) * params.depth_multiplier;
    return height * width * outputs + (params.use_bias ? outputs : 0);
  },
  build: (params, context) =>
    context.tf.layers.depthwiseConv2d({
      kernelSize: pair(params.kernel_size),
      strides: pair(params.strides),
      padding: params.padding,
      depthMultiplier: params.depth_multiplier,
      activation: tfActivation(params.activation),
      useBias: params.use_bias,
      depthwiseInitializer: tfInitializer(context.tf, params.depthwise_initializer, context.nextSeed()),
      biasInitializer: 'zeros',
      name: context.name,
    }),
  weights: ([input = []], params) => {
    const [height = 1, width = 1] = params.kernel_size;
    const channels = lastDim(input) ?? 0;
    return weightList([
      ['depthwise_kernel', [height, width, channels, params.depth_multiplier]],
      params.use_bias ? ['bias', [channels * params.depth_multiplier]] : null,
    ]);
  },
  traits: { convolves: true },
  examples: [
    { label: 'DepthwiseConv2D', input: [6, 6, 3], params: { activation: 'relu' } },
    {
      label: 'DepthwiseConv2D same, stride 2, multiplier 2',
      input: [7, 6, 2],
      params: { strides: [2, 2], padding: 'same', depth_multiplier: 2, use_bias: false },
    },
  ],
  keras: {
    read: readDepthwise,
  },
  code: {
    typescript: (params, context) => {
      const channels = lastDim(context.inputs[0] ?? []) ?? 0;
      return `tf.layers.depthwiseConv2d(${typescriptConfig([
        ['kernelSize', typescriptNumbers(params.kernel_size)],
        ['strides', params.strides.every((stride) => stride === 1) ? null : typescriptNumbers(params.strides)],
        ['padding', params.padding === 'valid' ? null : typescriptString(params.padding)],
        ['depthMultiplier', params.depth_multiplier === 1 ? null : String(params.depth_multiplier)],
        ['activation', quotedUnless(params.activation, 'linear')],
        ['useBias', params.use_bias ? null : 'false'],
        [
          'depthwiseInitializer',
          context.initializer(params.depthwise_initializer, {
            index: 0,
            shape: [...params.kernel_size, channels, params.depth_multiplier],
          }),
        ],
        ['name', context.name],
      ])})`;
    },
    keras: (params, context) =>
      pythonCall('layers.DepthwiseConv2D', [
        pythonTuple(params.kernel_size),
        keyword(
          'strides',
          pythonTuple(params.strides),
          params.strides.every((stride) => stride === 1),
        ),
        keyword('padding', pythonString(params.padding), params.padding === 'valid'),
        keyword('depth_multiplier', String(params.depth_multiplier), params.depth_multiplier === 1),
        keyword('activation', pythonString(params.activation), params.activation === 'linear'),
        keyword('use_bias', 'False', params.use_bias),
        keyword(
          'depthwise_initializer',
          pythonString(params.depthwise_initializer),
          params.depthwise_initializer === 'glorot_uniform',
        ),
        `name=${context.name}`,
      ]),
    pytorch: (params, context) =>
      convolutionPytorch(
        {
          filters: (lastDim(context.inputs[0] ?? []) ?? 0) * params.depth_multiplier,
          kernel: params.kernel_size,
          strides: params.strides,
          padding: params.padding,
          activation: params.activation,
          useBias: params.use_bias,
          kernelInitializer: params.depthwise_initializer,
        },
        context,
        { depthwise: true },
      ),
  },
});
