/**
 * SpatialDropout1D: while training, drops whole features of a sequence (every step of a channel
 * at once) rather than single values, as text models after an Embedding do. Seeded as Dropout is.
 */
import { pythonCall, pythonNumber } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { expectRank, expects, hints, ok } from './shape-rules.js';
import { dropoutRate } from './common.js';
import { defineLayer, passesMask } from './types.js';

export const spatialDropout1d = defineLayer({
  kind: 'SpatialDropout1D',
  category: 'regularisation',
  description: {
    en: 'While training, sets whole features of a sequence to zero at every step, to curb overfitting.',
    es: 'Durante el entrenamiento pone a cero características enteras de una secuencia en todos sus pasos, para frenar el sobreajuste.',
  },
  inputs: 'one',
  namePrefix: 'spatial_dropout1d',
  params: {
    rate: dropoutRate(
      {
        en: 'Fraction of the features set to zero at each training step.',
        es: 'Fracción de las características que se ponen a cero en cada paso de entrenamiento.',
      },
      0.5,
    ),
  },
  inferShape: ([input = []]) =>
    expectRank('SpatialDropout1D', input, 3, expects.sequence, hints.toSequence) ?? ok(input),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.spatialDropout1d({ rate: params.rate, seed: context.nextSeed(), name: context.name }),
  carriesMask: passesMask,
  traits: { passesValuesOn: true },
  examples: [{ label: 'SpatialDropout1D', input: [3, 8], params: { rate: 0.25 } }],
  keras: { read: (config) => ({ rate: config.required('rate') }) },
  code: {
    typescript: (params, context) =>
      `tf.layers.spatialDropout1d(${typescriptConfig([
        ['rate', String(params.rate)],
        ['seed', String(context.nextSeed())],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.SpatialDropout1D', [pythonNumber(params.rate), `name=${context.name}`]),
    // nn.Dropout1d drops channels of (batch, channels, steps): the sequence turned and back.
    pytorch: (params, context) => ({
      module: pythonCall('nn.Dropout1d', [`p=${pythonNumber(params.rate)}`]),
      forward: ([input = 'x']) => `${context.attribute}(${input}.transpose(1, 2)).transpose(1, 2)`,
      params: 0,
    }),
  },
});
