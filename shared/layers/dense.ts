import { formatShape } from '../graph/shape.js';
import { expectKnown, fail, hints, expects, ok } from './shape-rules.js';
import { tfInitializer } from './tf-config.js';
import { activation, kernelInitializer, useBias } from './common.js';
import { int } from './params.js';
import { defineLayer } from './types.js';

export const dense = defineLayer({
  kind: 'Dense',
  category: 'core',
  description: {
    en: 'Fully connected layer: every output sees every input feature.',
    es: 'Capa totalmente conectada: cada salida ve todas las características de entrada.',
  },
  inputs: 'one',
  namePrefix: 'dense',
  params: {
    units: int({
      default: 32,
      description: { en: 'Number of outputs.', es: 'Número de salidas.' },
    }),
    activation: activation('linear'),
    use_bias: useBias(),
    kernel_initializer: kernelInitializer(),
  },
  inferShape: ([input = []], params) => {
    if (input.length < 2) {
      return fail({
        code: 'shape.wrong-rank',
        values: {
          kind: 'Dense',
          shape: formatShape(input),
          expectedEn: expects.atLeastVector.en,
          expectedEs: expects.atLeastVector.es,
          hintEn: hints.none.en,
          hintEs: hints.none.es,
        },
      });
    }
    const unknown = expectKnown('Dense', input, [input.length - 1]);
    if (unknown) return unknown;
    const warnings = [];
    // On an image-like tensor, Dense maps each pixel's channels: legal, rarely what was meant.
    if (input.length >= 4) {
      warnings.push({
        code: 'warn.dense-on-grid' as const,
        values: { shape: formatShape(input), grid: input.slice(1, -1).join('×') },
        fix: { kind: 'insert-before' as const, layerKind: 'Flatten' as const },
      });
    }
    if (params.activation === 'softmax' && params.units === 1) {
      warnings.push({
        code: 'warn.softmax-one-unit' as const,
        param: 'activation',
        fix: { kind: 'set-param' as const, param: 'activation', value: 'sigmoid' },
      });
    }
    return ok([...input.slice(0, -1), params.units], warnings);
  },
  countParams: ([input = []], params) => {
    const features = input[input.length - 1] ?? 0;
    return features * params.units + (params.use_bias ? params.units : 0);
  },
  build: (params, context) =>
    context.tf.layers.dense({
      units: params.units,
      activation: params.activation,
      useBias: params.use_bias,
      kernelInitializer: tfInitializer(context.tf, params.kernel_initializer, context.nextSeed()),
      biasInitializer: 'zeros',
      name: context.name,
    }),
});
