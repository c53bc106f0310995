import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { expectAllKnown, expectRank, expects, hints, ok, product } from './shape-rules.js';
import { defineLayer } from './types.js';
import { keepsChannelsLast } from './keras-config.js';

export const flatten = defineLayer({
  kind: 'Flatten',
  category: 'core',
  description: {
    en: 'Lays all the values of each sample out in one long row; it learns nothing.',
    es: 'Pone todos los valores de cada muestra en una sola fila larga; no aprende nada.',
  },
  inputs: 'one',
  namePrefix: 'flatten',
  params: {},
  inferShape: ([input = []]) => {
    if (input.length < 2) {
      const wrongRank = expectRank('Flatten', input, 2, expects.atLeastVector, hints.none);
      if (wrongRank) return wrongRank;
    }
    const unknown = expectAllKnown('Flatten', input);
    if (unknown) return unknown;
    return ok([input[0] ?? null, product(input.slice(1))]);
  },
  countParams: () => 0,
  build: (_params, context) => {
    const layer = context.tf.layers.flatten({ name: context.name });
    // tf.js' Flatten asks for rank 3 or more; Keras' also takes (batch, features), and leaves it
    // as it is. tf.js' reshape does that too, so only the check needs relaxing.
    if (context.inputs[0]?.length === 2) layer.inputSpec = [{ minNDim: 2 }];
    return layer;
  },
  traits: { wholeNumbers: 'moves', passesValuesOn: true },
  examples: [
    { label: 'Flatten of a sequence', input: [3, 8] },
    { label: 'Flatten of a vector', input: [8] },
    { label: 'Flatten of an image', input: [4, 5, 3] },
  ],
  keras: {
    read(config) {
      keepsChannelsLast(config);
      return {};
    },
  },
  code: {
    typescript: (_params, context) => {
      const input = context.inputs[0] ?? [];
      if (input.length !== 2) return `tf.layers.flatten(${typescriptConfig([['name', context.name]])})`;
      // tf.js' Flatten asks for 3 axes or more; Keras' leaves (batch, features) as it is, as this does.
      return `tf.layers.reshape(${typescriptConfig([
        ['targetShape', `[${input[1] ?? -1}]`],
        ['name', context.name],
      ])})`;
    },
    keras: (_params, context) => pythonCall('layers.Flatten', [`name=${context.name}`]),
    pytorch: (_params, context) => ({
      module: null,
      forward: ([input = 'x']) => `torch.flatten(${input}, start_dim=1)`,
      params: 0,
      notes:
        (context.inputs[0]?.length ?? 0) >= 4
          ? ["The tensor is channels-last here, as in Keras, so the values line up in Keras' order."]
          : [],
    }),
  },
});
