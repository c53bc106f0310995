/**
 * SeparableConv2D: a DepthwiseConv2D (a filter per input channel) followed by a 1×1 convolution
 * that mixes the channels into `filters` outputs, as one layer (Xception's and MobileNet's
 * building block): far fewer weights than a Conv2D of the same window. Its PyTorch export is the
 * two convolutions in an nn.Sequential, each loading its own kernel from Keras' layout.
 */
import { keyword, pythonBool, pythonCall, pythonString, pythonTuple } from '../vocabulary/python.js';
import {
  quotedUnless,
  typescriptConfig,
  typescriptNumbers,
  typescriptString,
} from '../vocabulary/typescript-literals.js';
import { lastDim } from '../vocabulary/shape.js';
import { convolutionPytorch } from './convolution.js';
import { depthwiseCommon, depthwiseShape, readDepthwise } from './depthwise.js';
import { filters, kernelInitializer } from './common.js';
import { pair, tfActivation, tfInitializer } from './tf-config.js';
import { defineLayer, weightList } from './types.js';

export const separableConv2d = defineLayer({
  kind: 'SeparableConv2D',
  category: 'convolutional',
  description: {
    en: 'A filter over each channel on its own, then a 1×1 convolution mixing the channels: a light Conv2D.',
    es: 'Un filtro sobre cada canal por separado y luego una convolución 1×1 que mezcla los canales: un Conv2D ligero.',
  },
  inputs: 'one',
  namePrefix: 'separable_conv2d',
  params: {
    filters: filters(),
    ...depthwiseCommon(),
    pointwise_initializer: kernelInitializer(),
  },
  inferShape: ([input = []], params) => depthwiseShape('SeparableConv2D', input, params, params.filters),
  countParams: ([input = []], params) => {
    const [height = 1, width = 1] = params.kernel_size;
    const middle = (lastDim(input) ?? 0) * params.depth_multiplier;
    return height * width * middle + middle * params.filters + (params.use_bias ? params.filters : 0);
  },
  build: (params, context) => {
    const layer = context.tf.layers.separableConv2d({
      filters: params.filters,
      kernelSize: pair(params.kernel_size),
      strides: pair(params.strides),
      padding: params.padding,
      depthMultiplier: params.depth_multiplier,
      activation: tfActivation(params.activation),
      useBias: params.use_bias,
      // The order the TypeScript export draws their seeds in.
      depthwiseInitializer: tfInitializer(context.tf, params.depthwise_initializer, context.nextSeed()),
      pointwiseInitializer: tfInitializer(context.tf, params.pointwise_initializer, context.nextSeed()),
      biasInitializer: 'zeros',
      name: context.name,
    });
    // tf.js' SeparableConv2D leaves depth_multiplier out of its saved config, so a saved model
    // with another than 1 would not load again (in tf.js either): it is written back in.
    const getConfig = layer.getConfig.bind(layer);
    layer.getConfig = () => ({ ...getConfig(), depthMultiplier: params.depth_multiplier });
    return layer;
  },
  weights: ([input = []], params) => {
    const [height = 1, width = 1] = params.kernel_size;
    const channels = lastDim(input) ?? 0;
    return weightList([
      ['depthwise_kernel', [height, width, channels, params.depth_multiplier]],
      ['pointwise_kernel', [1, 1, channels * params.depth_multiplier, params.filters]],
      params.use_bias ? ['bias', [params.filters]] : null,
    ]);
  },
  traits: { convolves: true },
  examples: [
    { label: 'SeparableConv2D', input: [6, 6, 3], params: { filters: 4, activation: 'relu' } },
    {
      label: 'SeparableConv2D same, stride 2, multiplier 2',
      input: [7, 6, 2],
      params: { filters: 3, strides: [2, 2], padding: 'same', depth_multiplier: 2, use_bias: false },
    },
  ],
  keras: {
    read: (config) => ({
      filters: config.required('filters'),
      ...readDepthwise(config),
      pointwise_initializer: config.initializer('pointwise_initializer'),
    }),
  },
  code: {
    typescript: (params, context) => {
      const channels = lastDim(context.inputs[0] ?? []) ?? 0;
      const middle = channels * params.depth_multiplier;
      return `tf.layers.separableConv2d(${typescriptConfig([
        ['filters', String(params.filters)],
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
        [
          'pointwiseInitializer',
          context.initializer(params.pointwise_initializer, { index: 1, shape: [1, 1, middle, params.filters] }),
        ],
        ['name', context.name],
      ])})`;
    },
    keras: (params, context) =>
      pythonCall('layers.SeparableConv2D', [
        String(params.filters),
        pythonTuple(params.kernel_size),
        keyword(
          'strides',
          pythonTuple(params.strides),
          params.strides.every((stride) => stride === 1),
        ),
        keyword('padding', pythonString(params.padding), params.padding === 'valid'),
        keyword('depth_multiplier', String(params.depth_multiplier), params.depth_multiplier === 1),
        keyword('activation', pythonString(params.activation), params.activation === 'linear'),
        keyword('use_bias', pythonBool(false), params.use_bias),
        keyword(
          'depthwise_initializer',
          pythonString(params.depthwise_initializer),
          params.depthwise_initializer === 'glorot_uniform',
        ),
        keyword(
          'pointwise_initializer',
          pythonString(params.pointwise_initializer),
          params.pointwise_initializer === 'glorot_uniform',
        ),
        `name=${context.name}`,
      ]),
    // Two convolutions in one nn.Sequential: the channel-by-channel one (its window, strides and
    // padding), then the 1×1 one (the filters, the bias, the activation).
    pytorch: (params, context) => {
      const channels = lastDim(context.inputs[0] ?? []) ?? 0;
      const middle = channels * params.depth_multiplier;
      const depthwise = convolutionPytorch(
        {
          filters: middle,
          kernel: params.kernel_size,
          strides: params.strides,
          padding: params.padding,
          activation: 'linear',
          useBias: false,
          kernelInitializer: params.depthwise_initializer,
        },
        { ...context, attribute: `${context.attribute}[0]` },
        { depthwise: true },
      );
      const pointwise = convolutionPytorch(
        {
          filters: params.filters,
          kernel: [1, 1],
          strides: [1, 1],
          padding: 'valid',
          activation: params.activation,
          useBias: params.use_bias,
          kernelInitializer: params.pointwise_initializer,
        },
        {
          ...context,
          inputs: [[...(context.output.slice(0, 3) as (number | null)[]), middle]],
          attribute: `${context.attribute}[1]`,
        },
      );
      return {
        module: pythonCall('nn.Sequential', [depthwise.module ?? '', pointwise.module ?? '']),
        init: [...(depthwise.init ?? []), ...(pointwise.init ?? [])],
        forward: ([input = 'x']) => pointwise.forward([depthwise.forward([input])]),
        params: depthwise.params + pointwise.params,
        load: ([depthwiseKernel = 'depthwise_kernel', pointwiseKernel = 'pointwise_kernel', bias = 'bias']) => [
          ...(depthwise.load?.([depthwiseKernel]) ?? []),
          ...(pointwise.load?.([pointwiseKernel, bias]) ?? []),
        ],
      };
    },
  },
});
