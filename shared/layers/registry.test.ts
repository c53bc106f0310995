import { describe, expect, it } from 'vitest';
import { languages } from '../vocabulary/localized.js';
import { layerNamePattern } from '../graph/naming.js';
import type { Localized } from '../vocabulary/localized.js';
import type { ParamSpec } from './params.js';
import { defaultParamsOf, isLayerKind, layerDef, layerKinds, layerRegistry, layersByCategory } from './registry.js';
import { layerCategories } from './types.js';

const mergeKinds = new Set(['Concatenate', 'Add', 'Multiply', 'Average', 'Maximum', 'Minimum']);

function expectLocalized(text: Localized) {
  for (const language of languages) {
    expect(text[language].trim()).not.toBe('');
  }
  expect(text.es).not.toBe(text.en);
}

function param(kind: string, name: string): ParamSpec {
  if (!isLayerKind(kind)) throw new Error(`unknown kind ${kind}`);
  const spec = layerDef(kind).params[name];
  if (spec === undefined) throw new Error(`${kind} has no parameter ${name}`);
  return spec;
}

function accepts(kind: string, name: string, value: unknown): boolean {
  return param(kind, name).schema.safeParse(value).success;
}

describe('layer registry', () => {
  describe.each(layerKinds)('%s', (kind) => {
    const def = layerDef(kind);

    it('is keyed by its own kind', () => {
      expect(def.kind).toBe(kind);
    });

    it('has a snake_case name prefix that is a valid layer name', () => {
      expect(def.namePrefix).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      expect(def.namePrefix).toMatch(layerNamePattern);
    });

    it('is described in every language', () => {
      expectLocalized(def.description);
    });

    it('takes the right number of inputs', () => {
      const expected = kind === 'Input' ? 'none' : mergeKinds.has(kind) ? 'many' : 'one';
      expect(def.inputs).toBe(expected);
    });

    it.each(Object.entries(def.params))('parameter %s has a valid default and descriptions', (_name, spec) => {
      expect(spec.schema.safeParse(spec.default).success).toBe(true);
      expectLocalized(spec.description);
      if (spec.type === 'optionalInt') expectLocalized(spec.emptyMeans);
      if (spec.type === 'enum') expect(spec.options).toContain(spec.default);
      if (spec.type === 'ints') expect(spec.default).toHaveLength(spec.length);
    });

    it('gives fresh default values', () => {
      const first = defaultParamsOf(kind) as Record<string, unknown>;
      const second = defaultParamsOf(kind) as Record<string, unknown>;
      expect(first).toEqual(second);
      for (const [name, value] of Object.entries(first)) {
        if (Array.isArray(value)) expect(value).not.toBe(second[name]);
      }
    });
  });

  it('has unique name prefixes', () => {
    const prefixes = layerKinds.map((kind) => layerRegistry[kind].namePrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it('has at least one kind in every palette category', () => {
    const groups = layersByCategory();
    expect(groups.map((group) => group.category)).toEqual([...layerCategories]);
    for (const group of groups) {
      expect(group.kinds.length, group.category).toBeGreaterThan(0);
    }
  });

  it('keeps the palette order', () => {
    expect(layerKinds.slice(0, 2)).toEqual(['Input', 'Dense']);
    const recurrent = layersByCategory().find((group) => group.category === 'recurrent');
    expect(recurrent?.kinds).toEqual(['SimpleRNN', 'LSTM', 'GRU']);
  });

  it('recognises kinds and nothing else', () => {
    expect(isLayerKind('Conv2D')).toBe(true);
    expect(isLayerKind('conv2d')).toBe(false);
    expect(isLayerKind('toString')).toBe(false);
    expect(isLayerKind(undefined)).toBe(false);
  });
});

describe('parameter ranges', () => {
  it('refuses Dense units that are not positive integers', () => {
    expect(accepts('Dense', 'units', 1)).toBe(true);
    expect(accepts('Dense', 'units', 0)).toBe(false);
    expect(accepts('Dense', 'units', -3)).toBe(false);
    expect(accepts('Dense', 'units', 1.5)).toBe(false);
    expect(accepts('Dense', 'units', '32')).toBe(false);
  });

  it('keeps Dropout rate in [0, 1)', () => {
    expect(accepts('Dropout', 'rate', 0)).toBe(true);
    expect(accepts('Dropout', 'rate', 0.99)).toBe(true);
    expect(accepts('Dropout', 'rate', 1)).toBe(false);
    expect(accepts('Dropout', 'rate', -0.1)).toBe(false);
    expect(accepts('Dropout', 'rate', Number.NaN)).toBe(false);
  });

  it('keeps recurrent dropout in [0, 1)', () => {
    expect(accepts('LSTM', 'recurrent_dropout', 0.2)).toBe(true);
    expect(accepts('GRU', 'dropout', 1)).toBe(false);
  });

  it('wants Conv2D kernel_size and strides as two positive integers', () => {
    expect(accepts('Conv2D', 'kernel_size', [5, 5])).toBe(true);
    expect(accepts('Conv2D', 'kernel_size', [3, 3, 3])).toBe(false);
    expect(accepts('Conv2D', 'kernel_size', [3])).toBe(false);
    expect(accepts('Conv2D', 'kernel_size', [0, 3])).toBe(false);
    expect(accepts('Conv2DTranspose', 'strides', [2, 2])).toBe(true);
    expect(accepts('Conv2DTranspose', 'strides', [2, 1.5])).toBe(false);
  });

  it('lets 1-D pooling strides be empty but not zero', () => {
    expect(accepts('MaxPooling1D', 'strides', null)).toBe(true);
    expect(accepts('AveragePooling1D', 'strides', 3)).toBe(true);
    expect(accepts('MaxPooling1D', 'strides', 0)).toBe(false);
  });

  it('offers only the padding and interpolation Keras and tf.js share', () => {
    expect(accepts('Conv1D', 'padding', 'same')).toBe(true);
    expect(accepts('Conv1D', 'padding', 'causal')).toBe(false);
    expect(accepts('UpSampling2D', 'interpolation', 'bilinear')).toBe(true);
    expect(accepts('UpSampling2D', 'interpolation', 'bicubic')).toBe(false);
  });

  it('keeps BatchNormalization momentum in [0, 1] and epsilon above 0', () => {
    expect(accepts('BatchNormalization', 'momentum', 1)).toBe(true);
    expect(accepts('BatchNormalization', 'momentum', 1.01)).toBe(false);
    expect(accepts('BatchNormalization', 'epsilon', 1e-5)).toBe(true);
    expect(accepts('BatchNormalization', 'epsilon', 0)).toBe(false);
  });

  it('refuses the batch axis and out-of-range axes for Concatenate', () => {
    expect(accepts('Concatenate', 'axis', -1)).toBe(true);
    expect(accepts('Concatenate', 'axis', 2)).toBe(true);
    expect(accepts('Concatenate', 'axis', 0)).toBe(false);
    expect(accepts('Concatenate', 'axis', 5)).toBe(false);
    expect(accepts('Concatenate', 'axis', -5)).toBe(false);
  });

  it('lets Reshape infer one dimension only', () => {
    expect(accepts('Reshape', 'target_shape', [-1, 8])).toBe(true);
    expect(accepts('Reshape', 'target_shape', [-1, -1])).toBe(false);
    expect(accepts('Reshape', 'target_shape', [0, 8])).toBe(false);
    expect(accepts('Reshape', 'target_shape', [])).toBe(false);
    expect(accepts('Input', 'shape', [-1, 8])).toBe(false);
  });

  it('leaves reset_after out of GRU: tf.js supports only reset_after=False', () => {
    expect(Object.keys(layerRegistry.GRU.params)).not.toContain('reset_after');
  });

  it('uses the Keras defaults', () => {
    expect(defaultParamsOf('LSTM')).toMatchObject({
      units: 128,
      activation: 'tanh',
      recurrent_activation: 'sigmoid',
      unit_forget_bias: true,
    });
    expect(defaultParamsOf('Conv2D')).toMatchObject({ kernel_size: [3, 3], strides: [1, 1], padding: 'valid' });
    expect(defaultParamsOf('MaxPooling1D')).toEqual({ pool_size: 2, strides: null, padding: 'valid' });
    expect(defaultParamsOf('BatchNormalization')).toEqual({
      momentum: 0.99,
      epsilon: 0.001,
      center: true,
      scale: true,
    });
    expect(defaultParamsOf('Flatten')).toEqual({});
  });
});
