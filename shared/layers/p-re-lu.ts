/**
 * PReLU: x where x > 0, alpha·x elsewhere, with an alpha learned for every value of a sample
 * (Keras' default, shared_axes None; alphas start at 0, a plain ReLU). A file that shares alphas
 * across axes is refused on import, saying so.
 */
import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { expectAllKnown, ok } from './shape-rules.js';
import { defineLayer, passesMask, weightList } from './types.js';

/** Values in one sample: one alpha each. */
const sampleValues = (input: readonly (number | null)[]) =>
  input.slice(1).reduce<number>((product, size) => product * (size ?? 0), 1);

export const pReLu = defineLayer({
  kind: 'PReLU',
  category: 'core',
  description: {
    en: 'Like LeakyReLU, but learns the slope for negative values, one for every value of a sample.',
    es: 'Como LeakyReLU, pero aprende la pendiente de los valores negativos, una para cada valor de una muestra.',
  },
  inputs: 'one',
  namePrefix: 'p_re_lu',
  params: {},
  inferShape: ([input = []]) => expectAllKnown('PReLU', input) ?? ok(input),
  countParams: ([input = []]) => sampleValues(input),
  build: (_params, context) => context.tf.layers.prelu({ alphaInitializer: 'zeros', name: context.name }),
  weights: ([input = []]) => weightList([['alpha', input.slice(1).map((size) => size ?? 0)]]),
  carriesMask: passesMask,
  examples: [
    { label: 'PReLU', input: [8] },
    { label: 'PReLU on a sequence', input: [3, 4] },
  ],
  keras: {
    read(config) {
      config.neutral(
        'shared_axes',
        (value) => Array.isArray(value) && value.length === 0,
        'LayerLab learns an alpha for every value (shared_axes None)',
      );
      config.fixedInitializer('alpha_initializer', 'zeros');
      return {};
    },
  },
  code: {
    typescript: (_params, context) => `tf.layers.prelu(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.PReLU', [`name=${context.name}`]),
    // One learned slope per value of a sample, as Keras keeps them: nn.PReLU has one per channel.
    pytorch: (_params, context) => {
      const shape = (context.inputs[0] ?? []).slice(1).map((size) => size ?? 1);
      return {
        module: pythonCall('nn.Parameter', [`torch.zeros(${shape.join(', ')})`]),
        forward: ([input = 'x']) => `torch.where(${input} >= 0, ${input}, ${context.attribute} * ${input})`,
        params: sampleValues(context.inputs[0] ?? []),
        load: ([alpha = 'alpha']) => [`${context.attribute}.copy_(torch.from_numpy(${alpha}))`],
      };
    },
  },
});
