/**
 * One small valid network per layer kind, and per variant whose code differs (Bidirectional merge
 * modes, "same" padding with strides, transposed windows smaller than the stride…), for the
 * code generators' tests: the probed layer is always the one named `probe`.
 */
import type { Graph } from '../../shared/graph/types';
import type { LayerKind, ParamsOf } from '../../shared/layers/registry';
import { chain, layer, wire } from './graphs';

export interface Probe {
  label: string;
  kind: LayerKind;
  graph: Graph;
}

function single<K extends LayerKind>(
  label: string,
  kind: K,
  shape: number[],
  params: Partial<ParamsOf<K>> = {},
  dtype: 'float32' | 'int32' = 'float32',
): Probe {
  return { label, kind, graph: chain(layer('Input', 'input', { shape, dtype }), layer(kind, 'probe', params)) };
}

function merge(label: string, kind: 'Add' | 'Concatenate', params: Partial<ParamsOf<'Concatenate'>> = {}): Probe {
  const graph: Graph = {
    nodes: [
      layer('Input', 'input', { shape: [3, 8] }),
      layer('Dense', 'left', { units: 4 }),
      layer('Dense', 'right', { units: 4 }),
      layer(kind, 'probe', params),
    ],
    wires: [wire('input', 'left'), wire('input', 'right'), wire('left', 'probe'), wire('right', 'probe')],
  };
  return { label, kind, graph };
}

export const layerProbes: Probe[] = [
  {
    label: 'Input',
    kind: 'Input',
    graph: chain(layer('Input', 'probe', { shape: [3, 8] }), layer('Dense', 'dense', { units: 2 })),
  },
  single('Dense', 'Dense', [8], { units: 4, activation: 'relu' }),
  single('Dense on a sequence, orthogonal kernel', 'Dense', [3, 8], { units: 5, kernel_initializer: 'orthogonal' }),
  single('Flatten of a sequence', 'Flatten', [3, 8]),
  single('Flatten of a vector', 'Flatten', [8]),
  single('Flatten of an image', 'Flatten', [4, 5, 3]),
  single('Embedding', 'Embedding', [6], { input_dim: 20, output_dim: 4 }, 'int32'),
  single('Reshape with -1', 'Reshape', [3, 8], { target_shape: [-1, 4] }),
  single('Activation', 'Activation', [3, 8], { activation: 'gelu' }),
  single('RepeatVector', 'RepeatVector', [8], { n: 4 }),
  single('SimpleRNN', 'SimpleRNN', [3, 8], { units: 6 }),
  single('SimpleRNN relu, every step', 'SimpleRNN', [3, 8], { units: 6, activation: 'relu', return_sequences: true }),
  single('SimpleRNN bidirectional, sum', 'SimpleRNN', [3, 8], { units: 6, bidirectional: true, merge_mode: 'sum' }),
  single('LSTM', 'LSTM', [3, 8], { units: 5 }),
  single('LSTM bidirectional, every step', 'LSTM', [3, 8], { units: 5, bidirectional: true, return_sequences: true }),
  single('LSTM bidirectional, mul, no bias', 'LSTM', [3, 8], {
    units: 5,
    bidirectional: true,
    merge_mode: 'mul',
    use_bias: false,
  }),
  single('GRU', 'GRU', [3, 8], { units: 4 }),
  single('GRU bidirectional, ave, every step', 'GRU', [3, 8], {
    units: 4,
    bidirectional: true,
    merge_mode: 'ave',
    return_sequences: true,
  }),
  single('Conv1D', 'Conv1D', [10, 3], { filters: 4, kernel_size: 3 }),
  single('Conv1D same, stride 2', 'Conv1D', [9, 3], { filters: 4, kernel_size: 4, strides: 2, padding: 'same' }),
  single('Conv2D', 'Conv2D', [6, 6, 2], { filters: 3, kernel_size: [3, 3], activation: 'relu' }),
  single('Conv2D same, stride 2', 'Conv2D', [7, 6, 2], {
    filters: 3,
    kernel_size: [3, 2],
    strides: [2, 2],
    padding: 'same',
  }),
  single('Conv2D same, stride 1, even window', 'Conv2D', [5, 5, 2], {
    filters: 3,
    kernel_size: [2, 2],
    padding: 'same',
  }),
  single('Conv2DTranspose same, stride 2', 'Conv2DTranspose', [3, 4, 2], {
    filters: 3,
    kernel_size: [3, 3],
    strides: [2, 2],
    padding: 'same',
  }),
  single('Conv2DTranspose valid, window under the stride', 'Conv2DTranspose', [3, 3, 2], {
    filters: 2,
    kernel_size: [1, 2],
    strides: [3, 2],
  }),
  single('MaxPooling1D', 'MaxPooling1D', [8, 3]),
  single('MaxPooling1D same, odd length', 'MaxPooling1D', [7, 3], { pool_size: 3, strides: 2, padding: 'same' }),
  single('MaxPooling2D', 'MaxPooling2D', [6, 6, 2]),
  single('MaxPooling2D same, uneven', 'MaxPooling2D', [5, 4, 2], {
    pool_size: [3, 3],
    strides: [2, 2],
    padding: 'same',
  }),
  single('AveragePooling1D', 'AveragePooling1D', [8, 3], { pool_size: 2, strides: 1 }),
  single('AveragePooling1D same', 'AveragePooling1D', [7, 3], { pool_size: 3, strides: 1, padding: 'same' }),
  single('AveragePooling2D', 'AveragePooling2D', [6, 6, 2]),
  single('GlobalAveragePooling1D', 'GlobalAveragePooling1D', [5, 3]),
  single('GlobalAveragePooling2D', 'GlobalAveragePooling2D', [4, 4, 3]),
  single('GlobalMaxPooling1D', 'GlobalMaxPooling1D', [5, 3]),
  single('GlobalMaxPooling2D', 'GlobalMaxPooling2D', [4, 4, 3]),
  single('UpSampling2D', 'UpSampling2D', [3, 3, 2]),
  single('UpSampling2D bilinear', 'UpSampling2D', [3, 3, 2], { size: [2, 3], interpolation: 'bilinear' }),
  merge('Concatenate', 'Concatenate'),
  merge('Concatenate on the time axis', 'Concatenate', { axis: 1 }),
  merge('Add', 'Add'),
  single('Dropout', 'Dropout', [8], { rate: 0.25 }),
  single('BatchNormalization', 'BatchNormalization', [8]),
  single('BatchNormalization of an image, no scale', 'BatchNormalization', [4, 4, 3], { scale: false, momentum: 0.9 }),
];
