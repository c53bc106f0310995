import { pythonString } from '../vocabulary/python.js';
import {
  countRecurrent,
  recurrentMask,
  recurrentWeights,
  keptRecurrent,
  inferRecurrent,
  maybeBidirectional,
  recurrentArgs,
  recurrentKeras,
  recurrentPytorch,
  recurrentTypeScript,
} from './recurrent.js';
import { activation, kernelInitializer, recurrentCommon, useBias } from './common.js';
import { int } from './params.js';
import { defineLayer } from './types.js';
import { readRecurrent } from './keras-config.js';

export const simpleRnn = defineLayer({
  kind: 'SimpleRNN',
  category: 'recurrent',
  description: {
    en: 'Plain recurrent layer: carries a hidden state from one time step to the next.',
    es: 'Capa recurrente básica: lleva un estado oculto de un paso de tiempo al siguiente.',
  },
  inputs: 'one',
  namePrefix: 'simple_rnn',
  params: {
    units: int({
      default: 50,
      description: { en: 'Size of the hidden state.', es: 'Tamaño del estado oculto.' },
    }),
    activation: activation('tanh'),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
    ...recurrentCommon(),
  },
  inferShape: (inputs, params) => inferRecurrent('SimpleRNN', inputs, params),
  countParams: (inputs, params) => countRecurrent(1, inputs, params),
  keptValues: (inputs, params) => keptRecurrent(1, inputs, params),
  build: (params, context) =>
    maybeBidirectional(
      context.tf.layers.simpleRNN({ ...recurrentArgs(params, context), name: context.name }),
      'simpleRNN',
      params,
      context,
    ),
  weights: (inputs, params) => recurrentWeights(1, inputs, params),
  carriesMask: recurrentMask,
  traits: { recurrent: true },
  examples: [
    { label: 'SimpleRNN', input: [3, 8], params: { units: 6 } },
    {
      label: 'SimpleRNN relu, every step',
      input: [3, 8],
      params: { units: 6, activation: 'relu', return_sequences: true },
    },
    {
      label: 'SimpleRNN bidirectional, sum',
      input: [3, 8],
      params: { units: 6, bidirectional: true, merge_mode: 'sum' },
    },
  ],
  keras: { read: (config) => readRecurrent(config) },
  code: {
    typescript: (params, context) => recurrentTypeScript('simpleRNN', 1, params, context, []),
    keras: (params, context) => recurrentKeras('SimpleRNN', params, context, []),
    pytorch: (params, context) => {
      // nn.RNN knows tanh and relu only.
      const supported = params.activation === 'tanh' || params.activation === 'relu';
      return recurrentPytorch('nn.RNN', 1, params, context, {
        args: [params.activation === 'relu' ? `nonlinearity=${pythonString('relu')}` : null],
        notes: supported ? [] : [`nn.RNN offers tanh and relu only: tanh here, where Keras uses ${params.activation}.`],
      });
    },
  },
});
