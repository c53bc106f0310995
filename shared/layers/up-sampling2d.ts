import { keyword, pythonCall, pythonString, pythonTuple } from '../vocabulary/python.js';
import { channelsFirst, channelsLast } from './spellings.js';
import { typescriptConfig, typescriptNumbers, typescriptString } from '../vocabulary/typescript-literals.js';
import { expectRank, expects, hints, ok } from './shape-rules.js';
import { pair } from './tf-config.js';
import { choice, ints } from './params.js';
import { defineLayer } from './types.js';
import { keepsChannelsLast, kerasPair } from './keras-config.js';

export const upSampling2d = defineLayer({
  kind: 'UpSampling2D',
  category: 'convolutional',
  description: {
    en: 'Enlarges an image by repeating or interpolating its pixels; it learns nothing.',
    es: 'Agranda una imagen repitiendo o interpolando sus píxeles; no aprende nada.',
  },
  inputs: 'one',
  namePrefix: 'up_sampling2d',
  params: {
    size: ints({
      length: 2,
      default: [2, 2],
      description: {
        en: 'How many times larger the height and the width become.',
        es: 'Cuántas veces se multiplican el alto y el ancho.',
      },
    }),
    interpolation: choice({
      options: ['nearest', 'bilinear'],
      default: 'nearest',
      description: {
        en: '"nearest" copies each pixel; "bilinear" blends neighbouring pixels smoothly.',
        es: '"nearest" copia cada píxel; "bilinear" mezcla suavemente los píxeles vecinos.',
      },
    }),
  },
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('UpSampling2D', input, 4, expects.image, hints.toImage);
    if (wrongRank) return wrongRank;
    const [rows, columns] = pair(params.size);
    const height = input[1] ?? null;
    const width = input[2] ?? null;
    return ok([
      input[0] ?? null,
      height === null ? null : height * rows,
      width === null ? null : width * columns,
      input[3] ?? null,
    ]);
  },
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.upSampling2d({
      size: pair(params.size),
      interpolation: params.interpolation,
      name: context.name,
    }),
  traits: { wholeNumbers: 'moves' },
  examples: [
    { label: 'UpSampling2D', input: [3, 3, 2] },
    { label: 'UpSampling2D bilinear', input: [3, 3, 2], params: { size: [2, 3], interpolation: 'bilinear' } },
  ],
  keras: {
    read(config) {
      keepsChannelsLast(config);
      return { size: kerasPair(config.value('size')), interpolation: config.text('interpolation') };
    },
  },
  code: {
    typescript: (params, context) =>
      `tf.layers.upSampling2d(${typescriptConfig([
        ['size', typescriptNumbers(params.size)],
        ['interpolation', params.interpolation === 'nearest' ? null : typescriptString(params.interpolation)],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.UpSampling2D', [
        keyword(
          'size',
          pythonTuple(params.size),
          params.size.every((size) => size === 2),
        ),
        keyword('interpolation', pythonString(params.interpolation), params.interpolation === 'nearest'),
        `name=${context.name}`,
      ]),
    pytorch: (params, context) => ({
      module: pythonCall('nn.Upsample', [
        `scale_factor=${pythonTuple(params.size)}`,
        `mode=${pythonString(params.interpolation)}`,
        // Keras' (TensorFlow 2's) bilinear resize samples pixel centres, as align_corners=False does.
        params.interpolation === 'bilinear' ? 'align_corners=False' : null,
      ]),
      forward: ([input = 'x']) => `${context.attribute}(${input}${channelsFirst[2]})${channelsLast[2]}`,
      params: 0,
    }),
  },
});
