import { pythonCall, pythonNumber } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { ok } from './shape-rules.js';
import { dropoutRate } from './common.js';
import { defineLayer, passesMask } from './types.js';

export const dropout = defineLayer({
  kind: 'Dropout',
  category: 'regularisation',
  description: {
    en: 'While training, sets a random fraction of the values to zero to curb overfitting.',
    es: 'Durante el entrenamiento pone a cero una fracción aleatoria de los valores para frenar el sobreajuste.',
  },
  inputs: 'one',
  namePrefix: 'dropout',
  params: {
    rate: dropoutRate(
      {
        en: 'Fraction of the values set to zero at each training step.',
        es: 'Fracción de los valores que se ponen a cero en cada paso de entrenamiento.',
      },
      0.5,
    ),
  },
  // Zeroes values while training, scaling the rest by 1 / (1 - rate): same shape, nothing learned.
  inferShape: ([input = []]) => ok(input),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.dropout({ rate: params.rate, seed: context.nextSeed(), name: context.name }),
  carriesMask: passesMask,
  traits: { passesValuesOn: true },
  examples: [{ label: 'Dropout', input: [8], params: { rate: 0.25 } }],
  keras: { read: (config) => ({ rate: config.required('rate') }) },
  code: {
    typescript: (params, context) =>
      `tf.layers.dropout(${typescriptConfig([
        ['rate', String(params.rate)],
        ['seed', String(context.nextSeed())],
        ['name', context.name],
      ])})`,
    keras: (params, context) => pythonCall('layers.Dropout', [pythonNumber(params.rate), `name=${context.name}`]),
    pytorch: (params, context) => ({
      module: pythonCall('nn.Dropout', [`p=${pythonNumber(params.rate)}`]),
      forward: ([input = 'x']) => `${context.attribute}(${input})`,
      params: 0,
    }),
  },
});
