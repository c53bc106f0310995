/**
 * Softmax as a layer of its own, over the last axis: each row of values becomes probabilities
 * that add up to 1. Keras' axis is read on import and refused unless it is the last.
 */
import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { ok } from './shape-rules.js';
import { defineLayer, passesMask } from './types.js';

/** -1, or [-1] as Keras 3 writes it. */
const isLastAxis = (value: unknown) =>
  value === undefined || value === -1 || (Array.isArray(value) && value.length === 1 && value[0] === -1);

export const softmax = defineLayer({
  kind: 'Softmax',
  category: 'core',
  description: {
    en: 'Turns the last axis into probabilities that add up to 1, as a layer of its own.',
    es: 'Convierte el último eje en probabilidades que suman 1, como capa propia.',
  },
  inputs: 'one',
  namePrefix: 'softmax',
  params: {},
  inferShape: ([input = []]) => ok(input),
  countParams: () => 0,
  build: (_params, context) => {
    const layer = context.tf.layers.softmax({ axis: -1, name: context.name });
    // A time-step mask (an Embedding's mask_zero) says which steps count, not which features: the
    // softmax of each step is the same either way. tf.js' Softmax adds the (batch, time) mask to
    // (batch, time, features) values, broadcasting it into a shape of its own; so the mask is only
    // handed on, as Keras hands it on.
    const call = layer.call.bind(layer);
    layer.call = (inputs, kwargs) => call(inputs, { ...kwargs, mask: undefined });
    return layer;
  },
  carriesMask: passesMask,
  examples: [{ label: 'Softmax', input: [3, 8] }],
  keras: {
    read(config) {
      config.neutral('axis', isLastAxis, 'LayerLab’s Softmax works over the last axis');
      return {};
    },
  },
  code: {
    typescript: (_params, context) => `tf.layers.softmax(${typescriptConfig([['name', context.name]])})`,
    keras: (_params, context) => pythonCall('layers.Softmax', [`name=${context.name}`]),
    pytorch: () => ({ module: null, forward: ([input = 'x']) => `torch.softmax(${input}, dim=-1)`, params: 0 }),
  },
});
