import { keyword, pythonBool, pythonCall, pythonNumber, pythonString } from '../vocabulary/python.js';
import { torchActivation, torchInit } from './spellings.js';
import { quotedUnless, typescriptConfig } from '../vocabulary/typescript-literals.js';
import { formatShape, lastDim } from '../vocabulary/shape.js';
import { expectKnown, fail, hints, expects, ok } from './shape-rules.js';
import { tfInitializer } from './tf-config.js';
import { activation, kernelInitializer, useBias } from './common.js';
import { float, int } from './params.js';
import { defineLayer, passesMask, weightList } from './types.js';

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
    kernel_l2: float({
      default: 0,
      min: 0,
      max: 1,
      description: {
        en: 'L2 penalty on the weights, as Keras’ kernel_regularizer=l2(…): this times the sum of the squared weights is added to the loss, which keeps weights small and curbs overfitting. 0 for none.',
        es: 'Penalización L2 de los pesos, como kernel_regularizer=l2(…) de Keras: este número por la suma de los pesos al cuadrado se suma a la pérdida, lo que mantiene los pesos pequeños y frena el sobreajuste. 0 para ninguna.',
      },
    }),
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
      ...(params.kernel_l2 > 0 ? { kernelRegularizer: context.tf.regularizers.l2({ l2: params.kernel_l2 }) } : {}),
      name: context.name,
    }),
  weights: ([input = []], params) =>
    weightList([['kernel', [lastDim(input) ?? 0, params.units]], params.use_bias ? ['bias', [params.units]] : null]),
  carriesMask: passesMask,
  // It casts whole numbers to float32, as Keras' Dense does.
  traits: { wholeNumbers: 'reads' },
  examples: [
    { label: 'Dense', input: [8], params: { units: 4, activation: 'relu' } },
    {
      label: 'Dense on a sequence, orthogonal kernel',
      input: [3, 8],
      params: { units: 5, kernel_initializer: 'orthogonal' },
    },
  ],
  keras: {
    read(config) {
      config.fixedInitializer('bias_initializer', 'zeros');
      return {
        units: config.required('units'),
        activation: config.text('activation'),
        use_bias: config.value('use_bias'),
        kernel_initializer: config.initializer('kernel_initializer'),
      };
    },
  },
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
        ['kernelRegularizer', params.kernel_l2 > 0 ? `tf.regularizers.l2({ l2: ${params.kernel_l2} })` : null],
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
        keyword(
          'kernel_regularizer',
          `keras.regularizers.l2(${pythonNumber(params.kernel_l2)})`,
          params.kernel_l2 === 0,
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
        // Keras keeps the kernel as (inputs, units); nn.Linear's weight is (units, inputs).
        load: ([kernel = 'kernel', bias = 'bias']) => [
          `${attribute}.weight.copy_(torch.from_numpy(np.ascontiguousarray(${kernel}.T)))`,
          ...(params.use_bias ? [`${attribute}.bias.copy_(torch.from_numpy(${bias}))`] : []),
        ],
        ...(params.kernel_l2 > 0
          ? { penalty: [`${pythonNumber(params.kernel_l2)} * ${attribute}.weight.pow(2).sum()`] }
          : {}),
      };
    },
  },
});
