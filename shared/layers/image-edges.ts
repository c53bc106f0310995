/**
 * What ZeroPadding2D and Cropping2D share: their four edges, [top, bottom, left, right], read from
 * any of Keras' three spellings and written back as Keras and tf.js write them.
 */
import { refusal } from './import-refusals.js';
import type { LayerConfig } from './keras-config.js';

/**
 * Keras' `padding` or `cropping`: one number for every edge, a pair (rows, columns), or
 * ((top, bottom), (left, right)). Anything else is handed on for the schema to refuse.
 */
export function readEdges(config: LayerConfig, key: string): unknown {
  const value = config.value(key);
  if (typeof value === 'number') return [value, value, value, value];
  if (!Array.isArray(value) || value.length !== 2) return value;
  const [rows, columns] = value as unknown[];
  if (typeof rows === 'number' && typeof columns === 'number') return [rows, rows, columns, columns];
  if (Array.isArray(rows) && Array.isArray(columns) && rows.length === 2 && columns.length === 2) {
    return [...(rows as unknown[]), ...(columns as unknown[])];
  }
  throw refusal('layer.bad-param', {
    layer: config.layer,
    className: config.className,
    param: key,
    value,
    allowed: 'a number, a pair, or ((top, bottom), (left, right))',
  });
}

/** [[top, bottom], [left, right]], as tf.js and Keras take it. */
export const edgePairs = ([top = 0, bottom = 0, left = 0, right = 0]: readonly number[]) =>
  [
    [top, bottom],
    [left, right],
  ] as const;

/** Keras' tuple of pairs: `((1, 1), (2, 2))`. */
export const pythonEdges = (edges: readonly number[]) =>
  `(${edgePairs(edges)
    .map(([a, b]) => `(${a}, ${b})`)
    .join(', ')})`;

/** tf.js' array of pairs: `[[1, 1], [2, 2]]`. */
export const typescriptEdges = (edges: readonly number[]) =>
  `[${edgePairs(edges)
    .map(([a, b]) => `[${a}, ${b}]`)
    .join(', ')}]`;
