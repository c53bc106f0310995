/**
 * Shape inference and parameter counts of every layer kind, checked twice: against figures
 * worked out by hand with Keras' arithmetic (written out beside each case), and against tf.js
 * itself, building the layer and applying it to symbolic and real inputs. Then every refusal,
 * with its code, its values and its fix.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeProblem, type LayerIssue, type ProblemCode } from '../vocabulary/problems.js';
import type { Shape } from '../vocabulary/shape.js';
import { languages } from '../vocabulary/localized.js';
import type { AnyParamValue } from './params.js';
import { defaultParamsOf, layerDef, layerKinds, type LayerKind } from './registry.js';
import { expects, hints } from './shape-rules.js';
import type { BuildContext, ShapeResult } from './types.js';

type Overrides = Record<string, AnyParamValue>;

interface Case {
  /** What the case shows, with the arithmetic. */
  what: string;
  kind: LayerKind;
  params?: Overrides;
  inputs: Shape[];
  shape: Shape;
  count: number;
  /** The inputs' dtype: int32 for token indices. */
  dtype?: 'float32' | 'int32';
}

const N = null;

function paramsOf(kind: LayerKind, overrides: Overrides = {}): Record<string, AnyParamValue> {
  return { ...(defaultParamsOf(kind) as Record<string, AnyParamValue>), ...overrides };
}

function infer(kind: LayerKind, inputs: Shape[], overrides: Overrides = {}): ShapeResult {
  return layerDef(kind).inferShape(inputs, paramsOf(kind, overrides));
}

function context(inputs: Shape[], firstSeed = 1, name = 'layer_under_test'): BuildContext {
  let seed = firstSeed;
  return { tf, name, inputs, nextSeed: () => seed++ };
}

function known(shape: Shape): shape is number[] {
  return shape.every((dim) => dim !== null);
}

/** A sample's shape with unknown sizes (never the batch) filled in, to run real numbers. */
function sampleShape(shape: Shape): number[] {
  return shape.slice(1).map((dim) => dim ?? 3);
}

function single<T>(values: T[]): T | T[] {
  return values.length === 1 ? (values[0] as T) : values;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const cases: Case[] = [
  // Input: no weights; its shape is the batch axis and the shape given.
  {
    what: 'Input (3, 8) → (None, 3, 8)',
    kind: 'Input',
    params: { shape: [3, 8] },
    inputs: [],
    shape: [N, 3, 8],
    count: 0,
  },
  {
    what: 'Input int32 (10,) → (None, 10)',
    kind: 'Input',
    params: { shape: [10], dtype: 'int32' },
    inputs: [],
    shape: [N, 10],
    count: 0,
  },

  // Dense: features·units weights + units biases, on the last axis only.
  {
    what: 'Dense(8) on 50: 50·8+8 = 408',
    kind: 'Dense',
    params: { units: 8 },
    inputs: [[N, 50]],
    shape: [N, 8],
    count: 408,
  },
  {
    what: 'Dense(4, no bias) on (None, 3, 5): 5·4 = 20, keeps the 3 steps',
    kind: 'Dense',
    params: { units: 4, use_bias: false },
    inputs: [[N, 3, 5]],
    shape: [N, 3, 4],
    count: 20,
  },

  // SimpleRNN: units·(features + units) + units.
  {
    what: 'SimpleRNN(50) on (None, 3, 8): 50·(8+50)+50 = 2,950',
    kind: 'SimpleRNN',
    params: { units: 50 },
    inputs: [[N, 3, 8]],
    shape: [N, 50],
    count: 2950,
  },
  {
    what: 'SimpleRNN(4, return_sequences) on (None, 3, 2): 4·(2+4)+4 = 28',
    kind: 'SimpleRNN',
    params: { units: 4, return_sequences: true },
    inputs: [[N, 3, 2]],
    shape: [N, 3, 4],
    count: 28,
  },

  // LSTM: four gates, each units·(features + units) + units.
  {
    what: 'LSTM(128) on 31 features: 4·(128·(31+128)+128) = 4·20,480 = 81,920',
    kind: 'LSTM',
    params: { units: 128 },
    inputs: [[N, 5, 31]],
    shape: [N, 128],
    count: 81920,
  },
  {
    what: 'Bidirectional LSTM(128), concat: 2·81,920 = 163,840, 2·128 = 256 features',
    kind: 'LSTM',
    params: { units: 128, bidirectional: true, merge_mode: 'concat' },
    inputs: [[N, 5, 31]],
    shape: [N, 256],
    count: 163840,
  },
  {
    what: 'Bidirectional LSTM(8), sum, return_sequences on (None, 4, 3): 2·4·(8·(3+8)+8) = 768',
    kind: 'LSTM',
    params: { units: 8, bidirectional: true, merge_mode: 'sum', return_sequences: true },
    inputs: [[N, 4, 3]],
    shape: [N, 4, 8],
    count: 768,
  },

  // GRU, reset_after=False: three gates, each units·(features + units) + units.
  {
    what: 'GRU(64) on 10 features: 3·(64·(10+64)+64) = 3·4,800 = 14,400',
    kind: 'GRU',
    params: { units: 64 },
    inputs: [[N, 5, 10]],
    shape: [N, 64],
    count: 14400,
  },
  {
    what: 'Bidirectional GRU(4), concat, return_sequences on (None, 3, 2): 2·3·(4·(2+4)+4) = 168',
    kind: 'GRU',
    params: { units: 4, bidirectional: true, return_sequences: true },
    inputs: [[N, 3, 2]],
    shape: [N, 3, 8],
    count: 168,
  },

  // Conv1D: kernel_size·channels·filters + filters; length (steps − kernel)/strides + 1, or ⌈steps/strides⌉ with "same".
  {
    what: 'Conv1D(16, 3) on (None, 10, 4): 3·4·16+16 = 208, 10−3+1 = 8 steps',
    kind: 'Conv1D',
    params: { filters: 16, kernel_size: 3 },
    inputs: [[N, 10, 4]],
    shape: [N, 8, 16],
    count: 208,
  },
  {
    what: 'Conv1D(8, 3, strides 2, same, no bias) on (None, 9, 2): 3·2·8 = 48, ⌈9/2⌉ = 5 steps',
    kind: 'Conv1D',
    params: { filters: 8, kernel_size: 3, strides: 2, padding: 'same', use_bias: false },
    inputs: [[N, 9, 2]],
    shape: [N, 5, 8],
    count: 48,
  },
  {
    what: 'Conv1D(4, 2) on (None, None, 3): 2·3·4+4 = 28, length unknown',
    kind: 'Conv1D',
    params: { filters: 4, kernel_size: 2 },
    inputs: [[N, N, 3]],
    shape: [N, N, 4],
    count: 28,
  },

  // Conv2D: height·width·channels·filters + filters.
  {
    what: 'Conv2D(32, 3×3) on (28, 28, 1): 3·3·1·32+32 = 320, 28−3+1 = 26',
    kind: 'Conv2D',
    params: { filters: 32, kernel_size: [3, 3] },
    inputs: [[N, 28, 28, 1]],
    shape: [N, 26, 26, 32],
    count: 320,
  },
  {
    what: 'Conv2D(8, 3×2, strides (2, 1), same) on (7, 5, 3): 3·2·3·8+8 = 152, (⌈7/2⌉, ⌈5/1⌉) = (4, 5)',
    kind: 'Conv2D',
    params: { filters: 8, kernel_size: [3, 2], strides: [2, 1], padding: 'same' },
    inputs: [[N, 7, 5, 3]],
    shape: [N, 4, 5, 8],
    count: 152,
  },
  {
    what: 'Conv2D(4, 3×3, strides 2) on (8, 7, 2): 3·3·2·4+4 = 76, (⌊5/2⌋+1, ⌊4/2⌋+1) = (3, 3)',
    kind: 'Conv2D',
    params: { filters: 4, strides: [2, 2] },
    inputs: [[N, 8, 7, 2]],
    shape: [N, 3, 3, 4],
    count: 76,
  },

  // Conv2DTranspose: the same weights as Conv2D; size·strides, plus max(kernel − strides, 0) with "valid".
  {
    what: 'Conv2DTranspose(16, 3×3, strides 2, same) on (7, 7, 8): 3·3·8·16+16 = 1,168, 7·2 = 14',
    kind: 'Conv2DTranspose',
    params: { filters: 16, strides: [2, 2], padding: 'same' },
    inputs: [[N, 7, 7, 8]],
    shape: [N, 14, 14, 16],
    count: 1168,
  },
  {
    what: 'Conv2DTranspose(3, 3×3, strides 2) on (4, 5, 2): 3·3·2·3+3 = 57, (4·2+1, 5·2+1) = (9, 11)',
    kind: 'Conv2DTranspose',
    params: { filters: 3, strides: [2, 2] },
    inputs: [[N, 4, 5, 2]],
    shape: [N, 9, 11, 3],
    count: 57,
  },
  {
    what: 'Conv2DTranspose(1, 2×2, strides 3, no bias) on (2, 2, 1): 2·2·1·1 = 4, 2·3+0 = 6',
    kind: 'Conv2DTranspose',
    params: { filters: 1, kernel_size: [2, 2], strides: [3, 3], use_bias: false },
    inputs: [[N, 2, 2, 1]],
    shape: [N, 6, 6, 1],
    count: 4,
  },

  // 1-D pooling: no weights; strides empty means pool_size.
  {
    what: 'MaxPooling1D(2) on (None, 10, 3): ⌊(10−2)/2⌋+1 = 5',
    kind: 'MaxPooling1D',
    inputs: [[N, 10, 3]],
    shape: [N, 5, 3],
    count: 0,
  },
  {
    what: 'MaxPooling1D(3), strides empty = 3, on (None, 10, 3): ⌊(10−3)/3⌋+1 = 3',
    kind: 'MaxPooling1D',
    params: { pool_size: 3 },
    inputs: [[N, 10, 3]],
    shape: [N, 3, 3],
    count: 0,
  },
  {
    what: 'MaxPooling1D(3, strides 1, same) on (None, 4, 2): ⌈4/1⌉ = 4',
    kind: 'MaxPooling1D',
    params: { pool_size: 3, strides: 1, padding: 'same' },
    inputs: [[N, 4, 2]],
    shape: [N, 4, 2],
    count: 0,
  },
  {
    what: 'AveragePooling1D(2, same) on (None, 5, 2): ⌈5/2⌉ = 3',
    kind: 'AveragePooling1D',
    params: { padding: 'same' },
    inputs: [[N, 5, 2]],
    shape: [N, 3, 2],
    count: 0,
  },
  {
    what: 'AveragePooling1D(2, strides 1) on (None, 6, 2): ⌊(6−2)/1⌋+1 = 5',
    kind: 'AveragePooling1D',
    params: { strides: 1 },
    inputs: [[N, 6, 2]],
    shape: [N, 5, 2],
    count: 0,
  },

  // 2-D pooling.
  {
    what: 'MaxPooling2D(2×2) on (26, 26, 32): 26/2 = 13',
    kind: 'MaxPooling2D',
    inputs: [[N, 26, 26, 32]],
    shape: [N, 13, 13, 32],
    count: 0,
  },
  {
    what: 'MaxPooling2D(3×3, strides 2) on (7, 8, 1): (⌊4/2⌋+1, ⌊5/2⌋+1) = (3, 3)',
    kind: 'MaxPooling2D',
    params: { pool_size: [3, 3], strides: [2, 2] },
    inputs: [[N, 7, 8, 1]],
    shape: [N, 3, 3, 1],
    count: 0,
  },
  {
    what: 'AveragePooling2D(2×2, same) on (5, 5, 2): ⌈5/2⌉ = 3',
    kind: 'AveragePooling2D',
    params: { padding: 'same' },
    inputs: [[N, 5, 5, 2]],
    shape: [N, 3, 3, 2],
    count: 0,
  },

  // Global pooling: one value per channel.
  {
    what: 'GlobalAveragePooling1D on (None, 6, 4) → (None, 4)',
    kind: 'GlobalAveragePooling1D',
    inputs: [[N, 6, 4]],
    shape: [N, 4],
    count: 0,
  },
  {
    what: 'GlobalMaxPooling1D on (None, None, 4) → (None, 4)',
    kind: 'GlobalMaxPooling1D',
    inputs: [[N, N, 4]],
    shape: [N, 4],
    count: 0,
  },
  {
    what: 'GlobalAveragePooling2D on (5, 5, 3) → (None, 3)',
    kind: 'GlobalAveragePooling2D',
    inputs: [[N, 5, 5, 3]],
    shape: [N, 3],
    count: 0,
  },
  {
    what: 'GlobalMaxPooling2D on (4, 6, 2) → (None, 2)',
    kind: 'GlobalMaxPooling2D',
    inputs: [[N, 4, 6, 2]],
    shape: [N, 2],
    count: 0,
  },

  // UpSampling2D: height·rows, width·columns.
  {
    what: 'UpSampling2D(2×2) on (3, 4, 2): (6, 8, 2)',
    kind: 'UpSampling2D',
    inputs: [[N, 3, 4, 2]],
    shape: [N, 6, 8, 2],
    count: 0,
  },
  {
    what: 'UpSampling2D(2×3, bilinear) on (2, 2, 1): (4, 6, 1)',
    kind: 'UpSampling2D',
    params: { size: [2, 3], interpolation: 'bilinear' },
    inputs: [[N, 2, 2, 1]],
    shape: [N, 4, 6, 1],
    count: 0,
  },

  // RepeatVector: (batch, features) → (batch, n, features).
  { what: 'RepeatVector(3) on (None, 5)', kind: 'RepeatVector', inputs: [[N, 5]], shape: [N, 3, 5], count: 0 },

  // Embedding: input_dim·output_dim.
  {
    what: 'Embedding(1000, 64) on (None, 10): 1000·64 = 64,000',
    kind: 'Embedding',
    inputs: [[N, 10]],
    shape: [N, 10, 64],
    count: 64000,
    dtype: 'int32',
  },
  {
    what: 'Embedding(50, 8, mask_zero) on (None, None): 50·8 = 400',
    kind: 'Embedding',
    params: { input_dim: 50, output_dim: 8, mask_zero: true },
    inputs: [[N, N]],
    shape: [N, N, 8],
    count: 400,
    dtype: 'int32',
  },

  // Flatten: the product of every axis but the batch.
  { what: 'Flatten on (3, 4, 2): 3·4·2 = 24', kind: 'Flatten', inputs: [[N, 3, 4, 2]], shape: [N, 24], count: 0 },
  { what: 'Flatten on (None, 5) leaves it as it is', kind: 'Flatten', inputs: [[N, 5]], shape: [N, 5], count: 0 },

  // Reshape: same number of values; one -1 is worked out.
  {
    what: 'Reshape (24,) → (2, 3, 4)',
    kind: 'Reshape',
    params: { target_shape: [2, 3, 4] },
    inputs: [[N, 24]],
    shape: [N, 2, 3, 4],
    count: 0,
  },
  {
    what: 'Reshape (4, 6) → (-1, 3): 24/3 = 8',
    kind: 'Reshape',
    params: { target_shape: [-1, 3] },
    inputs: [[N, 4, 6]],
    shape: [N, 8, 3],
    count: 0,
  },

  // Shape-keeping layers without weights.
  { what: 'Activation on (3, 4)', kind: 'Activation', inputs: [[N, 3, 4]], shape: [N, 3, 4], count: 0 },
  { what: 'Dropout(0.5) on (7,)', kind: 'Dropout', inputs: [[N, 7]], shape: [N, 7], count: 0 },

  // BatchNormalization: per feature gamma, beta, moving mean, moving variance.
  {
    what: 'BatchNormalization on (4, 6): 4·6 = 24',
    kind: 'BatchNormalization',
    inputs: [[N, 4, 6]],
    shape: [N, 4, 6],
    count: 24,
  },
  {
    what: 'BatchNormalization, no center (beta): 3·6 = 18',
    kind: 'BatchNormalization',
    params: { center: false },
    inputs: [[N, 4, 6]],
    shape: [N, 4, 6],
    count: 18,
  },
  {
    what: 'BatchNormalization, no center nor scale: 2·6 = 12 (moving statistics only)',
    kind: 'BatchNormalization',
    params: { center: false, scale: false },
    inputs: [[N, 6]],
    shape: [N, 6],
    count: 12,
  },

  // Merges.
  {
    what: 'Add of three (None, 4)',
    kind: 'Add',
    inputs: [
      [N, 4],
      [N, 4],
      [N, 4],
    ],
    shape: [N, 4],
    count: 0,
  },
  {
    what: 'Concatenate(-1) of (3, 4) and (3, 5): 4+5 = 9',
    kind: 'Concatenate',
    inputs: [
      [N, 3, 4],
      [N, 3, 5],
    ],
    shape: [N, 3, 9],
    count: 0,
  },
  {
    what: 'Concatenate(1) of (3, 4), (2, 4), (1, 4): 3+2+1 = 6',
    kind: 'Concatenate',
    params: { axis: 1 },
    inputs: [
      [N, 3, 4],
      [N, 2, 4],
      [N, 1, 4],
    ],
    shape: [N, 6, 4],
    count: 0,
  },
  {
    what: 'Concatenate(-2) of (3, 4) and (2, 4): -2 is axis 1, 3+2 = 5',
    kind: 'Concatenate',
    params: { axis: -2 },
    inputs: [
      [N, 3, 4],
      [N, 2, 4],
    ],
    shape: [N, 5, 4],
    count: 0,
  },
  {
    what: 'DepthwiseConv2D 3×3 on (6, 6, 3): 4 × 4 positions, 3·3·3 kernel + 3 biases = 30',
    kind: 'DepthwiseConv2D',
    inputs: [[N, 6, 6, 3]],
    shape: [N, 4, 4, 3],
    count: 30,
  },
  {
    what: 'DepthwiseConv2D same, stride 2, ×2 on (7, 6, 2): ⌈7/2⌉ × ⌈6/2⌉ = 4 × 3, 4 channels, 3·3·2·2 = 36',
    kind: 'DepthwiseConv2D',
    params: { strides: [2, 2], padding: 'same', depth_multiplier: 2, use_bias: false },
    inputs: [[N, 7, 6, 2]],
    shape: [N, 4, 3, 4],
    count: 36,
  },
  {
    what: 'LayerNormalization on (3, 8): gamma and beta for 8 features = 16',
    kind: 'LayerNormalization',
    inputs: [[N, 3, 8]],
    shape: [N, 3, 8],
    count: 16,
  },
  {
    what: 'LayerNormalization without beta on (6): 6',
    kind: 'LayerNormalization',
    params: { center: false },
    inputs: [[N, 6]],
    shape: [N, 6],
    count: 6,
  },
  { what: 'Permute (2, 1) on (3, 8): (8, 3)', kind: 'Permute', inputs: [[N, 3, 8]], shape: [N, 8, 3], count: 0 },
  {
    what: 'Permute (3, 1, 2) on (4, 5, 2): (2, 4, 5)',
    kind: 'Permute',
    params: { dims: [3, 1, 2] },
    inputs: [[N, 4, 5, 2]],
    shape: [N, 2, 4, 5],
    count: 0,
  },
  {
    what: 'SpatialDropout1D on (3, 8): same shape, nothing learned',
    kind: 'SpatialDropout1D',
    inputs: [[N, 3, 8]],
    shape: [N, 3, 8],
    count: 0,
  },
  {
    what: 'SeparableConv2D 4, 3×3 on (6, 6, 3): 3·3·3 + 3·4 + 4 = 43',
    kind: 'SeparableConv2D',
    params: { filters: 4 },
    inputs: [[N, 6, 6, 3]],
    shape: [N, 4, 4, 4],
    count: 43,
  },
  {
    what: 'SeparableConv2D 3 same, stride 2, ×2 on (7, 6, 2), no bias: 3·3·2·2 + 4·3 = 48',
    kind: 'SeparableConv2D',
    params: { filters: 3, strides: [2, 2], padding: 'same', depth_multiplier: 2, use_bias: false },
    inputs: [[N, 7, 6, 2]],
    shape: [N, 4, 3, 3],
    count: 48,
  },
  {
    what: 'PReLU on (3, 4): an alpha for each of 12 values',
    kind: 'PReLU',
    inputs: [[N, 3, 4]],
    shape: [N, 3, 4],
    count: 12,
  },
  {
    what: 'ReLU on (3, 8): same shape, nothing learned',
    kind: 'ReLU',
    inputs: [[N, 3, 8]],
    shape: [N, 3, 8],
    count: 0,
  },
  {
    what: 'ReLU6 on (4, 4, 3)',
    kind: 'ReLU',
    params: { max_value: 6 },
    inputs: [[N, 4, 4, 3]],
    shape: [N, 4, 4, 3],
    count: 0,
  },
  { what: 'LeakyReLU on (3, 8)', kind: 'LeakyReLU', inputs: [[N, 3, 8]], shape: [N, 3, 8], count: 0 },
  { what: 'ELU on (6)', kind: 'ELU', inputs: [[N, 6]], shape: [N, 6], count: 0 },
  { what: 'Softmax on (3, 8)', kind: 'Softmax', inputs: [[N, 3, 8]], shape: [N, 3, 8], count: 0 },
  {
    what: 'ZeroPadding2D 1 on (4, 4, 3): 1+4+1 = 6 each way',
    kind: 'ZeroPadding2D',
    inputs: [[N, 4, 4, 3]],
    shape: [N, 6, 6, 3],
    count: 0,
  },
  {
    what: 'ZeroPadding2D ((0, 1), (0, 1)) on (5, 5, 2), as MobileNet pads: 6 × 6',
    kind: 'ZeroPadding2D',
    params: { padding: [0, 1, 0, 1] },
    inputs: [[N, 5, 5, 2]],
    shape: [N, 6, 6, 2],
    count: 0,
  },
  {
    what: 'Cropping2D ((2, 0), (1, 3)) on (6, 5, 2): 6−2 = 4 rows, 5−1−3 = 1 column',
    kind: 'Cropping2D',
    params: { cropping: [2, 0, 1, 3] },
    inputs: [[N, 6, 5, 2]],
    shape: [N, 4, 1, 2],
    count: 0,
  },
  ...(['Multiply', 'Average', 'Maximum', 'Minimum'] as const).map((kind) => ({
    what: `${kind} of two (3, 4)`,
    kind,
    inputs: [
      [N, 3, 4],
      [N, 3, 4],
    ],
    shape: [N, 3, 4],
    count: 0,
  })),
  {
    what: 'Concatenate(1) of (None, 4) and (3, 4): None+3 = None',
    kind: 'Concatenate',
    params: { axis: 1 },
    inputs: [
      [N, N, 4],
      [N, 3, 4],
    ],
    shape: [N, N, 4],
    count: 0,
  },
];

describe('shape and parameter count, by hand and by tf.js', () => {
  it('covers every layer kind', () => {
    const covered = new Set(cases.map((entry) => entry.kind));
    expect(layerKinds.filter((kind) => !covered.has(kind))).toEqual([]);
  });

  it.each(cases.map((entry) => [`${entry.kind}: ${entry.what}`, entry] as const))('%s', (_title, entry) => {
    const def = layerDef(entry.kind);
    const params = paramsOf(entry.kind, entry.params);

    // Keras' figures, worked out by hand.
    const result = def.inferShape(entry.inputs, params);
    expect(result).toEqual({ ok: true, shape: entry.shape });
    expect(def.countParams(entry.inputs, params)).toBe(entry.count);

    // tf.js' figures.
    const tensorsBefore = tf.memory().numTensors;
    const layer = def.build(params, context(entry.inputs));
    expect(layer.name).toBe('layer_under_test');
    if (entry.kind === 'Input') {
      expect((layer.output as tf.SymbolicTensor).shape).toEqual(entry.shape);
      expect(layer.countParams()).toBe(0);
      return;
    }
    const dtype = entry.dtype ?? 'float32';
    const symbolic = entry.inputs.map((shape) => tf.input({ shape: shape.slice(1), dtype }));
    const output = layer.apply(single(symbolic)) as tf.SymbolicTensor;
    expect(output.shape).toEqual(entry.shape);
    expect(layer.countParams()).toBe(entry.count);

    // And on numbers: a batch of 2, unknown sizes set to 3.
    const expected = [2, ...sampleShape(entry.shape)];
    const batch = entry.inputs.map((shape) => tf.zeros([2, ...sampleShape(shape)], dtype));
    const values = layer.apply(single(batch)) as tf.Tensor;
    if (known(entry.shape.slice(1))) expect(values.shape).toEqual(expected);
    else expect(values.shape.length).toBe(expected.length);
    tf.dispose([...batch, values]);
    layer.dispose();
    // tf.js' LSTM leaks the 4 pieces it concatenates into a unit_forget_bias bias, per direction.
    const leaked = entry.kind === 'LSTM' && params.unit_forget_bias === true ? 4 * (params.bidirectional ? 2 : 1) : 0;
    expect(tf.memory().numTensors).toBe(tensorsBefore + leaked);
  });

  it("adds up the lesson's network, Input (3, 8) → SimpleRNN(50) → Dense(8): 2,950 + 408 = 3,358", () => {
    const inputShape: Shape = [N, 3, 8];
    const inputLayer = layerDef('Input').build(paramsOf('Input', { shape: [3, 8] }), context([], 1, 'input'));
    const rnnParams = paramsOf('SimpleRNN', { units: 50 });
    const rnn = layerDef('SimpleRNN').build(rnnParams, context([inputShape], 1, 'simple_rnn'));
    const dense = layerDef('Dense').build(paramsOf('Dense', { units: 8 }), context([[N, 50]], 10, 'dense'));
    const x = inputLayer.output as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: dense.apply(rnn.apply(x)) as tf.SymbolicTensor });
    expect(model.countParams()).toBe(2950 + 408);
    expect(model.outputs[0]?.shape).toEqual([N, 8]);
    model.dispose();
  });
});

describe('builds', () => {
  function weightsOf(layer: tf.layers.Layer): number[][] {
    return layer.getWeights().map((weight) => Array.from(weight.dataSync()));
  }

  it('repeat with the same seeds and differ with others', () => {
    const params = paramsOf('Conv1D', { filters: 2, kernel_size: 2 });
    const build = (seed: number) => {
      const layer = layerDef('Conv1D').build(params, context([[N, 4, 3]], seed));
      layer.apply(tf.input({ shape: [4, 3] }));
      const weights = weightsOf(layer);
      layer.dispose();
      return weights;
    };
    expect(build(7)).toEqual(build(7));
    expect(build(7)).not.toEqual(build(8));
  });

  it("draws embeddings from Keras' default uniform(-0.05, 0.05)", () => {
    const params = paramsOf('Embedding', { input_dim: 20, output_dim: 5 });
    const layer = layerDef('Embedding').build(params, context([[N, 4]]));
    layer.apply(tf.input({ shape: [4], dtype: 'int32' }));
    const [values = []] = weightsOf(layer);
    expect(values).toHaveLength(100);
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(0.05);
    expect(new Set(values).size).toBeGreaterThan(1);
    layer.dispose();
  });

  it('gives the two directions of a Bidirectional layer different kernels', () => {
    const params = paramsOf('LSTM', { units: 3, bidirectional: true });
    const layer = layerDef('LSTM').build(params, context([[N, 2, 2]]));
    layer.apply(tf.input({ shape: [2, 2] }));
    // forward kernel, recurrent kernel, bias, then the same for backward.
    const [forwardKernel, , , backwardKernel] = weightsOf(layer);
    expect(forwardKernel).toHaveLength(2 * 4 * 3);
    expect(backwardKernel).not.toEqual(forwardKernel);
    layer.dispose();
  });

  it('hands tf.js the size Reshape works out, so a Flatten can follow', () => {
    const input = tf.input({ shape: [4, 6] });
    const params = paramsOf('Reshape', { target_shape: [-1, 3] });
    const reshaped = layerDef('Reshape')
      .build(params, context([[N, 4, 6]], 1, 'reshape'))
      .apply(input);
    const flat = layerDef('Flatten')
      .build({}, context([[N, 8, 3]], 1, 'flatten'))
      .apply(reshaped);
    expect((flat as tf.SymbolicTensor).shape).toEqual([N, 24]);
  });

  it('joins along the axis asked for, counted from the end, when tf.js runs it', () => {
    const shapes: Shape[] = [
      [N, 2, 3, 1],
      [N, 2, 3, 1],
    ];
    const layer = layerDef('Concatenate').build(paramsOf('Concatenate', { axis: -3 }), context(shapes));
    const joined = tf.tidy(() => {
      const output = layer.apply([tf.zeros([1, 2, 3, 1]), tf.ones([1, 2, 3, 1])]) as tf.Tensor;
      return output.shape;
    });
    expect(joined).toEqual([1, 4, 3, 1]);
  });

  it('seeds Dropout and passes pooling strides as pool_size when left empty', () => {
    const dropout = layerDef('Dropout').build(paramsOf('Dropout', { rate: 0.25 }), context([[N, 3]], 42));
    expect(dropout.getConfig()).toMatchObject({ rate: 0.25, seed: 42 });
    const pooling = layerDef('MaxPooling1D').build(paramsOf('MaxPooling1D', { pool_size: 3 }), context([[N, 9, 2]]));
    expect(pooling.getConfig()).toMatchObject({ poolSize: [3], strides: [3], padding: 'valid' });
  });
});

/** A refusal with this code, whose values fill in every message in every language. */
function expectIssue(result: ShapeResult, code: ProblemCode): LayerIssue {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.issue.code).toBe(code);
  for (const language of languages) {
    expect(describeProblem({ code, values: result.issue.values ?? {} }, language)).not.toContain('?');
  }
  return result.issue;
}

const paddingSame = { kind: 'set-param', param: 'padding', value: 'same' };

describe('refusals', () => {
  describe('wrong rank', () => {
    it.each([
      ['Conv1D', [N, 10], expects.sequence, hints.toSequence],
      ['MaxPooling1D', [N, 3, 2, 1], expects.sequence, hints.toSequence],
      ['AveragePooling1D', [N, 8], expects.sequence, hints.toSequence],
      ['GlobalAveragePooling1D', [N, 8], expects.sequence, hints.toSequence],
      ['GlobalMaxPooling1D', [N, 4, 4, 1], expects.sequence, hints.toSequence],
      ['Conv2D', [N, 28, 28], expects.image, hints.toImage],
      ['Conv2DTranspose', [N, 8, 8], expects.image, hints.toImage],
      ['MaxPooling2D', [N, 8], expects.image, hints.toImage],
      ['AveragePooling2D', [N, 8, 8], expects.image, hints.toImage],
      ['GlobalAveragePooling2D', [N, 4, 4], expects.image, hints.toImage],
      ['GlobalMaxPooling2D', [N, 4], expects.image, hints.toImage],
      ['UpSampling2D', [N, 5, 5], expects.image, hints.toImage],
      ['RepeatVector', [N, 3, 4], expects.vector, hints.toVector],
      ['Embedding', [N, 10, 1], expects.tokens, hints.toTokens],
      // No layer outputs the batch axis alone; refused all the same.
      ['Flatten', [N], expects.atLeastVector, hints.none],
      ['BatchNormalization', [N], expects.atLeastVector, hints.none],
    ] as const)('%s on %j', (kind, input, expected, hint) => {
      const issue = expectIssue(infer(kind, [input]), 'shape.wrong-rank');
      expect(issue.values).toMatchObject({
        kind,
        expectedEn: expected.en,
        expectedEs: expected.es,
        hintEn: hint.en,
        hintEs: hint.es,
      });
    });

    it('offers a Flatten before RepeatVector when the input has more axes than a vector', () => {
      const issue = expectIssue(infer('RepeatVector', [[N, 3, 4]]), 'shape.wrong-rank');
      expect(issue.fix).toEqual({ kind: 'insert-before', layerKind: 'Flatten' });
      expect(issue.values?.shape).toBe('(None, 3, 4)');
    });
  });

  describe('windows that do not fit', () => {
    it('Conv1D kernel 5 on 3 steps: 3−5+1 = −1 positions; padding "same" fixes it', () => {
      const issue = expectIssue(infer('Conv1D', [[N, 3, 2]], { kernel_size: 5 }), 'shape.window-too-big');
      expect(issue).toMatchObject({ param: 'kernel_size', fix: paddingSame });
      expect(issue.values).toMatchObject({ param: 'kernel_size', window: '5', shape: '(None, 3, 2)', size: -1 });
      expect(infer('Conv1D', [[N, 3, 2]], { kernel_size: 5, padding: 'same' })).toEqual({
        ok: true,
        shape: [N, 3, 32],
      });
    });

    it('Conv1D kernel 3, strides 2 on 2 steps: ⌊(2−3)/2⌋+1 = 0 positions, reported, never returned', () => {
      const issue = expectIssue(infer('Conv1D', [[N, 2, 1]], { strides: 2 }), 'shape.window-too-big');
      expect(issue.values?.size).toBe(0);
    });

    it('Conv2D 3×3 on (4, 2): the second axis is too narrow', () => {
      const issue = expectIssue(infer('Conv2D', [[N, 4, 2, 1]]), 'shape.window-too-big');
      expect(issue.fix).toEqual(paddingSame);
      expect(issue.values).toMatchObject({ window: '(3, 3)', size: 0, axisEn: 'the second axis' });
    });

    it('MaxPooling1D 4 on 3 steps, and AveragePooling1D with strides', () => {
      const max = expectIssue(infer('MaxPooling1D', [[N, 3, 2]], { pool_size: 4 }), 'shape.window-too-big');
      expect(max).toMatchObject({ param: 'pool_size', fix: paddingSame });
      expect(max.values).toMatchObject({ param: 'pool_size', size: 0 });
      const average = infer('AveragePooling1D', [[N, 3, 2]], { pool_size: 5, strides: 1 });
      expect(expectIssue(average, 'shape.window-too-big').values?.size).toBe(-1);
    });

    it('MaxPooling2D 2×2 on a single row, and AveragePooling2D 3×3 on (2, 2)', () => {
      const max = expectIssue(infer('MaxPooling2D', [[N, 1, 5, 2]]), 'shape.window-too-big');
      expect(max.values).toMatchObject({ axisEn: 'the first axis', size: 0 });
      expect(max.fix).toEqual(paddingSame);
      const average = infer('AveragePooling2D', [[N, 2, 2, 1]], { pool_size: [3, 3], strides: [1, 1] });
      expect(expectIssue(average, 'shape.window-too-big').fix).toEqual(paddingSame);
    });
  });

  describe('unknown sizes', () => {
    it.each([
      ['Conv1D', [N, 10, N]],
      ['Conv2D', [N, 4, 4, N]],
      ['Conv2DTranspose', [N, 4, 4, N]],
      ['BatchNormalization', [N, 3, N]],
      ['Flatten', [N, N, 4]],
      ['Reshape', [N, N, 4]],
    ] as const)('%s on %j', (kind, input) => {
      const issue = expectIssue(infer(kind, [input]), 'shape.unknown-dimension');
      expect(issue.values?.kind).toBe(kind);
    });
  });

  describe('Reshape sizes', () => {
    it('(24,) into (5,): 24 ≠ 5', () => {
      const issue = expectIssue(infer('Reshape', [[N, 24]], { target_shape: [5] }), 'shape.reshape-size');
      expect(issue.param).toBe('target_shape');
      expect(issue.values).toEqual({ shape: '(None, 24)', from: 24, target: '(5,)', to: 5 });
    });

    it('(4, 6) into (5, 5): 24 ≠ 25', () => {
      const issue = expectIssue(infer('Reshape', [[N, 4, 6]], { target_shape: [5, 5] }), 'shape.reshape-size');
      expect(issue.values).toMatchObject({ from: 24, to: 25 });
    });

    it('(24,) into (5, -1): 24 is not a multiple of 5', () => {
      const issue = expectIssue(infer('Reshape', [[N, 24]], { target_shape: [5, -1] }), 'shape.reshape-divide');
      expect(issue.param).toBe('target_shape');
      expect(issue.values).toEqual({ shape: '(None, 24)', from: 24, target: '(5, -1)', known: 5 });
    });
  });

  describe('merges', () => {
    it('Add of (None, 4) and (None, 5)', () => {
      const issue = expectIssue(
        infer('Add', [
          [N, 4],
          [N, 5],
        ]),
        'shape.merge-mismatch',
      );
      expect(issue.values).toEqual({ kind: 'Add', shapes: '(None, 4) + (None, 5)' });
    });

    it('Add of different ranks', () => {
      const shapes: Shape[] = [
        [N, 4],
        [N, 4],
        [N, 4, 1],
      ];
      const issue = expectIssue(infer('Add', shapes), 'shape.merge-mismatch');
      expect(issue.values?.shapes).toBe('(None, 4) + (None, 4) + (None, 4, 1)');
    });

    it.each([
      [3, 3],
      [-3, 3],
      [2, 2],
      [-4, 3],
    ])('Concatenate axis %i on rank %i: out of range, -1 fixes it', (axis, rank) => {
      const shape: Shape = [N, 2, 3].slice(0, rank);
      const issue = expectIssue(infer('Concatenate', [shape, shape], { axis }), 'shape.axis-out-of-range');
      expect(issue).toMatchObject({ param: 'axis', fix: { kind: 'set-param', param: 'axis', value: -1 } });
      expect(issue.values).toEqual({ axis, shape: rank === 3 ? '(None, 2, 3)' : '(None, 2)', max: rank - 1 });
    });

    it('Concatenate with other axes that differ', () => {
      const shapes: Shape[] = [
        [N, 3, 4],
        [N, 2, 5],
      ];
      const issue = expectIssue(infer('Concatenate', shapes), 'shape.concat-mismatch');
      expect(issue.values).toEqual({ axis: -1, shapes: '(None, 3, 4) + (None, 2, 5)' });
      expect(infer('Concatenate', shapes, { axis: 1 }).ok).toBe(false);
    });

    it('Concatenate of different ranks', () => {
      const shapes: Shape[] = [
        [N, 3],
        [N, 3, 4],
      ];
      expectIssue(infer('Concatenate', shapes), 'shape.concat-mismatch');
    });
  });
});
