import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { inferGlobalPooling } from './pooling.js';
import { defineLayer } from './types.js';
import { readGlobalPooling } from './keras-config.js';

export const globalAveragePooling2d = defineLayer({
  kind: 'GlobalAveragePooling2D',
  category: 'convolutional',
  description: {
    en: 'Averages each channel over the whole image, leaving one value per channel.',
    es: 'Calcula la media de cada canal en toda la imagen y deja un valor por canal.',
  },
  inputs: 'one',
  namePrefix: 'global_average_pooling2d',
  params: {},
  inferShape: (inputs) => inferGlobalPooling('GlobalAveragePooling2D', inputs, 4),
  countParams: () => 0,
  build: (_params, context) => context.tf.layers.globalAveragePooling2d({ name: context.name }),
  examples: [{ label: 'GlobalAveragePooling2D', input: [4, 4, 3] }],
  keras: { aliases: ['GlobalAvgPool2D'], read: readGlobalPooling },
  code: {
    typescript: (_params, context) => `tf.layers.globalAveragePooling2d(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.GlobalAveragePooling2D', [`name=${context.name}`]),
    // Over the height and width of a channels-last tensor, as in Keras.
    pytorch: () => ({ module: null, forward: ([input = 'x']) => `${input}.mean(dim=(1, 2))`, params: 0 }),
  },
});
