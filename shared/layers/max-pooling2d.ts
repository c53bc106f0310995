import { poolingKeras, poolingPytorch, poolingTypeScript, inferPooling2d } from './pooling.js';
import { pair } from './tf-config.js';
import { pooling2dCommon } from './common.js';
import { defineLayer } from './types.js';
import { readPooling2d } from './keras-config.js';

export const maxPooling2d = defineLayer({
  kind: 'MaxPooling2D',
  category: 'convolutional',
  description: {
    en: 'Keeps the largest value of each window, shrinking the image.',
    es: 'Se queda con el valor más alto de cada ventana y reduce la imagen.',
  },
  inputs: 'one',
  namePrefix: 'max_pooling2d',
  params: pooling2dCommon(),
  inferShape: (inputs, params) => inferPooling2d('MaxPooling2D', inputs, params),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.maxPooling2d({
      poolSize: pair(params.pool_size),
      strides: pair(params.strides),
      padding: params.padding,
      name: context.name,
    }),
  traits: { wholeNumbers: 'moves' },
  examples: [
    { label: 'MaxPooling2D', input: [6, 6, 2] },
    {
      label: 'MaxPooling2D same, uneven',
      input: [5, 4, 2],
      params: { pool_size: [3, 3], strides: [2, 2], padding: 'same' },
    },
  ],
  keras: { aliases: ['MaxPool2D'], read: readPooling2d },
  code: {
    typescript: (params, context) => poolingTypeScript('maxPooling2d', params, context),
    keras: (params, context) => poolingKeras('MaxPooling2D', params, context),
    pytorch: (params, context) => poolingPytorch('max', params, context),
  },
});
