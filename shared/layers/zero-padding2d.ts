/** ZeroPadding2D: rows and columns of zeros around an image, as MobileNet adds before a strided convolution. */
import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { ints } from './params.js';
import { expectRank, expects, hints, ok } from './shape-rules.js';
import { defineLayer } from './types.js';
import { keepsChannelsLast } from './keras-config.js';
import { edgePairs, pythonEdges, readEdges, typescriptEdges } from './image-edges.js';

const grown = (size: number | null, before: number, after: number) => (size === null ? null : size + before + after);

export const zeroPadding2d = defineLayer({
  kind: 'ZeroPadding2D',
  category: 'convolutional',
  description: {
    en: 'Adds rows and columns of zeros around an image, so a convolution can reach its edges.',
    es: 'Añade filas y columnas de ceros alrededor de una imagen, para que una convolución llegue a sus bordes.',
  },
  inputs: 'one',
  namePrefix: 'zero_padding2d',
  params: {
    padding: ints({
      length: 4,
      default: [1, 1, 1, 1],
      min: 0,
      max: 10_000,
      description: {
        en: 'Rows of zeros added at the top and bottom, then columns at the left and right.',
        es: 'Filas de ceros añadidas arriba y abajo, luego columnas a la izquierda y a la derecha.',
      },
    }),
  },
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('ZeroPadding2D', input, 4, expects.image, hints.toImage);
    if (wrongRank) return wrongRank;
    const [[top, bottom], [left, right]] = edgePairs(params.padding);
    return ok([
      input[0] ?? null,
      grown(input[1] ?? null, top, bottom),
      grown(input[2] ?? null, left, right),
      input[3] ?? null,
    ]);
  },
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.zeroPadding2d({
      padding: edgePairs(params.padding).map((pair) => [...pair]) as [[number, number], [number, number]],
      name: context.name,
    }),
  examples: [
    { label: 'ZeroPadding2D', input: [4, 4, 3] },
    { label: 'ZeroPadding2D, MobileNet’s', input: [5, 5, 2], params: { padding: [0, 1, 0, 1] } },
  ],
  keras: {
    read(config) {
      keepsChannelsLast(config);
      return { padding: readEdges(config, 'padding') };
    },
  },
  code: {
    typescript: (params, context) =>
      `tf.layers.zeroPadding2d(${typescriptConfig([
        ['padding', typescriptEdges(params.padding)],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.ZeroPadding2D', [`padding=${pythonEdges(params.padding)}`, `name=${context.name}`]),
    // Channels-last (batch, height, width, channels): F.pad names the last axis first.
    pytorch: (params) => {
      const [[top, bottom], [left, right]] = edgePairs(params.padding);
      return {
        module: null,
        forward: ([input = 'x']) => `F.pad(${input}, (0, 0, ${left}, ${right}, ${top}, ${bottom}))`,
        params: 0,
      };
    },
  },
});
