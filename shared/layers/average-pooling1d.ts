import { poolingKeras, poolingPytorch, poolingTypeScript, inferPooling1d } from './pooling.js';
import { pooling1dCommon } from './common.js';
import { defineLayer } from './types.js';
import { readPooling1d } from './keras-config.js';

export const averagePooling1d = defineLayer({
  kind: 'AveragePooling1D',
  category: 'convolutional',
  description: {
    en: 'Averages each window of time steps, shortening the sequence.',
    es: 'Calcula la media de cada ventana de pasos de tiempo y acorta la secuencia.',
  },
  inputs: 'one',
  namePrefix: 'average_pooling1d',
  params: pooling1dCommon(),
  inferShape: (inputs, params) => inferPooling1d('AveragePooling1D', inputs, params),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.averagePooling1d({
      poolSize: params.pool_size,
      // Keras' strides=None: the window moves by its own length.
      strides: params.strides ?? params.pool_size,
      padding: params.padding,
      name: context.name,
    }),
  examples: [
    { label: 'AveragePooling1D', input: [8, 3], params: { pool_size: 2, strides: 1 } },
    { label: 'AveragePooling1D same', input: [7, 3], params: { pool_size: 3, strides: 1, padding: 'same' } },
  ],
  keras: { aliases: ['AvgPool1D'], read: readPooling1d },
  code: {
    typescript: (params, context) => poolingTypeScript('averagePooling1d', params, context),
    keras: (params, context) => poolingKeras('AveragePooling1D', params, context),
    pytorch: (params, context) => poolingPytorch('average', params, context),
  },
});
