/** Permute: the axes of each sample in a new order (the batch stays first), e.g. (time, features) to (features, time). */
import { pythonCall, pythonTuple } from '../vocabulary/python.js';
import { typescriptConfig, typescriptNumbers } from '../vocabulary/typescript-literals.js';
import { formatShape } from '../vocabulary/shape.js';
import { shape } from './params.js';
import { fail, ok } from './shape-rules.js';
import { defineLayer } from './types.js';

export const permute = defineLayer({
  kind: 'Permute',
  category: 'core',
  description: {
    en: 'Reorders the axes of each sample, e.g. (time, features) into (features, time).',
    es: 'Reordena los ejes de cada muestra, p. ej. (tiempo, características) en (características, tiempo).',
  },
  inputs: 'one',
  namePrefix: 'permute',
  params: {
    dims: shape({
      default: [2, 1],
      minRank: 1,
      maxRank: 4,
      description: {
        en: 'The input’s axes in their new order, counted from 1 (the batch is 0 and stays first).',
        es: 'Los ejes de la entrada en su nuevo orden, contados desde 1 (el lote es el 0 y sigue primero).',
      },
    }),
  },
  inferShape: ([input = []], params) => {
    const count = input.length - 1;
    const dims = params.dims;
    const sorted = [...dims].sort((a, b) => (a ?? 0) - (b ?? 0));
    if (dims.length !== count || sorted.some((dim, index) => dim !== index + 1)) {
      const example = Array.from({ length: Math.max(count, 2) }, (_, index) => index + 1);
      example.splice(-2, 2, example.at(-1) ?? 2, example.at(-2) ?? 1);
      return fail({
        code: 'shape.permute-dims',
        values: {
          dims: `(${dims.join(', ')})`,
          count: Math.max(count, 1),
          shape: formatShape(input),
          example: `(${example.join(', ')})`,
        },
      });
    }
    return ok([input[0] ?? null, ...dims.map((dim) => input[dim ?? 0] ?? null)]);
  },
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.permute({ dims: params.dims.map((dim) => dim ?? 0), name: context.name }),
  traits: { wholeNumbers: 'moves' },
  examples: [
    { label: 'Permute', input: [3, 8] },
    { label: 'Permute an image', input: [4, 5, 2], params: { dims: [3, 1, 2] } },
  ],
  keras: { read: (config) => ({ dims: config.required('dims') }) },
  code: {
    typescript: (params, context) =>
      `tf.layers.permute(${typescriptConfig([
        ['dims', typescriptNumbers(params.dims.map((dim) => dim ?? 0))],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.Permute', [pythonTuple(params.dims.map((dim) => dim ?? 0)), `name=${context.name}`]),
    pytorch: (params) => ({
      module: null,
      forward: ([input = 'x']) => `${input}.permute(0, ${params.dims.join(', ')})`,
      params: 0,
    }),
  },
});
