/** Layer names: the rule every name follows, and names LayerLab gives. Reads nothing but its arguments. */
import { layerRegistry, type LayerKind } from '../layers/registry.js';

/**
 * The one rule for a layer's name: tf.js' own (`isValidTensorName` in tfjs-layers: a letter or
 * digit, then letters, digits, `_`, `.`, `-` or `/`) without the `/`, which Keras refuses in a
 * layer name and which would make the Keras export fail, and at most 64 characters, as the
 * project format holds them. tf.js throws "Not a valid tensor name" on anything else, so a name
 * outside it is a problem on its layer (`graph.bad-name`), never a failed run.
 */
export const layerNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const maxLayerNameLength = 64;

/** `stem`, or `stem_1`, `stem_2`… : the first that is not taken. */
function firstFree(stem: string, used: ReadonlySet<string>): string {
  if (!used.has(stem)) return stem;
  for (let index = 1; ; index += 1) {
    const candidate = `${stem}_${index}`;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The next free Keras-style name for a layer of `kind`: `dense`, then `dense_1`, `dense_2`...
 * skipping any name already taken.
 */
export function nextLayerName(kind: LayerKind, taken: Iterable<string>): string {
  return firstFree(layerRegistry[kind].namePrefix, new Set(taken));
}

/**
 * A name that follows the rule, as close to `name` as it can be: accents dropped (`capa_ñ` →
 * `capa_n`), spaces made `_`, other characters left out, nothing before the first letter or
 * digit, room kept for a counter; the kind's prefix when nothing is left; numbered when taken.
 */
export function suggestLayerName(name: string, kind: LayerKind, taken: Iterable<string>): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, maxLayerNameLength - 8);
  return firstFree(cleaned === '' ? layerRegistry[kind].namePrefix : cleaned, new Set(taken));
}
