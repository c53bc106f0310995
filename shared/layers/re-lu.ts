/**
 * ReLU as a layer of its own: max(x, 0), capped at max_value when one is set (MobileNet's ReLU6
 * caps at 6). Keras' negative_slope and threshold are refused on import unless 0: tf.js' layer
 * has neither (LeakyReLU is the layer for a slope).
 */
import { keyword, pythonCall, pythonNumber } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { optionalInt } from './params.js';
import { ok } from './shape-rules.js';
import { defineLayer, passesMask } from './types.js';

const isZero = (value: unknown) => value === 0 || value === null || value === undefined;

export const reLu = defineLayer({
  kind: 'ReLU',
  category: 'core',
  description: {
    en: 'Keeps positive values and sets negative ones to zero; with max_value, also caps them (ReLU6).',
    es: 'Deja los valores positivos y pone a cero los negativos; con max_value, también los limita (ReLU6).',
  },
  inputs: 'one',
  namePrefix: 're_lu',
  params: {
    max_value: optionalInt({
      min: 1,
      emptyMeans: { en: 'no cap', es: 'sin tope' },
      description: {
        en: 'The largest value let through, e.g. 6 for MobileNet’s ReLU6; empty for none.',
        es: 'El mayor valor que deja pasar, p. ej. 6 para la ReLU6 de MobileNet; vacío para ninguno.',
      },
    }),
  },
  inferShape: ([input = []]) => ok(input),
  countParams: () => 0,
  build: (params, context) => {
    const layer = context.tf.layers.reLU({
      ...(params.max_value === null ? {} : { maxValue: params.max_value }),
      name: context.name,
    });
    // tf.js' ReLU keeps the unclipped tensor it makes before capping; called outside a tidy (the
    // playground, a look inside), that one would stay in memory.
    const call = layer.call.bind(layer);
    layer.call = (inputs, kwargs) => context.tf.tidy(() => call(inputs, kwargs));
    return layer;
  },
  carriesMask: passesMask,
  examples: [
    { label: 'ReLU', input: [3, 8] },
    { label: 'ReLU6', input: [4, 4, 3], params: { max_value: 6 } },
  ],
  keras: {
    read(config) {
      const why = 'tf.js’ ReLU has no slope or threshold; use LeakyReLU for a slope';
      config.neutral('negative_slope', isZero, why);
      config.neutral('threshold', isZero, why);
      return { max_value: config.value('max_value') ?? config.value('maxValue') };
    },
  },
  code: {
    typescript: (params, context) =>
      `tf.layers.reLU(${typescriptConfig([
        ['maxValue', params.max_value === null ? null : String(params.max_value)],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.ReLU', [
        keyword('max_value', pythonNumber(params.max_value ?? 0), params.max_value === null),
        `name=${context.name}`,
      ]),
    pytorch: (params) => ({
      module: null,
      forward: ([input = 'x']) =>
        params.max_value === null ? `torch.relu(${input})` : `torch.clamp(${input}, 0, ${params.max_value})`,
      params: 0,
    }),
  },
});
