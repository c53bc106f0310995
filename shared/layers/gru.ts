import { keyword } from '../vocabulary/python.js';
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
import { int } from './params.js';
import { defineLayer } from './types.js';
import { typescriptString } from '../vocabulary/typescript-literals.js';
import { isFalse, readRecurrent } from './keras-config.js';

/**
 * Keras' `reset_after` is left out on purpose: tf.js only supports `reset_after=False`, so
 * LayerLab's GRU always uses it and the Keras code generator must write it out.
 */
export const gru = defineLayer({
  kind: 'GRU',
  category: 'recurrent',
  description: {
    en: 'Gated recurrent unit: a lighter LSTM with two gates; uses reset_after=False, as tf.js does.',
    es: 'Unidad recurrente con puertas: un LSTM más ligero, con dos puertas; usa reset_after=False, como tf.js.',
  },
  inputs: 'one',
  namePrefix: 'gru',
  params: {
    units: int({
      default: 64,
      description: { en: 'Size of the hidden state.', es: 'Tamaño del estado oculto.' },
    }),
    activation: activation('tanh'),
    recurrent_activation: recurrentActivation(),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
    ...recurrentCommon(),
  },
  inferShape: (inputs, params) => inferRecurrent('GRU', inputs, params),
  countParams: (inputs, params) => countRecurrent(3, inputs, params),
  keptValues: (inputs, params) => keptRecurrent(3, inputs, params),
  build: (params, context) =>
    maybeBidirectional(
      context.tf.layers.gru({
        ...recurrentArgs(params, context),
        recurrentActivation: tfjsActivation(params.recurrent_activation),
        // tf.js' GRU is always reset_after=False (Keras 2's default is True).
        name: context.name,
      }),
      'gru',
      params,
      context,
    ),
  weights: (inputs, params) => recurrentWeights(3, inputs, params),
  carriesMask: recurrentMask,
  traits: { recurrent: true },
  examples: [
    { label: 'GRU', input: [3, 8], params: { units: 4 } },
    {
      label: 'GRU bidirectional, ave, every step',
      input: [3, 8],
      params: { units: 4, bidirectional: true, merge_mode: 'ave', return_sequences: true },
    },
  ],
  keras: {
    read(config) {
      config.neutral(
        'reset_after',
        isFalse,
        "tf.js' GRU has reset_after=False only; build the Keras layer with reset_after=False",
      );
      return readRecurrent(config, () => ({ recurrent_activation: config.text('recurrent_activation') }));
    },
  },
  code: {
    typescript: (params, context) =>
      recurrentTypeScript('gru', 3, params, context, [
        // tf.js' default is hardSigmoid; its GRU is always reset_after=False.
        ['recurrentActivation', typescriptString(tfjsActivation(params.recurrent_activation))],
      ]),
    keras: (params, context) =>
      recurrentKeras('GRU', params, context, [
        keyword(
          'recurrent_activation',
          kerasGateActivation(params.recurrent_activation),
          params.recurrent_activation === 'sigmoid',
        ),
        // Keras 2's default is reset_after=True; LayerLab's GRU, like tf.js', is reset_after=False.
        'reset_after=False',
      ]),
    pytorch: (params, context) =>
      recurrentPytorch('nn.GRU', 3, params, context, {
        notes: [
          "nn.GRU applies the reset gate after the recurrent product, as Keras' reset_after=True does; LayerLab's GRU is reset_after=False, so the two compute slightly different functions.",
          'Its gates are ordered r, z, n; Keras orders them z, r, h.',
          ...gateActivationNotes('nn.GRU', params),
        ],
      }),
  },
});
