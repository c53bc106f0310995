/** Layer names the way Keras gives them. Reads nothing but its arguments. */
import { layerRegistry, type LayerKind } from '../layers/registry.js';

/**
 * The next free Keras-style name for a layer of `kind`: `dense`, then `dense_1`, `dense_2`...
 * skipping any name already taken.
 */
export function nextLayerName(kind: LayerKind, taken: Iterable<string>): string {
  const prefix = layerRegistry[kind].namePrefix;
  const used = new Set(taken);
  if (!used.has(prefix)) return prefix;
  for (let index = 1; ; index += 1) {
    const candidate = `${prefix}_${index}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Layer names become Python and TypeScript identifiers' labels: keep them to a safe alphabet. */
export const layerNamePattern = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
