/**
 * The merge layers that combine inputs of one shape value by value (Add, Multiply, Average,
 * Maximum, Minimum): their shape rule, mask and build, each kind's file giving its name, its
 * tf.js layer and its PyTorch expression.
 */
import type * as Tf from '@tensorflow/tfjs';
import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { shapesEqual } from '../vocabulary/shape.js';
import type { Localized } from '../vocabulary/localized.js';
import { mergeMasks } from './merge-masks.js';
import { fail, joinShapes, ok } from './shape-rules.js';
import { defineLayer, passesMask, type TfModule } from './types.js';

type MergeFactory = 'add' | 'multiply' | 'average' | 'maximum' | 'minimum';

export function elementwiseMerge<const K extends string>(spec: {
  kind: K;
  description: Localized;
  namePrefix: string;
  /** tf.js' factory: `tf.layers.add`, …; its Keras class is the kind. */
  factory: MergeFactory;
  /** The PyTorch expression over the inputs' names. */
  pytorch: (inputs: readonly string[]) => string;
}) {
  const { kind, factory } = spec;
  return defineLayer({
    kind,
    category: 'merge',
    description: spec.description,
    inputs: 'many',
    namePrefix: spec.namePrefix,
    params: {},
    // Keras also broadcasts axes of size 1; LayerLab asks for equal shapes, which is what a
    // learner means (a residual connection, a gate) and always works.
    inferShape: (inputs) => {
      const first = inputs[0] ?? [];
      if (inputs.some((shape) => !shapesEqual(shape, first))) {
        return fail({ code: 'shape.merge-mismatch', values: { kind, shapes: joinShapes(inputs) } });
      }
      return ok(first);
    },
    countParams: () => 0,
    build: (_params, context) => {
      const layer = (context.tf as TfModule).layers[factory]({ name: context.name });
      // Keras' mask: a step is kept where every input keeps it (tf.js' own mask is malformed).
      layer.computeMask = (inputs, masks) => mergeMasks(context.tf, inputs, masks, null) as Tf.Tensor;
      return layer;
    },
    carriesMask: passesMask,
    traits: { wholeNumbers: 'moves' },
    examples: [{ label: kind, input: [3, 8] }],
    keras: { read: () => ({}) },
    code: {
      typescript: (_params, context) => `tf.layers.${factory}(${typescriptConfig([['name', context.name]])})`,
      keras: (_params, context) => pythonCall(`layers.${kind}`, [`name=${context.name}`]),
      pytorch: () => ({ module: null, forward: (inputs) => spec.pytorch(inputs), params: 0 }),
    },
  });
}
