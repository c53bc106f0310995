import { keyword, pythonBool, pythonCall, pythonString } from '../codegen/python.js';
import { torchActivation, torchInit } from '../codegen/torch.js';
import { quotedUnless, typescriptConfig } from '../codegen/typescript-literals.js';
import { formatShape, lastDim } from '../graph/shape.js';
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
  code: {
    typescript: (params, context) => {
      const features = lastDim(context.inputs[0] ?? []) ?? 0;
      return `tf.layers.dense(${typescriptConfig([
        ['units', String(params.units)],
        ['activation', quotedUnless(params.activation, 'linear')],
        ['useBias', params.use_bias ? null : 'false'],
        [
          'kernelInitializer',
          context.initializer(params.kernel_initializer, { index: 0, shape: [features, params.units] }),
        ],
        ['name', context.name],
      ])})`;
    },
    keras: (params, context) =>
      pythonCall('layers.Dense', [
        String(params.units),
        keyword('activation', pythonString(params.activation), params.activation === 'linear'),
        keyword('use_bias', pythonBool(false), params.use_bias),
        keyword(
          'kernel_initializer',
          pythonString(params.kernel_initializer),
          params.kernel_initializer === 'glorot_uniform',
        ),
        `name=${context.name}`,
      ]),
    pytorch: (params, context) => {
      const features = lastDim(context.inputs[0] ?? []) ?? 0;
      const attribute = context.attribute;
      return {
        // Like Keras' Dense, nn.Linear maps the last axis, whatever comes before it.
        module: pythonCall('nn.Linear', [
          String(features),
          String(params.units),
          keyword('bias', pythonBool(false), params.use_bias),
        ]),
        init: [
          torchInit(params.kernel_initializer, `${attribute}.weight`),
          ...(params.use_bias ? [`nn.init.zeros_(${attribute}.bias)`] : []),
        ],
        forward: ([input = 'x']) => torchActivation(params.activation, `${attribute}(${input})`),
        params: features * params.units + (params.use_bias ? params.units : 0),
      };
    },
  },
});
