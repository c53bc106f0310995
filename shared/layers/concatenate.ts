import { keyword, pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import type * as Tf from '@tensorflow/tfjs';
import { formatShape } from '../vocabulary/shape.js';
import { mergeMasks } from './merge-masks.js';
import { fail, joinShapes, ok } from './shape-rules.js';
import { int } from './params.js';
import { defineLayer, passesMask } from './types.js';

const axis = int({
  default: -1,
  min: -4,
  max: 4,
  description: {
    en: 'Axis to join along: -1 is the last one; 0 is the batch and is not allowed.',
    es: 'Eje por el que se unen: -1 es el último; el 0 es el del lote y no se permite.',
  },
});

export const concatenate = defineLayer({
  kind: 'Concatenate',
  category: 'merge',
  description: {
    en: 'Joins its inputs end to end along one axis; the other axes must match.',
    es: 'Une sus entradas una tras otra a lo largo de un eje; los demás ejes deben coincidir.',
  },
  inputs: 'many',
  namePrefix: 'concatenate',
  params: {
    // int() can only express a range, and axis 0 (the batch) sits inside it: the schema refuses
    // it here. Whether the axis exists for the inputs' rank is left to shape inference.
    axis: { ...axis, schema: axis.schema.refine((value) => value !== 0, { message: 'axis 0 is the batch axis' }) },
  },
  inferShape: (inputs, params) => {
    const first = inputs[0] ?? [];
    const rank = first.length;
    const mismatch = fail({ code: 'shape.concat-mismatch', values: { axis: params.axis, shapes: joinShapes(inputs) } });
    if (inputs.some((shape) => shape.length !== rank)) return mismatch;
    // Negative axes count from the end, as in Python; 0 is the batch, which cannot be joined.
    const axis = params.axis < 0 ? rank + params.axis : params.axis;
    if (axis <= 0 || axis >= rank) {
      return fail({
        code: 'shape.axis-out-of-range',
        param: 'axis',
        values: { axis: params.axis, shape: formatShape(first), max: rank - 1 },
        fix: { kind: 'set-param', param: 'axis', value: -1 },
      });
    }
    const othersMatch = inputs.every((shape) =>
      shape.every((dim, index) => index === 0 || index === axis || dim === first[index]),
    );
    if (!othersMatch) return mismatch;
    let joined: number | null = 0;
    for (const shape of inputs) {
      const size = shape[axis] ?? null;
      joined = joined === null || size === null ? null : joined + size;
    }
    return ok(first.map((dim, index) => (index === axis ? joined : dim)));
  },
  countParams: () => 0,
  build: (params, context) => {
    // tf.js joins along the last axis for any negative axis when it runs (its symbolic shapes
    // are right): count -2, -3 from the end here. -1 it gets right, and keeps Keras' default.
    const rank = context.inputs[0]?.length ?? 0;
    const axis = params.axis < -1 && rank > 0 ? rank + params.axis : params.axis;
    const layer = context.tf.layers.concatenate({ axis, name: context.name });
    // Keras' mask, also where a masked input is joined with an unmasked one along the time axis.
    layer.computeMask = (inputs, masks) => mergeMasks(context.tf, inputs, masks, axis) as Tf.Tensor;
    return layer;
  },
  carriesMask: passesMask,
  traits: { wholeNumbers: 'moves' },
  examples: [
    { label: 'Concatenate', input: [3, 8] },
    { label: 'Concatenate on the time axis', input: [3, 8], params: { axis: 1 } },
  ],
  keras: { read: (config) => ({ axis: config.value('axis') }) },
  code: {
    typescript: (params, context) => {
      // As in build: tf.js joins along the last axis for any negative axis when it runs.
      const rank = context.inputs[0]?.length ?? 0;
      const axis = params.axis < -1 && rank > 0 ? rank + params.axis : params.axis;
      return `tf.layers.concatenate(${typescriptConfig([
        ['axis', axis === -1 ? null : String(axis)],
        ['name', context.name],
      ])})`;
    },
    keras: (params, context) =>
      pythonCall('layers.Concatenate', [
        keyword('axis', String(params.axis), params.axis === -1),
        `name=${context.name}`,
      ]),
    // Tensors stay channels-last between layers, so Keras' axis is PyTorch's too.
    pytorch: (params) => ({
      module: null,
      forward: (inputs) => `torch.cat([${inputs.join(', ')}], dim=${params.axis})`,
      params: 0,
    }),
  },
});
