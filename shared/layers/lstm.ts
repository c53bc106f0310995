import { keyword, pythonBool } from '../vocabulary/python.js';
import {
  countRecurrent,
  recurrentMask,
  recurrentWeights,
  keptRecurrent,
  gateActivationNotes,
  kerasGateActivation,
  inferRecurrent,
  maybeBidirectional,
  recurrentArgs,
  recurrentKeras,
  recurrentPytorch,
  recurrentTypeScript,
} from './recurrent.js';
import {
  activation,
  kernelInitializer,
  recurrentActivation,
  tfjsActivation,
  recurrentCommon,
  useBias,
} from './common.js';
import { bool, int } from './params.js';
import { defineLayer } from './types.js';
import { typescriptString } from '../vocabulary/typescript-literals.js';
import { readRecurrent } from './keras-config.js';

export const lstm = defineLayer({
  kind: 'LSTM',
  category: 'recurrent',
  description: {
    en: 'Long short-term memory: a recurrent layer whose gates let it remember across many time steps.',
    es: 'Memoria a largo y corto plazo: capa recurrente cuyas puertas le permiten recordar durante muchos pasos.',
  },
  inputs: 'one',
  namePrefix: 'lstm',
  params: {
    units: int({
      default: 128,
      description: { en: 'Size of the hidden state.', es: 'Tamaño del estado oculto.' },
    }),
    activation: activation('tanh'),
    recurrent_activation: recurrentActivation(),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
    unit_forget_bias: bool({
      default: true,
      description: {
        en: 'Start the forget gate biased towards keeping the memory.',
        es: 'Hace que la puerta de olvido empiece inclinada a conservar la memoria.',
      },
    }),
    ...recurrentCommon(),
  },
  inferShape: (inputs, params) => inferRecurrent('LSTM', inputs, params),
  countParams: (inputs, params) => countRecurrent(4, inputs, params),
  keptValues: (inputs, params) => keptRecurrent(4, inputs, params),
  build: (params, context) =>
    maybeBidirectional(
      context.tf.layers.lstm({
        ...recurrentArgs(params, context),
        recurrentActivation: tfjsActivation(params.recurrent_activation),
        unitForgetBias: params.unit_forget_bias,
        name: context.name,
      }),
      'lstm',
      params,
      context,
    ),
  weights: (inputs, params) => recurrentWeights(4, inputs, params),
  carriesMask: recurrentMask,
  traits: { recurrent: true },
  examples: [
    { label: 'LSTM', input: [3, 8], params: { units: 5 } },
    {
      label: 'LSTM bidirectional, every step',
      input: [3, 8],
      params: { units: 5, bidirectional: true, return_sequences: true },
    },
    {
      label: 'LSTM bidirectional, mul, no bias',
      input: [3, 8],
      params: { units: 5, bidirectional: true, merge_mode: 'mul', use_bias: false },
    },
  ],
  keras: {
    read: (config) =>
      readRecurrent(config, () => ({
        recurrent_activation: config.text('recurrent_activation'),
        unit_forget_bias: config.value('unit_forget_bias'),
      })),
  },
  code: {
    typescript: (params, context) =>
      recurrentTypeScript('lstm', 4, params, context, [
        // tf.js' defaults are hardSigmoid and no forget bias; Keras' (and LayerLab's) differ.
        ['recurrentActivation', typescriptString(tfjsActivation(params.recurrent_activation))],
        ['unitForgetBias', params.unit_forget_bias ? 'true' : null],
      ]),
    keras: (params, context) =>
      recurrentKeras('LSTM', params, context, [
        keyword(
          'recurrent_activation',
          kerasGateActivation(params.recurrent_activation),
          params.recurrent_activation === 'sigmoid',
        ),
        keyword('unit_forget_bias', pythonBool(false), params.unit_forget_bias),
      ]),
    pytorch: (params, context) =>
      recurrentPytorch('nn.LSTM', 4, params, context, {
        notes: gateActivationNotes('nn.LSTM', params),
        forgetBias: params.unit_forget_bias,
      }),
  },
});
