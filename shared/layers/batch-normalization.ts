import { keyword, pythonBool, pythonCall, pythonNumber } from '../vocabulary/python.js';
import { thousands } from '../vocabulary/code-text.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { expectKnown, expects, expectRank, hints, ok } from './shape-rules.js';
import { float } from './params.js';
import { normalizationCommon } from './common.js';
import { torchGammaBeta } from './spellings.js';
import { defineLayer, passesMask, weightList } from './types.js';
import { lastDim } from '../vocabulary/shape.js';

import { normalizedAxis } from './keras-config.js';

export const batchNormalization = defineLayer({
  kind: 'BatchNormalization',
  category: 'regularisation',
  description: {
    en: 'Rescales each feature to mean 0 and variance 1, which steadies and speeds up training.',
    es: 'Reescala cada característica a media 0 y varianza 1, lo que estabiliza y acelera el entrenamiento.',
  },
  inputs: 'one',
  namePrefix: 'batch_normalization',
  params: {
    momentum: float({
      default: 0.99,
      min: 0,
      max: 1,
      description: {
        en: 'How slowly the running mean and variance used for prediction follow each batch.',
        es: 'Con qué lentitud siguen a cada lote la media y la varianza acumuladas que se usan al predecir.',
      },
    }),
    ...normalizationCommon(),
  },
  // Normalises each feature of the last axis, which must be known for the per-feature weights.
  inferShape: ([input = []]) => {
    if (input.length < 2) {
      const wrongRank = expectRank('BatchNormalization', input, 2, expects.atLeastVector, hints.none);
      if (wrongRank) return wrongRank;
    }
    const unknown = expectKnown('BatchNormalization', input, [input.length - 1]);
    if (unknown) return unknown;
    return ok(input);
  },
  // Per feature: gamma (if scale) and beta (if center), learned; moving mean and variance, not.
  countParams: ([input = []], params) => {
    const features = input[input.length - 1] ?? 0;
    return features * (2 + (params.scale ? 1 : 0) + (params.center ? 1 : 0));
  },
  build: (params, context) =>
    context.tf.layers.batchNormalization({
      axis: -1,
      momentum: params.momentum,
      epsilon: params.epsilon,
      center: params.center,
      scale: params.scale,
      name: context.name,
    }),
  weights: ([input = []], params) => {
    const last = lastDim(input) ?? 0;
    return [
      ...weightList([params.scale ? ['gamma', [last]] : null, params.center ? ['beta', [last]] : null]),
      ...weightList(
        [
          ['moving_mean', [last]],
          ['moving_variance', [last]],
        ],
        false,
      ),
    ];
  },
  carriesMask: passesMask,
  examples: [
    { label: 'BatchNormalization', input: [8] },
    { label: 'BatchNormalization of an image, no scale', input: [4, 4, 3], params: { scale: false, momentum: 0.9 } },
  ],
  keras: {
    read(config) {
      config.fixedInitializer('beta_initializer', 'zeros');
      config.fixedInitializer('gamma_initializer', 'ones');
      config.fixedInitializer('moving_mean_initializer', 'zeros');
      config.fixedInitializer('moving_variance_initializer', 'ones');
      return {
        momentum: config.value('momentum'),
        epsilon: config.value('epsilon'),
        center: config.value('center'),
        scale: config.value('scale'),
        // Checked once the input's rank is known: LayerLab normalizes the last axis only.
        [normalizedAxis]: config.value('axis'),
      };
    },
  },
  code: {
    typescript: (params, context) =>
      `tf.layers.batchNormalization(${typescriptConfig([
        ['momentum', params.momentum === 0.99 ? null : String(params.momentum)],
        ['epsilon', params.epsilon === 0.001 ? null : String(params.epsilon)],
        ['center', params.center ? null : 'false'],
        ['scale', params.scale ? null : 'false'],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.BatchNormalization', [
        keyword('momentum', pythonNumber(params.momentum), params.momentum === 0.99),
        keyword('epsilon', pythonNumber(params.epsilon), params.epsilon === 0.001),
        keyword('center', pythonBool(false), params.center),
        keyword('scale', pythonBool(false), params.scale),
        `name=${context.name}`,
      ]),
    pytorch: (params, context) => {
      const input = context.inputs[0] ?? [];
      const features = input[input.length - 1] ?? 0;
      const rank = input.length;
      // BatchNorm1d takes (batch, features) or (batch, features, steps); 2d and 3d add axes.
      const dims = Math.max(1, rank - 2);
      const affine = params.center || params.scale;
      const torchCount = affine ? 2 * features : 0;
      const keras = context.inputs.length > 0 ? features * (2 + Number(params.scale) + Number(params.center)) : 0;
      const notes = [
        `PyTorch keeps the moving mean and variance as buffers, not parameters: ${thousands(keras)} in Keras, ${thousands(torchCount)} here.`,
        "PyTorch's momentum weighs the new batch: 1 - Keras' momentum.",
      ];
      if (params.center !== params.scale) {
        notes.push('PyTorch learns gamma and beta together: both here, where Keras learns only one.');
      }
      // Channels-last in, channels-first for PyTorch, then back.
      const first =
        rank <= 2
          ? ''
          : `.permute(0, ${rank - 1}, ${Array.from({ length: rank - 2 }, (_, axis) => axis + 1).join(', ')})`;
      const last =
        rank <= 2 ? '' : `.permute(0, ${Array.from({ length: rank - 2 }, (_, axis) => axis + 2).join(', ')}, 1)`;
      return {
        module: pythonCall(`nn.BatchNorm${dims}d`, [
          String(features),
          keyword('eps', pythonNumber(params.epsilon), params.epsilon === 1e-5),
          `momentum=${pythonNumber(Math.round((1 - params.momentum) * 1e9) / 1e9)}`,
          keyword('affine', pythonBool(false), affine),
        ]),
        forward: ([tensor = 'x']) => `${context.attribute}(${tensor}${first})${last}`,
        params: torchCount,
        notes,
        // Keras' order: gamma (if scale), beta (if center), then the moving mean and variance.
        // Without one of gamma and beta, PyTorch's affine layer keeps it at 1 or 0.
        load: (arrays) => {
          const { lines, rest } = torchGammaBeta(params, context.attribute, arrays);
          const [mean = 'mean', variance = 'variance'] = rest;
          return [
            ...lines,
            `${context.attribute}.running_mean.copy_(torch.from_numpy(${mean}))`,
            `${context.attribute}.running_var.copy_(torch.from_numpy(${variance}))`,
          ];
        },
      };
    },
  },
});
