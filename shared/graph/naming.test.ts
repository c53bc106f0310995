import { describe, expect, it } from 'vitest';
import { layerNamePattern, nextLayerName } from './naming.js';

describe('nextLayerName', () => {
  it('uses the bare prefix first', () => {
    expect(nextLayerName('Dense', [])).toBe('dense');
  });

  it('numbers from 1 once the prefix is taken', () => {
    expect(nextLayerName('Dense', ['dense'])).toBe('dense_1');
    expect(nextLayerName('Dense', ['dense', 'dense_1'])).toBe('dense_2');
  });

  it('skips every taken name and fills the first gap', () => {
    expect(nextLayerName('Dense', ['dense', 'dense_1', 'dense_2', 'dense_4'])).toBe('dense_3');
    expect(nextLayerName('Dense', ['dense_1'])).toBe('dense');
  });

  it("ignores other kinds' names", () => {
    expect(nextLayerName('Dense', ['lstm', 'dense_layer', 'dense1'])).toBe('dense');
  });

  it('uses the Keras snake_case prefix of each kind', () => {
    expect(nextLayerName('SimpleRNN', ['simple_rnn'])).toBe('simple_rnn_1');
    expect(nextLayerName('MaxPooling2D', [])).toBe('max_pooling2d');
    expect(nextLayerName('Conv2DTranspose', [])).toBe('conv2d_transpose');
  });

  it('accepts any iterable of taken names', () => {
    expect(nextLayerName('GRU', new Set(['gru', 'gru_1']))).toBe('gru_2');
  });

  it('gives names that match the layer name pattern', () => {
    expect(nextLayerName('BatchNormalization', ['batch_normalization'])).toMatch(layerNamePattern);
  });
});
