import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerNamePattern, nextLayerName, suggestLayerName } from './naming.js';

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

describe('the layer name rule', () => {
  // tfjs-layers' own test of a name (common.ts, isValidTensorName), which throws "Not a valid
  // tensor name" when a layer is built under any other name.
  const tfjsRule = /^[A-Za-z0-9][-A-Za-z0-9._/]*$/;

  it('is tf.js\' rule, less the "/" Keras refuses, up to 64 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (name) => {
        const expected = tfjsRule.test(name) && !name.includes('/') && name.length <= 64;
        expect(layerNamePattern.test(name)).toBe(expected);
      }),
      { numRuns: 2000, seed: 14 },
    );
    for (const name of ['capa oculta', 'capa_ñ', '-x', '😀', 'a\nb', 'a/b', '_x', '']) {
      expect(layerNamePattern.test(name), name).toBe(false);
    }
    for (const name of ['dense', '1st_dense', 'capa.oculta', 'capa-2', 'A']) {
      expect(layerNamePattern.test(name), name).toBe(true);
    }
  });

  it('every name it allows builds a tf.js layer under that very name', () => {
    const names = fc.sample(fc.stringMatching(layerNamePattern), { numRuns: 40, seed: 14 });
    for (const name of names) {
      const layer = tf.layers.dense({ units: 1, name });
      layer.apply(tf.input({ shape: [2] }));
      expect(layer.name).toBe(name);
    }
  });
});

describe('suggestLayerName', () => {
  it('keeps what it can of the name', () => {
    expect(suggestLayerName('capa oculta', 'Dense', [])).toBe('capa_oculta');
    expect(suggestLayerName('capa_ñ', 'Dense', [])).toBe('capa_n');
    expect(suggestLayerName('-salida', 'Dense', [])).toBe('salida');
    expect(suggestLayerName('Über Schicht', 'LSTM', [])).toBe('Uber_Schicht');
  });

  it("falls back to the kind's prefix and numbers a taken name", () => {
    expect(suggestLayerName('😀', 'Dense', [])).toBe('dense');
    expect(suggestLayerName('\u0007\u001b', 'SimpleRNN', ['simple_rnn'])).toBe('simple_rnn_1');
    expect(suggestLayerName('\u001b[31mred', 'Dense', [])).toBe('31mred');
    expect(suggestLayerName('capa oculta', 'Dense', ['capa_oculta'])).toBe('capa_oculta_1');
  });

  it('always gives a name that follows the rule and is free', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.array(fc.string(), { maxLength: 5 }),
        (name, taken) => {
          const suggested = suggestLayerName(name, 'Dense', taken);
          expect(suggested).toMatch(layerNamePattern);
          expect(taken).not.toContain(suggested);
        },
      ),
      { numRuns: 1000, seed: 14 },
    );
  });
});
