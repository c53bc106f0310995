import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { expectRank, expects, fail, hints, ok } from './shape-rules.js';
import { int } from './params.js';
import { defineLayer } from './types.js';

export const repeatVector = defineLayer({
  kind: 'RepeatVector',
  category: 'core',
  description: {
    en: 'Repeats a vector n times, making a sequence of n identical steps.',
    es: 'Repite un vector n veces y forma una secuencia de n pasos iguales.',
  },
  inputs: 'one',
  namePrefix: 'repeat_vector',
  params: {
    n: int({
      default: 3,
      description: {
        en: 'Number of repetitions, which is the length of the output sequence.',
        es: 'Número de repeticiones, que es la longitud de la secuencia de salida.',
      },
    }),
  },
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('RepeatVector', input, 2, expects.vector, hints.toVector);
    if (wrongRank) {
      // Flatten makes a vector of anything with more axes.
      const flatten = { kind: 'insert-before', layerKind: 'Flatten' } as const;
      return input.length > 2 && !wrongRank.ok ? fail({ ...wrongRank.issue, fix: flatten }) : wrongRank;
    }
    return ok([input[0] ?? null, params.n, input[1] ?? null]);
  },
  countParams: () => 0,
  build: (params, context) => context.tf.layers.repeatVector({ n: params.n, name: context.name }),
  traits: { wholeNumbers: 'moves' },
  examples: [{ label: 'RepeatVector', input: [8], params: { n: 4 } }],
  keras: { read: (config) => ({ n: config.required('n') }) },
  code: {
    typescript: (params, context) =>
      `tf.layers.repeatVector(${typescriptConfig([
        ['n', String(params.n)],
        ['name', context.name],
      ])})`,
    keras: (params, context) => pythonCall('layers.RepeatVector', [String(params.n), `name=${context.name}`]),
    // (batch, features) → (batch, n, features).
    pytorch: (params) => ({
      module: null,
      forward: ([input = 'x']) => `${input}.unsqueeze(1).repeat(1, ${params.n}, 1)`,
      params: 0,
    }),
  },
});
