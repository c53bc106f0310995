import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { inferGlobalPooling } from './pooling.js';
import { defineLayer } from './types.js';
import { readGlobalPooling } from './keras-config.js';

export const globalMaxPooling2d = defineLayer({
  kind: 'GlobalMaxPooling2D',
  category: 'convolutional',
  description: {
    en: 'Keeps the largest value of each channel over the whole image.',
    es: 'Se queda con el valor más alto de cada canal en toda la imagen.',
  },
  inputs: 'one',
  namePrefix: 'global_max_pooling2d',
  params: {},
  inferShape: (inputs) => inferGlobalPooling('GlobalMaxPooling2D', inputs, 4),
  countParams: () => 0,
  build: (_params, context) => context.tf.layers.globalMaxPooling2d({ name: context.name }),
  traits: { wholeNumbers: 'moves' },
  examples: [{ label: 'GlobalMaxPooling2D', input: [4, 4, 3] }],
  keras: { aliases: ['GlobalMaxPool2D'], read: readGlobalPooling },
  code: {
    typescript: (_params, context) => `tf.layers.globalMaxPooling2d(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.GlobalMaxPooling2D', [`name=${context.name}`]),
    // Over the height and width of a channels-last tensor, as in Keras.
    pytorch: () => ({ module: null, forward: ([input = 'x']) => `${input}.amax(dim=(1, 2))`, params: 0 }),
  },
});
