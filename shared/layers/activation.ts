import { pythonCall, pythonString } from '../vocabulary/python.js';
import { torchActivation } from './spellings.js';
import { typescriptConfig, typescriptString } from '../vocabulary/typescript-literals.js';
import { ok } from './shape-rules.js';
import { tfActivation } from './tf-config.js';
import { activation as activationParam } from './common.js';
import { defineLayer, passesMask } from './types.js';
import { snakeText } from './keras-config.js';

export const activation = defineLayer({
  kind: 'Activation',
  category: 'core',
  description: {
    en: 'Applies an activation function on its own, without any weights.',
    es: 'Aplica una función de activación por sí sola, sin pesos.',
  },
  inputs: 'one',
  namePrefix: 'activation',
  params: {
    activation: activationParam('relu'),
  },
  // Applies a function to each value: same shape, nothing learned.
  inferShape: ([input = []]) => ok(input),
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.activation({ activation: tfActivation(params.activation), name: context.name }),
  carriesMask: passesMask,
  examples: [{ label: 'Activation', input: [3, 8], params: { activation: 'gelu' } }],
  keras: { read: (config) => ({ activation: snakeText(config.required('activation')) }) },
  code: {
    typescript: (params, context) =>
      `tf.layers.activation(${typescriptConfig([
        ['activation', typescriptString(params.activation)],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.Activation', [pythonString(params.activation), `name=${context.name}`]),
    pytorch: (params) => ({
      module: null,
      forward: ([input = 'x']) => torchActivation(params.activation, input),
      params: 0,
    }),
  },
});
