import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import type * as Tf from '@tensorflow/tfjs';
import { shapesEqual } from '../vocabulary/shape.js';
import { mergeMasks } from './merge-masks.js';
import { fail, joinShapes, ok } from './shape-rules.js';
import { defineLayer, passesMask } from './types.js';

export const add = defineLayer({
  kind: 'Add',
  category: 'merge',
  description: {
    en: 'Adds its inputs element by element; they must all have the same shape.',
    es: 'Suma sus entradas elemento a elemento; todas deben tener la misma forma.',
  },
  inputs: 'many',
  namePrefix: 'add',
  params: {},
  // Keras also broadcasts axes of size 1; LayerLab asks for equal shapes, which is what a
  // learner means by adding (a residual connection) and always works.
  inferShape: (inputs) => {
    const first = inputs[0] ?? [];
    if (inputs.some((shape) => !shapesEqual(shape, first))) {
      return fail({ code: 'shape.merge-mismatch', values: { kind: 'Add', shapes: joinShapes(inputs) } });
    }
    return ok(first);
  },
  countParams: () => 0,
  build: (_params, context) => {
    const layer = context.tf.layers.add({ name: context.name });
    // Keras' mask: a step is kept where every input keeps it (tf.js' own mask is malformed).
    layer.computeMask = (inputs, masks) => mergeMasks(context.tf, inputs, masks, null) as Tf.Tensor;
    return layer;
  },
  carriesMask: passesMask,
  traits: { wholeNumbers: 'moves' },
  examples: [{ label: 'Add', input: [3, 8] }],
  keras: { read: () => ({}) },
  code: {
    typescript: (_params, context) => `tf.layers.add(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.Add', [`name=${context.name}`]),
    pytorch: () => ({ module: null, forward: (inputs) => inputs.join(' + '), params: 0 }),
  },
});
