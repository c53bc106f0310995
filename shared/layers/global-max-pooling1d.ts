import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { inferGlobalPooling } from './pooling.js';
import { defineLayer } from './types.js';
import { readGlobalPooling } from './keras-config.js';

export const globalMaxPooling1d = defineLayer({
  kind: 'GlobalMaxPooling1D',
  category: 'convolutional',
  description: {
    en: 'Keeps the largest value of each feature over all time steps.',
    es: 'Se queda con el valor más alto de cada característica en todos los pasos de tiempo.',
  },
  inputs: 'one',
  namePrefix: 'global_max_pooling1d',
  params: {},
  inferShape: (inputs) => inferGlobalPooling('GlobalMaxPooling1D', inputs, 3),
  countParams: () => 0,
  build: (_params, context) => context.tf.layers.globalMaxPooling1d({ name: context.name }),
  traits: { wholeNumbers: 'moves' },
  examples: [{ label: 'GlobalMaxPooling1D', input: [5, 3] }],
  keras: { aliases: ['GlobalMaxPool1D'], read: readGlobalPooling },
  code: {
    typescript: (_params, context) => `tf.layers.globalMaxPooling1d(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.GlobalMaxPooling1D', [`name=${context.name}`]),
    // Over the time axis of a channels-last tensor, as in Keras.
    pytorch: () => ({ module: null, forward: ([input = 'x']) => `${input}.amax(dim=1)`, params: 0 }),
  },
});
