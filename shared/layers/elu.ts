/**
 * ELU as a layer of its own: x where x > 0, eˣ − 1 elsewhere; no weights. tf.js' ELU layer takes
 * only Keras' default alpha of 1, so a file with another is refused on import, saying so.
 */
import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { ok } from './shape-rules.js';
import { defineLayer, passesMask } from './types.js';

export const elu = defineLayer({
  kind: 'ELU',
  category: 'core',
  description: {
    en: 'Keeps positive values and bends negative ones smoothly towards −1, so gradients keep flowing.',
    es: 'Deja los valores positivos y curva suavemente los negativos hacia −1, para que el gradiente siga fluyendo.',
  },
  inputs: 'one',
  namePrefix: 'elu',
  params: {},
  inferShape: ([input = []]) => ok(input),
  countParams: () => 0,
  build: (_params, context) => context.tf.layers.elu({ name: context.name }),
  carriesMask: passesMask,
  examples: [{ label: 'ELU', input: [3, 8] }],
  keras: {
    read(config) {
      config.neutral('alpha', (value) => value === 1, 'tf.js’ ELU layer takes only alpha 1, Keras’ default');
      return {};
    },
  },
  code: {
    typescript: (_params, context) => `tf.layers.elu(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.ELU', [`name=${context.name}`]),
    pytorch: () => ({ module: null, forward: ([input = 'x']) => `F.elu(${input})`, params: 0 }),
  },
});
