import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { inferGlobalPooling } from './pooling.js';
import { defineLayer } from './types.js';
import { readGlobalPooling } from './keras-config.js';

export const globalAveragePooling1d = defineLayer({
  kind: 'GlobalAveragePooling1D',
  category: 'convolutional',
  description: {
    en: 'Averages each feature over all time steps, leaving one value per feature.',
    es: 'Calcula la media de cada característica en todos los pasos de tiempo y deja un valor por característica.',
  },
  inputs: 'one',
  namePrefix: 'global_average_pooling1d',
  params: {},
  inferShape: (inputs) => inferGlobalPooling('GlobalAveragePooling1D', inputs, 3),
  countParams: () => 0,
  build: (_params, context) => context.tf.layers.globalAveragePooling1d({ name: context.name }),
  examples: [{ label: 'GlobalAveragePooling1D', input: [5, 3] }],
  keras: { aliases: ['GlobalAvgPool1D'], read: readGlobalPooling },
  code: {
    typescript: (_params, context) => `tf.layers.globalAveragePooling1d(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.GlobalAveragePooling1D', [`name=${context.name}`]),
    // Over the time axis of a channels-last tensor, as in Keras.
    pytorch: () => ({ module: null, forward: ([input = 'x']) => `${input}.mean(dim=1)`, params: 0 }),
  },
});
