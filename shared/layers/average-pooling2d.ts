import { poolingKeras, poolingPytorch, poolingTypeScript, inferPooling2d } from './pooling.js';
import { pair } from './tf-config.js';
import { pooling2dCommon } from './common.js';
import { defineLayer } from './types.js';
import { readPooling2d } from './keras-config.js';

export const averagePooling2d = defineLayer({
  kind: 'AveragePooling2D',
  category: 'convolutional',
  description: {
    en: 'Averages each window, shrinking the image.',
    es: 'Calcula la media de cada ventana y reduce la imagen.',
  },
  inputs: 'one',
  namePrefix: 'average_pooling2d',
  params: pooling2dCommon(),
  inferShape: (inputs, params) => inferPooling2d('AveragePooling2D', inputs, params),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.averagePooling2d({
      poolSize: pair(params.pool_size),
      strides: pair(params.strides),
      padding: params.padding,
      name: context.name,
    }),
  examples: [{ label: 'AveragePooling2D', input: [6, 6, 2] }],
  keras: { aliases: ['AvgPool2D'], read: readPooling2d },
  code: {
    typescript: (params, context) => poolingTypeScript('averagePooling2d', params, context),
    keras: (params, context) => poolingKeras('AveragePooling2D', params, context),
    pytorch: (params, context) => poolingPytorch('average', params, context),
  },
});
