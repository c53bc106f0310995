/**
 * What Conv1D, Conv2D and Conv2DTranspose write alike in the exports: filters sliding over the
 * spatial axes of a channels-last tensor. PyTorch convolves channels-first, so its forward pass
 * turns the tensor for the convolution and back. Reads nothing but its arguments.
 */
import { keyword, pythonBool, pythonCall, pythonString, pythonTuple } from '../vocabulary/python.js';
import { channelsFirst, channelsLast, samePadding, torchActivation, torchInit } from './spellings.js';
import {
  quotedUnless,
  typescriptConfig,
  typescriptNumbers,
  typescriptString,
} from '../vocabulary/typescript-literals.js';
import type { Shape } from '../vocabulary/shape.js';
import type { ActivationName } from './common.js';
import type { Padding } from './shape-rules.js';
import { tfActivation, tfInitializer } from './tf-config.js';
import type {
  BuildContext,
  CodeContext,
  InitializerName,
  PyTorchCode,
  PyTorchContext,
  TypeScriptContext,
} from './types.js';

/** A convolution's parameters with its windows as lists, one entry per spatial axis. */
export interface Convolution {
  filters: number;
  kernel: readonly number[];
  strides: readonly number[];
  padding: Padding;
  activation: ActivationName;
  useBias: boolean;
  kernelInitializer: InitializerName;
}

/** The layers' own parameters, a window given as one number (1-D) or one per axis (2-D). */
export interface ConvolutionParams {
  filters: number;
  kernel_size: number | readonly number[];
  strides: number | readonly number[];
  padding: Padding;
  activation: ActivationName;
  use_bias: boolean;
  kernel_initializer: InitializerName;
}

export function convolutionOf(params: ConvolutionParams): Convolution {
  const list = (value: number | readonly number[]) => (typeof value === 'number' ? [value] : value);
  return {
    filters: params.filters,
    kernel: list(params.kernel_size),
    strides: list(params.strides),
    padding: params.padding,
    activation: params.activation,
    useBias: params.use_bias,
    kernelInitializer: params.kernel_initializer,
  };
}

const channelsOf = (input: Shape) => input[input.length - 1] ?? 0;

/**
 * Weights of a convolution on `input`: a kernel of window × channels × filters (transposed for
 * Conv2DTranspose, the same count) plus one bias per filter.
 */
export function convolutionParamCount(conv: Convolution, input: Shape): number {
  const window = conv.kernel.reduce((product, size) => product * size, 1);
  return window * channelsOf(input) * conv.filters + (conv.useBias ? conv.filters : 0);
}

/** The tf.js arguments Conv1D, Conv2D and Conv2DTranspose take alike, seeded. */
export function tfConvolutionArgs(conv: Convolution, context: BuildContext) {
  return {
    filters: conv.filters,
    kernelSize: [...conv.kernel],
    strides: [...conv.strides],
    padding: conv.padding,
    activation: tfActivation(conv.activation),
    useBias: conv.useBias,
    kernelInitializer: tfInitializer(context.tf, conv.kernelInitializer, context.nextSeed()),
    biasInitializer: 'zeros' as const,
    name: context.name,
  };
}
const pythonWindow = (values: readonly number[]) => (values.length === 1 ? String(values[0]) : pythonTuple(values));
const typescriptWindow = (values: readonly number[]) =>
  values.length === 1 ? String(values[0]) : typescriptNumbers(values);

/** `tf.layers.conv2d({...})`; the kernel is (window…, channels, filters), or (window…, filters, channels) transposed. */
export function convolutionTypeScript(
  factory: 'conv1d' | 'conv2d' | 'conv2dTranspose',
  conv: Convolution,
  context: TypeScriptContext,
): string {
  const channels = channelsOf(context.inputs[0] ?? []);
  const kernelShape =
    factory === 'conv2dTranspose' ? [...conv.kernel, conv.filters, channels] : [...conv.kernel, channels, conv.filters];
  return `tf.layers.${factory}(${typescriptConfig([
    ['filters', String(conv.filters)],
    ['kernelSize', typescriptWindow(conv.kernel)],
    ['strides', conv.strides.every((stride) => stride === 1) ? null : typescriptWindow(conv.strides)],
    ['padding', conv.padding === 'valid' ? null : typescriptString(conv.padding)],
    ['activation', quotedUnless(conv.activation, 'linear')],
    ['useBias', conv.useBias ? null : 'false'],
    ['kernelInitializer', context.initializer(conv.kernelInitializer, { index: 0, shape: kernelShape })],
    ['name', context.name],
  ])})`;
}

/** `layers.Conv2D(32, (3, 3), ...)` with only the arguments that differ from Keras' defaults. */
export function convolutionKeras(kind: string, conv: Convolution, context: CodeContext): string {
  return pythonCall(`layers.${kind}`, [
    String(conv.filters),
    pythonWindow(conv.kernel),
    keyword(
      'strides',
      pythonWindow(conv.strides),
      conv.strides.every((stride) => stride === 1),
    ),
    keyword('padding', pythonString(conv.padding), conv.padding === 'valid'),
    keyword('activation', pythonString(conv.activation), conv.activation === 'linear'),
    keyword('use_bias', pythonBool(false), conv.useBias),
    keyword('kernel_initializer', pythonString(conv.kernelInitializer), conv.kernelInitializer === 'glorot_uniform'),
    `name=${context.name}`,
  ]);
}

function startWeights(conv: Convolution, attribute: string): string[] {
  return [
    torchInit(conv.kernelInitializer, `${attribute}.weight`),
    ...(conv.useBias ? [`nn.init.zeros_(${attribute}.bias)`] : []),
  ];
}

/**
 * `nn.Conv1d` or `nn.Conv2d`. PyTorch's padding="same" matches Keras' for stride 1; with larger
 * strides the forward pass pads as TensorFlow does (the odd zero after).
 */
export function convolutionPytorch(
  conv: Convolution,
  context: PyTorchContext,
  options: { depthwise?: boolean } = {},
): PyTorchCode {
  const input = context.inputs[0] ?? [];
  // Depthwise: one group per input channel, each with filters / channels of its own.
  const groups = options.depthwise ? channelsOf(input) : 1;
  const dims = conv.kernel.length === 1 ? 1 : 2;
  const strided = conv.strides.some((stride) => stride > 1);
  const pads = conv.kernel.map((window, axis) =>
    samePadding(input[axis + 1] ?? window, window, conv.strides[axis] ?? 1),
  );
  const padFirst = conv.padding === 'same' && strided && pads.some(([before, after]) => before + after > 0);
  const module = pythonCall(`nn.Conv${dims}d`, [
    String(channelsOf(input)),
    String(conv.filters),
    `kernel_size=${pythonWindow(conv.kernel)}`,
    keyword('stride', pythonWindow(conv.strides), !strided),
    keyword('padding', pythonString('same'), conv.padding === 'valid' || strided),
    keyword('groups', String(groups), groups === 1),
    keyword('bias', pythonBool(false), conv.useBias),
  ]);
  // F.pad lists the last axis first.
  const padList = [...pads].reverse().flat().join(', ');
  const window = conv.kernel.reduce((product, size) => product * size, 1);
  return {
    module,
    init: startWeights(conv, context.attribute),
    forward: ([tensor = 'x']) => {
      const turned = `${tensor}${channelsFirst[dims]}`;
      const padded = padFirst ? `F.pad(${turned}, (${padList}))` : turned;
      return torchActivation(conv.activation, `${context.attribute}(${padded})${channelsLast[dims]}`);
    },
    params: (window * channelsOf(input) * conv.filters) / groups + (conv.useBias ? conv.filters : 0),
    // Keras keeps the kernel as (window…, in, out); PyTorch's is (out, in, window…). A depthwise
    // kernel is (window…, channels, multiplier); PyTorch's (channels × multiplier, 1, window…).
    load: ([kernel = 'kernel', bias = 'bias']) => [
      options.depthwise
        ? `${context.attribute}.weight.copy_(torch.from_numpy(np.ascontiguousarray(${kernel}.transpose(2, 3, 0, 1).reshape(${conv.filters}, 1, ${conv.kernel.join(', ')}))))`
        : `${context.attribute}.weight.copy_(torch.from_numpy(np.ascontiguousarray(${kernel}.transpose(${dims + 1}, ${dims}, ${Array.from({ length: dims }, (_, axis) => axis).join(', ')}))))`,
      ...(conv.useBias ? [`${context.attribute}.bias.copy_(torch.from_numpy(${bias}))`] : []),
    ],
  };
}

/**
 * `nn.ConvTranspose2d`. Keras' output (strides times larger with "same") is PyTorch's full output
 * cropped as TensorFlow crops it, or extended by `output_padding` when the window is smaller than
 * the stride.
 */
export function transposedConvolutionPytorch(conv: Convolution, context: PyTorchContext): PyTorchCode {
  const input = context.inputs[0] ?? [];
  const axes = conv.kernel.map((window, axis) => {
    const size = input[axis + 1] ?? 1;
    const stride = conv.strides[axis] ?? 1;
    const target = context.output[axis + 1] ?? size * stride;
    const full = (size - 1) * stride + window;
    const extension = Math.max(0, target - full);
    const crop = full + extension - target;
    const before = Math.floor(crop / 2);
    return { extension, crop, before, target };
  });
  const needsCrop = axes.some((axis) => axis.crop > 0);
  const module = pythonCall('nn.ConvTranspose2d', [
    String(channelsOf(input)),
    String(conv.filters),
    `kernel_size=${pythonWindow(conv.kernel)}`,
    keyword(
      'stride',
      pythonWindow(conv.strides),
      conv.strides.every((stride) => stride === 1),
    ),
    keyword(
      'output_padding',
      pythonWindow(axes.map((axis) => axis.extension)),
      axes.every((axis) => axis.extension === 0),
    ),
    keyword('bias', pythonBool(false), conv.useBias),
  ]);
  const window = conv.kernel.reduce((product, size) => product * size, 1);
  return {
    module,
    init: startWeights(conv, context.attribute),
    forward: ([tensor = 'x']) => {
      const full = `${context.attribute}(${tensor}${channelsFirst[2]})`;
      const slices = axes.map(({ before, target }) => `${before}:${before + target}`).join(', ');
      const kept = needsCrop ? `${full}[:, :, ${slices}]` : full;
      return torchActivation(conv.activation, `${kept}${channelsLast[2]}`);
    },
    params: window * channelsOf(input) * conv.filters + (conv.useBias ? conv.filters : 0),
    notes: needsCrop ? ["The forward pass crops PyTorch's full output to Keras' size, as TensorFlow does."] : [],
  };
}
