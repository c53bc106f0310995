/**
 * What the pooling layers share: windows slid over a sequence or an image, or one value per
 * channel over all of it. No weights. Reads nothing but its arguments.
 */
import { keyword, pythonCall, pythonString, pythonTuple } from '../vocabulary/python.js';
import { channelsFirst, channelsLast, samePadding } from './spellings.js';
import { typescriptConfig, typescriptNumbers, typescriptString } from '../vocabulary/typescript-literals.js';
import type { Shape } from '../vocabulary/shape.js';
import { expectRank, expects, hints, ok, slideWindows, type Padding } from './shape-rules.js';
import type { CodeContext, PyTorchCode, PyTorchContext, ShapeResult } from './types.js';

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

/** What the 1-D and 2-D pooling layers write alike: windows, strides and padding per spatial axis. */
interface Windows {
  pool: readonly number[];
  strides: readonly number[];
  padding: Padding;
}

function windowsOf(params: Pooling1dParams | Pooling2dParams): Windows {
  if (typeof params.pool_size === 'number') {
    const pooling = params as Pooling1dParams;
    return { pool: [pooling.pool_size], strides: [pooling.strides ?? pooling.pool_size], padding: pooling.padding };
  }
  const pooling = params as Pooling2dParams;
  return { pool: pooling.pool_size, strides: pooling.strides, padding: pooling.padding };
}

const written = (values: readonly number[]) => (values.length === 1 ? String(values[0]) : pythonTuple(values));

/** `tf.layers.maxPooling2d({...})` and kin, with the strides build gives (Keras' None made explicit). */
export function poolingTypeScript(
  factory: 'maxPooling1d' | 'averagePooling1d' | 'maxPooling2d' | 'averagePooling2d',
  params: Pooling1dParams | Pooling2dParams,
  context: CodeContext,
): string {
  const { pool, strides, padding } = windowsOf(params);
  const list = (values: readonly number[]) => (values.length === 1 ? String(values[0]) : typescriptNumbers(values));
  return `tf.layers.${factory}(${typescriptConfig([
    ['poolSize', list(pool)],
    ['strides', list(strides)],
    ['padding', padding === 'valid' ? null : typescriptString(padding)],
    ['name', context.name],
  ])})`;
}

/** `layers.MaxPooling2D(...)` and kin, leaving out Keras' defaults (pool 2, strides equal to the pool). */
export function poolingKeras(kind: string, params: Pooling1dParams | Pooling2dParams, context: CodeContext): string {
  const { pool, strides, padding } = windowsOf(params);
  const sameAsPool = strides.every((stride, axis) => stride === pool[axis]);
  return pythonCall(`layers.${kind}`, [
    keyword(
      'pool_size',
      written(pool),
      pool.every((size) => size === 2),
    ),
    keyword('strides', written(strides), sameAsPool),
    keyword('padding', pythonString(padding), padding === 'valid'),
    `name=${context.name}`,
  ]);
}

/**
 * A pooling module. PyTorch pools channels-first: the tensor is turned for it and back. Keras'
 * "same" padding is PyTorch's `padding` where it is even on both sides; otherwise the forward pass
 * pads first, with -inf for max pooling, so the padding never wins.
 */
export function poolingPytorch(
  operation: 'max' | 'average',
  params: Pooling1dParams | Pooling2dParams,
  context: PyTorchContext,
): PyTorchCode {
  const { pool, strides, padding } = windowsOf(params);
  const dims = pool.length === 1 ? 1 : 2;
  const input = context.inputs[0] ?? [];
  const pads =
    padding === 'same'
      ? pool.map((window, axis) => samePadding(input[axis + 1] ?? window, window, strides[axis] ?? window))
      : pool.map((): [number, number] => [0, 0]);
  const even = pads.every(([before, after], axis) => before === after && before <= Math.floor((pool[axis] ?? 1) / 2));
  const module = pythonCall(`nn.${operation === 'max' ? 'MaxPool' : 'AvgPool'}${dims}d`, [
    `kernel_size=${written(pool)}`,
    `stride=${written(strides)}`,
    even && pads.some(([before]) => before > 0) ? `padding=${written(pads.map(([before]) => before))}` : null,
    // Keras averages the real values only at an edge padded with "same".
    operation === 'average' && even && padding === 'same' ? 'count_include_pad=False' : null,
  ]);
  // F.pad lists the last axis first.
  const padList = [...pads].reverse().flat().join(', ');
  const padValue = operation === 'max' ? ', value=float("-inf")' : '';
  return {
    module,
    forward: ([tensor = 'x']) => {
      const turned = `${tensor}${channelsFirst[dims]}`;
      const padded = even ? turned : `F.pad(${turned}, (${padList})${padValue})`;
      return `${context.attribute}(${padded})${channelsLast[dims]}`;
    },
    params: 0,
    notes:
      operation === 'average' && !even
        ? ['Keras averages only the real values at the padded edges; here the padding zeros count too.']
        : [],
  };
}
