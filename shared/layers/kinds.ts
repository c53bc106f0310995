/**
 * Every layer kind LayerLab knows, one line each, in the palette's order: adding a kind is its
 * file and its line here. Everything else about the kinds (registry.ts, and through it the palette,
 * inspector, checks, compiler, exports and import) is derived from this table.
 */
import { activation } from './activation.js';
import { add } from './add.js';
import { averagePooling1d } from './average-pooling1d.js';
import { averagePooling2d } from './average-pooling2d.js';
import { average } from './average.js';
import { batchNormalization } from './batch-normalization.js';
import { concatenate } from './concatenate.js';
import { conv1d } from './conv1d.js';
import { conv2dTranspose } from './conv2d-transpose.js';
import { conv2d } from './conv2d.js';
import { cropping2d } from './cropping2d.js';
import { dense } from './dense.js';
import { depthwiseConv2d } from './depthwise-conv2d.js';
import { dropout } from './dropout.js';
import { elu } from './elu.js';
import { embedding } from './embedding.js';
import { flatten } from './flatten.js';
import { globalAveragePooling1d } from './global-average-pooling1d.js';
import { globalAveragePooling2d } from './global-average-pooling2d.js';
import { globalMaxPooling1d } from './global-max-pooling1d.js';
import { globalMaxPooling2d } from './global-max-pooling2d.js';
import { gru } from './gru.js';
import { input } from './input.js';
import { layerNormalization } from './layer-normalization.js';
import { leakyRelu } from './leaky-re-lu.js';
import { lstm } from './lstm.js';
import { maxPooling1d } from './max-pooling1d.js';
import { maxPooling2d } from './max-pooling2d.js';
import { maximum } from './maximum.js';
import { minimum } from './minimum.js';
import { multiply } from './multiply.js';
import { pReLu } from './p-re-lu.js';
import { permute } from './permute.js';
import { reLu } from './re-lu.js';
import { repeatVector } from './repeat-vector.js';
import { reshape } from './reshape.js';
import { separableConv2d } from './separable-conv2d.js';
import { simpleRnn } from './simple-rnn.js';
import { softmax } from './softmax.js';
import { spatialDropout1d } from './spatial-dropout1d.js';
import { upSampling2d } from './up-sampling2d.js';
import { zeroPadding2d } from './zero-padding2d.js';
import type { LayerDef } from './types.js';

export const layerRegistry = {
  Input: input,
  Dense: dense,
  Flatten: flatten,
  Embedding: embedding,
  Reshape: reshape,
  Permute: permute,
  Activation: activation,
  ReLU: reLu,
  LeakyReLU: leakyRelu,
  PReLU: pReLu,
  ELU: elu,
  Softmax: softmax,
  RepeatVector: repeatVector,
  SimpleRNN: simpleRnn,
  LSTM: lstm,
  GRU: gru,
  Conv1D: conv1d,
  Conv2D: conv2d,
  Conv2DTranspose: conv2dTranspose,
  DepthwiseConv2D: depthwiseConv2d,
  SeparableConv2D: separableConv2d,
  MaxPooling1D: maxPooling1d,
  MaxPooling2D: maxPooling2d,
  AveragePooling1D: averagePooling1d,
  AveragePooling2D: averagePooling2d,
  GlobalAveragePooling1D: globalAveragePooling1d,
  GlobalAveragePooling2D: globalAveragePooling2d,
  GlobalMaxPooling1D: globalMaxPooling1d,
  GlobalMaxPooling2D: globalMaxPooling2d,
  UpSampling2D: upSampling2d,
  ZeroPadding2D: zeroPadding2d,
  Cropping2D: cropping2d,
  Concatenate: concatenate,
  Add: add,
  Multiply: multiply,
  Average: average,
  Maximum: maximum,
  Minimum: minimum,
  Dropout: dropout,
  SpatialDropout1D: spatialDropout1d,
  BatchNormalization: batchNormalization,
  LayerNormalization: layerNormalization,
} as const satisfies Record<string, LayerDef>;
