import { poolingKeras, poolingPytorch, poolingTypeScript, inferPooling1d } from './pooling.js';
import { pooling1dCommon } from './common.js';
import { defineLayer } from './types.js';
import { readPooling1d } from './keras-config.js';

export const maxPooling1d = defineLayer({
  kind: 'MaxPooling1D',
  category: 'convolutional',
  description: {
    en: 'Keeps the largest value of each window of time steps, shortening the sequence.',
    es: 'Se queda con el valor más alto de cada ventana de pasos de tiempo y acorta la secuencia.',
  },
  inputs: 'one',
  namePrefix: 'max_pooling1d',
  params: pooling1dCommon(),
  inferShape: (inputs, params) => inferPooling1d('MaxPooling1D', inputs, params),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.maxPooling1d({
      poolSize: params.pool_size,
      // Keras' strides=None: the window moves by its own length.
      strides: params.strides ?? params.pool_size,
      padding: params.padding,
      name: context.name,
    }),
  traits: { wholeNumbers: 'moves' },
  examples: [
    { label: 'MaxPooling1D', input: [8, 3] },
    { label: 'MaxPooling1D same, odd length', input: [7, 3], params: { pool_size: 3, strides: 2, padding: 'same' } },
  ],
  keras: { aliases: ['MaxPool1D'], read: readPooling1d },
  code: {
    typescript: (params, context) => poolingTypeScript('maxPooling1d', params, context),
    keras: (params, context) => poolingKeras('MaxPooling1D', params, context),
    pytorch: (params, context) => poolingPytorch('max', params, context),
  },
});
