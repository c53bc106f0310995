import { pythonCall, pythonTuple } from '../vocabulary/python.js';
import { typescriptConfig, typescriptNumbers } from '../vocabulary/typescript-literals.js';
import { formatShape, type Shape } from '../vocabulary/shape.js';
import { expectAllKnown, fail, ok, product } from './shape-rules.js';
import { shape } from './params.js';
import { defineLayer, type ShapeResult } from './types.js';

/** (batch, …) → (batch, …target): as many values per sample, one -1 worked out from the rest. */
function inferReshape(input: Shape, targetShape: readonly (number | null)[]): ShapeResult {
  const unknown = expectAllKnown('Reshape', input);
  if (unknown) return unknown;
  const from = product(input.slice(1)) ?? 0;
  const target = targetShape.map((dim) => dim ?? -1);
  // The product of the sizes given, leaving out the -1.
  const known = target.reduce((total, dim) => (dim === -1 ? total : total * dim), 1);
  const values = { shape: formatShape(input), from, target: formatShape(target) };
  if (!target.includes(-1)) {
    return known === from
      ? ok([input[0] ?? null, ...target])
      : fail({ code: 'shape.reshape-size', param: 'target_shape', values: { ...values, to: known } });
  }
  if (from % known !== 0) {
    return fail({ code: 'shape.reshape-divide', param: 'target_shape', values: { ...values, known } });
  }
  return ok([input[0] ?? null, ...target.map((dim) => (dim === -1 ? from / known : dim))]);
}

export const reshape = defineLayer({
  kind: 'Reshape',
  category: 'core',
  description: {
    en: 'Rearranges the values of each sample into a new shape with the same number of values.',
    es: 'Reordena los valores de cada muestra en una forma nueva con el mismo número de valores.',
  },
  inputs: 'one',
  namePrefix: 'reshape',
  params: {
    target_shape: shape({
      default: [3, 8],
      minRank: 1,
      maxRank: 4,
      allowInferred: true,
      description: {
        en: 'New shape without the batch; one dimension may be -1 to have it worked out.',
        es: 'Nueva forma sin el lote; una dimensión puede ser -1 para que se calcule sola.',
      },
    }),
  },
  inferShape: ([input = []], params) => inferReshape(input, params.target_shape),
  countParams: () => 0,
  build: (params, context) => {
    // tf.js leaves a -1 unknown (None) in its output shape, where Keras works it out; a later
    // Flatten would then fail. Give tf.js the size inference found.
    const inferred = inferReshape(context.inputs[0] ?? [], params.target_shape);
    const target = inferred.ok ? inferred.shape.slice(1) : params.target_shape;
    return context.tf.layers.reshape({ targetShape: target.map((dim) => dim ?? -1), name: context.name });
  },
  traits: { wholeNumbers: 'moves', passesValuesOn: true },
  examples: [{ label: 'Reshape with -1', input: [3, 8], params: { target_shape: [-1, 4] } }],
  keras: { read: (config) => ({ target_shape: config.required('target_shape') }) },
  code: {
    // The sizes inference found, as build gives tf.js (which leaves a -1 unknown).
    typescript: (_params, context) =>
      `tf.layers.reshape(${typescriptConfig([
        ['targetShape', typescriptNumbers(context.output.slice(1).map((dim) => dim ?? -1))],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.Reshape', [pythonTuple(params.target_shape.map((dim) => dim ?? -1)), `name=${context.name}`]),
    // Row-major, as in Keras: tensors are channels-last here too.
    pytorch: (_params, context) => ({
      module: null,
      forward: ([input = 'x']) =>
        `${input}.reshape(${['-1', ...context.output.slice(1).map((dim) => String(dim ?? -1))].join(', ')})`,
      params: 0,
    }),
  },
});
