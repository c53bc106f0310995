/**
 * What the pooling layers share: windows slid over a sequence or an image, or one value per
 * channel over all of it. No weights. Reads nothing but its arguments.
 */
import type { Shape } from '../graph/shape.js';
import { expectRank, expects, hints, ok, slideWindows, type Padding } from './shape-rules.js';
import type { ShapeResult } from './types.js';

export interface Pooling1dParams {
  pool_size: number;
  /** Keras' None: the window moves by its own length. */
  strides: number | null;
  padding: Padding;
}

export interface Pooling2dParams {
  pool_size: number[];
  strides: number[];
  padding: Padding;
}

/** (batch, steps, channels) → (batch, pooled steps, channels). */
export function inferPooling1d(kind: string, inputs: readonly Shape[], params: Pooling1dParams): ShapeResult {
  const input = inputs[0] ?? [];
  const wrongRank = expectRank(kind, input, 3, expects.sequence, hints.toSequence);
  if (wrongRank) return wrongRank;
  const strides = params.strides ?? params.pool_size;
  const slid = slideWindows(input, [params.pool_size], [strides], params.padding, 'pool_size');
  if (!slid.ok) return slid.result;
  return ok([input[0] ?? null, ...slid.lengths, input[2] ?? null]);
}

/** (batch, height, width, channels) → (batch, pooled height, pooled width, channels). */
export function inferPooling2d(kind: string, inputs: readonly Shape[], params: Pooling2dParams): ShapeResult {
  const input = inputs[0] ?? [];
  const wrongRank = expectRank(kind, input, 4, expects.image, hints.toImage);
  if (wrongRank) return wrongRank;
  const slid = slideWindows(input, params.pool_size, params.strides, params.padding, 'pool_size');
  if (!slid.ok) return slid.result;
  return ok([input[0] ?? null, ...slid.lengths, input[3] ?? null]);
}

/**
 * Global pooling over every step (rank 3) or every pixel (rank 4): one value per channel,
 * (batch, channels).
 */
export function inferGlobalPooling(kind: string, inputs: readonly Shape[], rank: 3 | 4): ShapeResult {
  const input = inputs[0] ?? [];
  const wrongRank =
    rank === 3
      ? expectRank(kind, input, 3, expects.sequence, hints.toSequence)
      : expectRank(kind, input, 4, expects.image, hints.toImage);
  if (wrongRank) return wrongRank;
  return ok([input[0] ?? null, input[rank - 1] ?? null]);
}
