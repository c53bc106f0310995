import { keyword, pythonBool, pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { expectRank, expects, hints, ok } from './shape-rules.js';
import { tfInitializer } from './tf-config.js';
import { bool, int } from './params.js';
import { defineLayer, weightList } from './types.js';

export const embedding = defineLayer({
  kind: 'Embedding',
  category: 'core',
  description: {
    en: 'Turns each token index into a learned vector of numbers.',
    es: 'Convierte el índice de cada token en un vector de números aprendido.',
  },
  inputs: 'one',
  namePrefix: 'embedding',
  params: {
    input_dim: int({
      default: 1000,
      description: {
        en: 'Vocabulary size: token indices go from 0 to input_dim - 1.',
        es: 'Tamaño del vocabulario: los índices de tokens van de 0 a input_dim - 1.',
      },
    }),
    output_dim: int({
      default: 64,
      description: {
        en: 'Length of the vector learned for each token.',
        es: 'Longitud del vector que se aprende para cada token.',
      },
    }),
    mask_zero: bool({
      default: false,
      description: {
        en: 'Treat index 0 as padding that later layers skip.',
        es: 'Trata el índice 0 como relleno que las capas siguientes ignoran.',
      },
    }),
  },
  // The dtype of the indices (int32 expected) is the Input's business: the analyser warns.
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('Embedding', input, 2, expects.tokens, hints.toTokens);
    if (wrongRank) return wrongRank;
    return ok([input[0] ?? null, input[1] ?? null, params.output_dim]);
  },
  // One learned vector of output_dim values per token of the vocabulary.
  countParams: (_inputs, params) => params.input_dim * params.output_dim,
  build: (params, context) =>
    context.tf.layers.embedding({
      inputDim: params.input_dim,
      outputDim: params.output_dim,
      maskZero: params.mask_zero,
      // Keras' default 'uniform' is uniform in [-0.05, 0.05].
      embeddingsInitializer: tfInitializer(context.tf, 'random_uniform', context.nextSeed()),
      name: context.name,
    }),
  weights: (_inputs, params) => weightList([['embeddings', [params.input_dim, params.output_dim]]]),
  // With mask_zero, index 0 is padding: the layers after it skip those steps.
  carriesMask: (params) => params.mask_zero,
  // tf.js' WASM backend lacks UnsortedSegmentSum, the lookup's gradient: LayerLab registers its own
  // (training/fast-kernels.ts), so an Embedding trains on WASM.
  traits: { wholeNumbers: 'reads', readsIndices: true },
  examples: [{ label: 'Embedding', input: [6], dtype: 'int32', params: { input_dim: 20, output_dim: 4 } }],
  keras: {
    read(config) {
      config.fixedInitializer('embeddings_initializer', 'random_uniform');
      return {
        input_dim: config.required('input_dim'),
        output_dim: config.required('output_dim'),
        mask_zero: config.value('mask_zero'),
      };
    },
  },
  code: {
    typescript: (params, context) =>
      `tf.layers.embedding(${typescriptConfig([
        ['inputDim', String(params.input_dim)],
        ['outputDim', String(params.output_dim)],
        ['maskZero', params.mask_zero ? 'true' : null],
        [
          'embeddingsInitializer',
          context.initializer('random_uniform', { index: 0, shape: [params.input_dim, params.output_dim] }),
        ],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.Embedding', [
        String(params.input_dim),
        String(params.output_dim),
        keyword('mask_zero', pythonBool(true), !params.mask_zero),
        `name=${context.name}`,
      ]),
    pytorch: (params, context) => ({
      module: pythonCall('nn.Embedding', [String(params.input_dim), String(params.output_dim)]),
      // Keras' 'uniform' embeddings start in [-0.05, 0.05]; PyTorch's start standard normal.
      init: [`nn.init.uniform_(${context.attribute}.weight, a=-0.05, b=0.05)`],
      // nn.Embedding looks indices up as int64.
      forward: ([input = 'x']) => `${context.attribute}(${input}.long())`,
      params: params.input_dim * params.output_dim,
      load: ([embeddings = 'embeddings']) => [`${context.attribute}.weight.copy_(torch.from_numpy(${embeddings}))`],
      notes: params.mask_zero
        ? ['PyTorch layers carry no mask: with mask_zero=True Keras skips the padding steps, PyTorch sees them.']
        : [],
    }),
  },
});
