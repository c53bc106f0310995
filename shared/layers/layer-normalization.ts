/**
 * LayerNormalization: each sample's features (the last axis) rescaled to mean 0 and variance 1,
 * then scaled by gamma and shifted by beta: the Transformer's normalisation, the same in training
 * and prediction (no running statistics). Keras' axis is read on import and refused unless last
 * (as BatchNormalization's is).
 */
import { keyword, pythonBool, pythonCall, pythonNumber } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { lastDim } from '../vocabulary/shape.js';
import { normalizationCommon } from './common.js';
import { torchGammaBeta } from './spellings.js';
import { expectKnown, expectRank, expects, hints, ok } from './shape-rules.js';
import { defineLayer, passesMask, weightList } from './types.js';
import { normalizedAxis } from './keras-config.js';

export const layerNormalization = defineLayer({
  kind: 'LayerNormalization',
  category: 'regularisation',
  description: {
    en: 'Rescales the features of each sample to mean 0 and variance 1, as Transformers do.',
    es: 'Reescala las características de cada muestra a media 0 y varianza 1, como hacen los Transformers.',
  },
  inputs: 'one',
  namePrefix: 'layer_normalization',
  params: normalizationCommon(),
  inferShape: ([input = []]) => {
    if (input.length < 2) {
      const wrongRank = expectRank('LayerNormalization', input, 2, expects.atLeastVector, hints.none);
      if (wrongRank) return wrongRank;
    }
    const unknown = expectKnown('LayerNormalization', input, [input.length - 1]);
    if (unknown) return unknown;
    return ok(input);
  },
  countParams: ([input = []], params) => (lastDim(input) ?? 0) * (Number(params.scale) + Number(params.center)),
  build: (params, context) =>
    context.tf.layers.layerNormalization({
      axis: -1,
      epsilon: params.epsilon,
      center: params.center,
      scale: params.scale,
      name: context.name,
    }),
  weights: ([input = []], params) => {
    const features = lastDim(input) ?? 0;
    return weightList([params.scale ? ['gamma', [features]] : null, params.center ? ['beta', [features]] : null]);
  },
  carriesMask: passesMask,
  examples: [
    { label: 'LayerNormalization', input: [3, 8] },
    { label: 'LayerNormalization, no offset', input: [6], params: { center: false, epsilon: 0.00001 } },
  ],
  keras: {
    read(config) {
      config.fixedInitializer('beta_initializer', 'zeros');
      config.fixedInitializer('gamma_initializer', 'ones');
      return {
        epsilon: config.value('epsilon'),
        center: config.value('center'),
        scale: config.value('scale'),
        // tf.js writes the last axis counted from the front ([2] for (batch, steps, features)):
        // checked once the input's rank is known.
        [normalizedAxis]: config.value('axis'),
      };
    },
  },
  code: {
    typescript: (params, context) =>
      `tf.layers.layerNormalization(${typescriptConfig([
        ['epsilon', params.epsilon === 0.001 ? null : String(params.epsilon)],
        ['center', params.center ? null : 'false'],
        ['scale', params.scale ? null : 'false'],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.LayerNormalization', [
        keyword('epsilon', pythonNumber(params.epsilon), params.epsilon === 0.001),
        keyword('center', pythonBool(false), params.center),
        keyword('scale', pythonBool(false), params.scale),
        `name=${context.name}`,
      ]),
    // nn.LayerNorm learns gamma and beta together, or neither.
    pytorch: (params, context) => {
      const features = lastDim(context.inputs[0] ?? []) ?? 0;
      const affine = params.center || params.scale;
      const notes =
        params.center !== params.scale
          ? ['PyTorch learns gamma and beta together: both here, where Keras learns only one.']
          : [];
      return {
        module: pythonCall('nn.LayerNorm', [
          String(features),
          `eps=${pythonNumber(params.epsilon)}`,
          keyword('elementwise_affine', pythonBool(false), affine),
        ]),
        forward: ([input = 'x']) => `${context.attribute}(${input})`,
        params: affine ? 2 * features : 0,
        notes,
        load: (arrays) => torchGammaBeta(params, context.attribute, arrays).lines,
      };
    },
  },
});
