/**
 * An imported model's weights: the manifest checked before any file is read (paths inside the
 * folder, float32 only, each weight once, a budget on their number), each weight matched to the
 * one LayerLab's layer makes (name and shape), then the files read and every value checked to be
 * a finite number. Reads nothing but its arguments, and the files only through the callback.
 */
import type { LayerNode } from '../graph/types.js';
import type { ManifestGroup } from './model-json.js';
import { formatDims, refusal } from '../layers/import-refusals.js';
import { plainWeightPath, weightPathProblem } from './weight-paths.js';
import type { LayerWeight } from '../layers/types.js';

/** One weight of the manifest, with where its values sit. */
export interface ManifestEntry {
  name: string;
  shape: number[];
  /** Number of float32 values. */
  size: number;
  /** Its group in the manifest, and its offset in bytes in the group's files joined end to end. */
  group: number;
  offset: number;
}

const bytesPerValue = 4;

/** Checks the manifest without reading a byte of weights: paths, dtypes, names, the budget. */
export function checkManifest(manifest: readonly ManifestGroup[], maxWeights: number): ManifestEntry[] {
  for (const group of manifest) {
    for (const path of group.paths) {
      const why = weightPathProblem(path);
      if (why !== null) throw refusal('weights.path', { path, why });
    }
  }
  const entries: ManifestEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  manifest.forEach((group, groupIndex) => {
    let offset = 0;
    for (const weight of group.weights) {
      if (weight.quantization !== undefined && weight.quantization !== null) {
        throw refusal('weights.quantized', { weight: weight.name });
      }
      const dtype = weight.dtype ?? 'float32';
      if (dtype !== 'float32') throw refusal('weights.dtype', { weight: weight.name, dtype });
      if (names.has(weight.name)) throw refusal('weights.duplicate', { weight: weight.name });
      names.add(weight.name);
      // A product of huge dimensions is Infinity at worst: still over the budget, nothing allocated.
      const size = weight.shape.reduce((product, dim) => product * dim, 1);
      total += size;
      if (total > maxWeights) throw refusal('weights.budget', { total: totalOf(manifest), limit: maxWeights });
      entries.push({ name: weight.name, shape: weight.shape, size, group: groupIndex, offset });
      offset += size * bytesPerValue;
    }
  });
  return entries;
}

/** The number of weights the whole manifest claims, for the budget's message. */
function totalOf(manifest: readonly ManifestGroup[]): number {
  let total = 0;
  for (const group of manifest) {
    for (const weight of group.weights) total += weight.shape.reduce((product, dim) => product * dim, 1);
  }
  return total;
}

/** `lstm/forward_lstm/lstm_cell/kernel:0` → layer `lstm`, direction forward, suffix `kernel`. */
function partsOf(name: string): { layer: string; direction: LayerWeight['direction']; suffix: string } {
  const segments = name.split('/');
  const suffix = (segments[segments.length - 1] ?? '').replace(/:\d+$/, '');
  const middle = segments.slice(1, -1);
  const direction = middle.some((segment) => segment.startsWith('forward'))
    ? 'forward'
    : middle.some((segment) => segment.startsWith('backward'))
      ? 'backward'
      : null;
  return { layer: segments.length > 1 ? (segments[0] ?? '') : '', direction, suffix };
}

const describe = (weight: LayerWeight) =>
  weight.direction === null ? weight.suffix : `${weight.direction} ${weight.suffix}`;

/**
 * For each weight LayerLab's model will hold (in its order), the manifest entry that fills it.
 * Refuses a missing weight, one of the wrong shape, and one no layer makes.
 */
export function matchWeights(
  entries: readonly ManifestEntry[],
  expected: readonly { node: LayerNode; weight: LayerWeight }[],
  layerNames: ReadonlySet<string>,
): ManifestEntry[] {
  const byLayer = new Map<string, { entry: ManifestEntry; parts: ReturnType<typeof partsOf> }[]>();
  for (const entry of entries) {
    const parts = partsOf(entry.name);
    if (!layerNames.has(parts.layer)) throw refusal('weights.orphan', { weight: entry.name });
    byLayer.set(parts.layer, [...(byLayer.get(parts.layer) ?? []), { entry, parts }]);
  }
  const matched: ManifestEntry[] = [];
  const used = new Set<ManifestEntry>();
  for (const { node, weight } of expected) {
    const candidates = (byLayer.get(node.name) ?? []).filter(({ entry }) => !used.has(entry));
    const fits = (suffix: string, direction: LayerWeight['direction']) =>
      suffix.replace(/_\d+$/, '') === weight.suffix && (weight.direction === null || direction === weight.direction);
    const found =
      candidates.find(({ parts }) => parts.suffix === weight.suffix && fits(parts.suffix, parts.direction)) ??
      candidates.find(({ parts }) => fits(parts.suffix, parts.direction));
    if (!found) {
      throw refusal('weights.missing', {
        layer: node.name,
        kind: node.kind,
        weight: describe(weight),
        shape: formatDims(weight.shape),
      });
    }
    if (found.entry.shape.join() !== weight.shape.join()) {
      throw refusal('weights.shape', {
        weight: found.entry.name,
        shape: formatDims(found.entry.shape),
        layer: node.name,
        expected: formatDims(weight.shape),
      });
    }
    used.add(found.entry);
    matched.push(found.entry);
  }
  const extra = entries.find((entry) => !used.has(entry));
  if (extra) {
    const layer = partsOf(extra.name).layer;
    const owner = expected.filter((slot) => slot.node.name === layer);
    const kind = owner[0]?.node.kind ?? 'layer without weights';
    const expectedList = owner.map((slot) => describe(slot.weight)).join(', ') || 'no weights';
    throw refusal('weights.unexpected', { weight: extra.name, layer, kind, expected: expectedList });
  }
  return matched;
}

/**
 * The values of `wanted` (manifest entries), read from the group files through `readWeightFile`:
 * each group's files must hold exactly its weights, and every value must be a finite number.
 */
export function readWeightValues(
  manifest: readonly ManifestGroup[],
  entries: readonly ManifestEntry[],
  wanted: readonly ManifestEntry[],
  readWeightFile: (path: string) => Uint8Array | null,
): Float32Array[] {
  const groups = manifest.map((group, index) => {
    const parts = group.paths.map((path) => {
      const bytes = readWeightFile(plainWeightPath(path));
      if (!bytes) throw refusal('weights.missing-file', { path });
      return bytes;
    });
    const length = parts.reduce((sum, part) => sum + part.byteLength, 0);
    const expected = entries
      .filter((entry) => entry.group === index)
      .reduce((sum, entry) => sum + entry.size * bytesPerValue, 0);
    if (length !== expected) {
      const paths = group.paths.map((path) => `'${path}'`).join(' + ') || '(none listed)';
      throw refusal('weights.length', { paths, bytes: length, expected });
    }
    return joined(parts, length);
  });
  return wanted.map((entry) => {
    const bytes = groups[entry.group];
    if (!bytes) throw refusal('weights.missing-file', { path: `group ${entry.group}` });
    const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, entry.size * bytesPerValue);
    const values = new Float32Array(entry.size);
    for (let index = 0; index < entry.size; index += 1) {
      const value = view.getFloat32(index * bytesPerValue, true);
      if (!Number.isFinite(value)) {
        throw refusal('weights.not-finite', { weight: entry.name, value: String(value), index });
      }
      values[index] = value;
    }
    return values;
  });
}

function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
