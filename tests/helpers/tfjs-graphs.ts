/**
 * Graphs the tf.js model tests share: one branched (Concatenate, a Bidirectional LSTM, a GRU, a
 * residual Add) and one with every other layer kind that holds weights. Test support only.
 */
import { chain, layer, wire } from './graphs';
import type { Graph } from '../../shared/graph/types';
import { initializers } from '../../shared/layers/common';

/** Two branches of a sequence joined, with a residual connection and BatchNormalization. */
export function branchedGraph(): Graph {
  return {
    nodes: [
      layer('Input', 'tokens', { shape: [6, 4] }),
      layer('LSTM', 'both_ways', { units: 5, bidirectional: true, return_sequences: true }),
      layer('GRU', 'gru', { units: 3, return_sequences: true }),
      layer('Conv1D', 'conv', { filters: 3, kernel_size: 2, padding: 'same', activation: 'relu' }),
      layer('Add', 'residual'),
      layer('Flatten', 'flat_gru'),
      layer('Flatten', 'flat_lstm'),
      layer('Concatenate', 'joined'),
      layer('Dense', 'hidden', { units: 7, activation: 'tanh' }),
      layer('BatchNormalization', 'norm'),
      layer('Dense', 'out', { units: 2, activation: 'softmax' }),
    ],
    wires: [
      wire('tokens', 'both_ways'),
      wire('both_ways', 'gru'),
      wire('tokens', 'conv'),
      wire('gru', 'residual'),
      wire('conv', 'residual'),
      wire('residual', 'flat_gru'),
      wire('both_ways', 'flat_lstm'),
      wire('flat_gru', 'joined'),
      wire('flat_lstm', 'joined'),
      wire('joined', 'hidden'),
      wire('hidden', 'norm'),
      wire('norm', 'out'),
    ],
  };
}

/** An image network: convolutions both ways, pooling, up-sampling, dropout and BatchNormalization. */
export function imageGraph(): Graph {
  return chain(
    layer('Input', 'image', { shape: [8, 8, 2] }),
    layer('Conv2D', 'conv', { filters: 4, kernel_size: [3, 2], padding: 'same', activation: 'relu' }),
    layer('BatchNormalization', 'norm', { center: false }),
    layer('MaxPooling2D', 'pool'),
    layer('Conv2DTranspose', 'grow', { filters: 3, kernel_size: [2, 2], strides: [2, 2], use_bias: false }),
    layer('AveragePooling2D', 'shrink', { pool_size: [2, 2], strides: [2, 2] }),
    layer('UpSampling2D', 'up', { size: [2, 1] }),
    layer('GlobalAveragePooling2D', 'global'),
    layer('Dropout', 'drop', { rate: 0.25 }),
    layer('RepeatVector', 'repeat', { n: 4 }),
    layer('SimpleRNN', 'rnn', { units: 3, bidirectional: true, merge_mode: 'sum', return_sequences: true }),
    layer('MaxPooling1D', 'pool_time', { pool_size: 2 }),
    layer('AveragePooling1D', 'average_time', { pool_size: 2, strides: 1, padding: 'same' }),
    layer('GlobalMaxPooling1D', 'global_time'),
    layer('Reshape', 'reshape', { target_shape: [3, 1] }),
    layer('Flatten', 'flat'),
    layer('Activation', 'act', { activation: 'sigmoid' }),
    layer('Dense', 'out', { units: 2, kernel_initializer: 'he_normal' }),
  );
}

/** Token indices through an Embedding into a GRU. */
export function embeddingGraph(): Graph {
  return chain(
    layer('Input', 'ids', { shape: [5], dtype: 'int32' }),
    layer('Embedding', 'embed', { input_dim: 12, output_dim: 4 }),
    layer('GRU', 'gru', { units: 3, kernel_initializer: 'orthogonal' }),
    layer('Dense', 'out', { units: 1, kernel_initializer: 'lecun_uniform' }),
  );
}

/** One Dense layer per kernel initialiser LayerLab has, each saved and read back by name. */
export function initializerGraph(): Graph {
  return chain(
    layer('Input', 'input', { shape: [3] }),
    ...initializers.map((name) => layer('Dense', `dense_${name}`, { units: 3, kernel_initializer: name })),
  );
}
