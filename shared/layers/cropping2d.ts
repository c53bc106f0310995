/** Cropping2D: rows and columns cut off the edges of an image. */
import { pythonCall } from '../vocabulary/python.js';
import { typescriptConfig } from '../vocabulary/typescript-literals.js';
import { formatShape } from '../vocabulary/shape.js';
import { ints } from './params.js';
import { expectRank, expects, fail, hints, ok } from './shape-rules.js';
import { defineLayer } from './types.js';
import { keepsChannelsLast } from './keras-config.js';
import { edgePairs, pythonEdges, readEdges, typescriptEdges } from './image-edges.js';

const cut = (size: number | null, before: number, after: number) => (size === null ? null : size - before - after);

export const cropping2d = defineLayer({
  kind: 'Cropping2D',
  category: 'convolutional',
  description: {
    en: 'Cuts rows and columns off the edges of an image, keeping its middle.',
    es: 'Recorta filas y columnas de los bordes de una imagen, quedándose con el centro.',
  },
  inputs: 'one',
  namePrefix: 'cropping2d',
  params: {
    cropping: ints({
      length: 4,
      default: [0, 0, 0, 0],
      min: 0,
      max: 10_000,
      description: {
        en: 'Rows cut at the top and bottom, then columns at the left and right.',
        es: 'Filas recortadas arriba y abajo, luego columnas a la izquierda y a la derecha.',
      },
    }),
  },
  inferShape: ([input = []], params) => {
    const wrongRank = expectRank('Cropping2D', input, 4, expects.image, hints.toImage);
    if (wrongRank) return wrongRank;
    const [[top, bottom], [left, right]] = edgePairs(params.cropping);
    const shape = [
      input[0] ?? null,
      cut(input[1] ?? null, top, bottom),
      cut(input[2] ?? null, left, right),
      input[3] ?? null,
    ];
    if (shape.some((size) => size !== null && size <= 0)) {
      return fail({ code: 'shape.zero-size', values: { shape: formatShape(shape) } });
    }
    return ok(shape);
  },
  countParams: () => 0,
  build: (params, context) =>
    context.tf.layers.cropping2D({
      cropping: edgePairs(params.cropping).map((pair) => [...pair]) as [[number, number], [number, number]],
      name: context.name,
    }),
  examples: [
    { label: 'Cropping2D', input: [4, 4, 3], params: { cropping: [1, 1, 1, 1] } },
    { label: 'Cropping2D, uneven', input: [6, 5, 2], params: { cropping: [2, 0, 1, 3] } },
  ],
  keras: {
    read(config) {
      keepsChannelsLast(config);
      return { cropping: readEdges(config, 'cropping') };
    },
  },
  code: {
    typescript: (params, context) =>
      `tf.layers.cropping2D(${typescriptConfig([
        ['cropping', typescriptEdges(params.cropping)],
        ['name', context.name],
      ])})`,
    keras: (params, context) =>
      pythonCall('layers.Cropping2D', [`cropping=${pythonEdges(params.cropping)}`, `name=${context.name}`]),
    // Channels-last (batch, height, width, channels): a slice of rows and columns.
    pytorch: (params, context) => {
      const [[top, bottom], [left, right]] = edgePairs(params.cropping);
      const [, height = 0, width = 0] = context.inputs[0] ?? [];
      return {
        module: null,
        forward: ([input = 'x']) => `${input}[:, ${top}:${(height ?? 0) - bottom}, ${left}:${(width ?? 0) - right}, :]`,
        params: 0,
      };
    },
  },
});
