/**
 * What DepthwiseConv2D and SeparableConv2D share: a filter per input channel (depth_multiplier of
 * them) sliding over an image, its settings, its shape rule and how Keras writes it.
 */
import { lastDim, type Shape } from '../vocabulary/shape.js';
import { activation, kernelInitializer, padding, useBias, window2d } from './common.js';
import { int } from './params.js';
import { expectKnown, expectRank, expects, hints, ok, slideWindows, type Padding } from './shape-rules.js';
import type { ShapeResult } from './types.js';
import { kerasPair, plainWindows, type KerasParams, type LayerConfig } from './keras-config.js';

/** The settings of the channel-by-channel step, in the order the inspector shows them. */
export function depthwiseCommon() {
  return {
    ...window2d(),
    padding: padding(),
    depth_multiplier: int({
      default: 1,
      max: 64,
      description: {
        en: 'Filters per input channel: the channel-by-channel step gives channels × depth_multiplier.',
        es: 'Filtros por canal de entrada: el paso canal a canal da canales × depth_multiplier.',
      },
    }),
    activation: activation('linear'),
    use_bias: useBias(),
    depthwise_initializer: kernelInitializer(),
  };
}

/** An image in, its windows slid, `channels` out (null: the input's channels × depth_multiplier). */
export function depthwiseShape(
  kind: string,
  input: Shape,
  params: { kernel_size: readonly number[]; strides: readonly number[]; padding: Padding; depth_multiplier: number },
  channels: number | null,
): ShapeResult {
  const wrongRank = expectRank(kind, input, 4, expects.image, hints.toImage);
  if (wrongRank) return wrongRank;
  const unknown = expectKnown(kind, input, [3]);
  if (unknown) return unknown;
  const slid = slideWindows(input, params.kernel_size, params.strides, params.padding, 'kernel_size');
  if (!slid.ok) return slid.result;
  return ok([input[0] ?? null, ...slid.lengths, channels ?? (lastDim(input) ?? 0) * params.depth_multiplier]);
}

/** Keras' config of the channel-by-channel step, as both layers write it. */
export function readDepthwise(config: LayerConfig): KerasParams {
  plainWindows(config);
  config.fixedInitializer('bias_initializer', 'zeros');
  return {
    kernel_size: kerasPair(config.required('kernel_size')),
    strides: kerasPair(config.value('strides')),
    padding: config.text('padding'),
    depth_multiplier: config.value('depth_multiplier'),
    activation: config.text('activation'),
    use_bias: config.value('use_bias'),
    depthwise_initializer: config.initializer('depthwise_initializer'),
  };
}
