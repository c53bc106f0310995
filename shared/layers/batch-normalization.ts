import { expectKnown, expects, expectRank, hints, ok } from './shape-rules.js';
import { bool, float } from './params.js';
import { defineLayer } from './types.js';

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
    epsilon: float({
      default: 0.001,
      min: 0,
      max: 1,
      minExclusive: true,
      description: {
        en: 'Small number added to the variance so it never divides by zero.',
        es: 'Número pequeño que se suma a la varianza para no dividir nunca entre cero.',
      },
    }),
    center: bool({
      default: true,
      description: {
        en: 'Learn an offset (beta) added after normalising.',
        es: 'Aprende un desplazamiento (beta) que se suma tras normalizar.',
      },
    }),
    scale: bool({
      default: true,
      description: {
        en: 'Learn a factor (gamma) the normalised values are multiplied by.',
        es: 'Aprende un factor (gamma) por el que se multiplican los valores normalizados.',
      },
    }),
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
});
