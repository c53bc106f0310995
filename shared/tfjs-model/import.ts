/**
 * Importing a tf.js layers model (`model.json` and its weight files) onto the canvas. Everything
 * is checked before anything is built: the file's shape, its format, each layer's class and
 * settings, the weight paths, dtypes and a budget on their number; then the graph is drawn, laid
 * out and analysed, each weight matched to its layer, and only then are the weight files read and
 * every value checked. Reads nothing but its arguments and, through `readWeightFile`, the files
 * the manifest names. Never throws: a refusal is a message naming what is wrong.
 */
import type { z } from 'zod';
import { analyzeGraph } from '../graph/analyze.js';
import { layoutGraph } from '../graph/layout.js';
import { describeProblem } from '../vocabulary/problems.js';
import type { Graph, LayerNode, Wire } from '../graph/types.js';
import { describePath, findRefusedKey } from '../vocabulary/safe-json.js';
import { encodeWeights, maxTrainedValues, type Trained } from '../vocabulary/weights.js';
import { modelJsonSchema, layersModelFormat } from './model-json.js';
import { ImportRefusal, refusal, type ImportRefusalCode } from '../layers/import-refusals.js';
import { readTopology, type DraftLayer, type Topology } from './topology.js';
import { checkManifest, matchWeights, readWeightValues } from './weight-data.js';
import { graphWeights } from '../graph/weight-order.js';

export { importRefusals, type ImportRefusalCode } from '../layers/import-refusals.js';

export interface ImportOptions {
  /** Most weights (values) accepted, counted from the manifest before any file is read. */
  maxWeights?: number;
}

export type ImportResult =
  | {
      ok: true;
      graph: Graph;
      /** The weights, in `model.getWeights()` order for `graph`, as a project keeps them. */
      trained: Trained;
      /** The model's own name, when the file gives one. */
      modelName: string | null;
      /** What was ignored or changed on the way (initialisers, regularisers...), one line each. */
      warnings: string[];
    }
  | { ok: false; code: ImportRefusalCode; message: string };

/** What an imported project says trained its weights: not LayerLab, so no backend of its own. */
export const importedBackend = 'imported';

function describeIssue(error: z.ZodError): { path: string; problem: string } {
  const issue = error.issues[0];
  return { path: describePath(issue?.path ?? []), problem: issue?.message ?? 'invalid' };
}

/** The graph of `topology`: nodes named (and identified) by the model's layer names, wires in inbound order. */
function buildGraph(topology: Topology): Graph {
  // Inputs first, in the model's order: LayerLab's model takes its inputs in node order.
  const inputs = [...new Set(topology.inputs)].flatMap((name) =>
    topology.layers.filter((layer) => layer.name === name),
  );
  const rest = topology.layers.filter((layer) => !topology.inputs.includes(layer.name));
  const nodes = [...inputs, ...rest].map(
    (layer: DraftLayer) =>
      ({
        id: layer.name,
        kind: layer.kind,
        name: layer.name,
        params: layer.params,
        position: { x: 0, y: 0 },
      }) as LayerNode,
  );
  const wires: Wire[] = [];
  const ids = new Set<string>();
  for (const layer of topology.layers) {
    for (const source of layer.inbound) {
      let id = `${source}->${layer.name}`;
      for (let copy = 2; ids.has(id); copy += 1) id = `${source}->${layer.name}#${copy}`;
      ids.add(id);
      wires.push({ id, source, target: layer.name });
    }
  }
  const positions = layoutGraph({ nodes, wires });
  return { nodes: nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })), wires };
}

/** The same names in any order. */
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((name) => b.includes(name));
const listed = (names: readonly string[]) => names.map((name) => `'${name}'`).join(', ') || 'none';

/** Refuses a graph with errors, and a model whose inputs or outputs LayerLab would take otherwise. */
function checkGraph(graph: Graph, topology: Topology, warnings: string[]) {
  const analysis = analyzeGraph(graph);
  if (analysis.errorCount > 0) {
    const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
    const lines = analysis.problems
      .filter((found) => found.severity === 'error')
      .map(
        (found) =>
          `${found.nodeId === null ? 'network' : (names.get(found.nodeId) ?? found.nodeId)}: ${describeProblem(found, 'en')}`,
      )
      .join('; ');
    throw refusal('graph.errors', { lines });
  }
  if (!sameSet(analysis.inputs, topology.inputs)) {
    throw refusal('topology.ends', {
      which: 'inputs',
      listed: listed(topology.inputs),
      found: listed(analysis.inputs),
    });
  }
  if (!sameSet(analysis.outputs, topology.outputs)) {
    throw refusal('topology.ends', {
      which: 'outputs',
      listed: listed(topology.outputs),
      found: listed(analysis.outputs),
    });
  }
  if (analysis.outputs.join('\n') !== topology.outputs.join('\n')) {
    warnings.push(
      `LayerLab gives the outputs in the order ${listed(analysis.outputs)} (the file: ${listed(topology.outputs)})`,
    );
  }
  for (const layer of topology.layers) {
    if (layer.normalizedAxis === undefined) continue;
    const source = layer.inbound[0];
    const rank = (source === undefined ? undefined : analysis.nodes.get(source)?.shape?.length) ?? 0;
    const axis =
      Array.isArray(layer.normalizedAxis) && layer.normalizedAxis.length === 1
        ? layer.normalizedAxis[0]
        : layer.normalizedAxis;
    if (axis !== -1 && axis !== rank - 1) {
      throw refusal('layer.unsupported', {
        layer: layer.name,
        className: layer.className,
        key: 'axis',
        value: layer.normalizedAxis,
        why: 'LayerLab normalises the last axis (-1)',
      });
    }
  }
  return analysis;
}

function importChecked(
  modelJson: unknown,
  readWeightFile: (path: string) => Uint8Array | null,
  options: ImportOptions,
): ImportResult {
  const refused = findRefusedKey(modelJson);
  if (refused) {
    throw refusal('json.refused-key', {
      path: describePath(refused.slice(0, -1)),
      key: String(refused[refused.length - 1]),
    });
  }
  const parsed = modelJsonSchema.safeParse(modelJson);
  if (!parsed.success) throw refusal('json.shape', describeIssue(parsed.error));
  const file = parsed.data;
  if (file.format !== undefined && file.format !== layersModelFormat) {
    throw refusal('format.not-layers-model', { format: file.format });
  }
  const manifest = file.weightsManifest ?? [];
  const entries = checkManifest(manifest, options.maxWeights ?? maxTrainedValues);

  const warnings: string[] = [];
  const topology = readTopology(file.modelTopology, warnings);
  const graph = buildGraph(topology);
  const analysis = checkGraph(graph, topology, warnings);

  const expected = graphWeights(graph, analysis);
  const matched = matchWeights(entries, expected, new Set(graph.nodes.map((node) => node.name)));
  const values = readWeightValues(manifest, entries, matched, readWeightFile);
  const weights = encodeWeights(
    values.map((data, index) => ({ shape: expected[index]?.weight.shape ?? [], values: data })),
  );
  return {
    ok: true,
    graph,
    trained: { weights, epochs: 0, logs: {}, backend: importedBackend },
    modelName: topology.name,
    warnings,
  };
}

/**
 * A LayerLab graph and its trained weights from a tf.js layers model: `modelJson` is the parsed
 * model.json (its size and depth bounded by the caller), `readWeightFile` gives the bytes of a
 * weight file named in its manifest (already checked to be a plain relative path), or null when
 * there is none. Returns the graph laid out, with its weights in `model.getWeights()` order, or
 * the reason it is refused.
 */
export function importTfjsModel(
  modelJson: unknown,
  readWeightFile: (path: string) => Uint8Array | null,
  options: ImportOptions = {},
): ImportResult {
  try {
    return importChecked(modelJson, readWeightFile, options);
  } catch (thrown) {
    if (thrown instanceof ImportRefusal) return { ok: false, code: thrown.code, message: thrown.message };
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    const internal = refusal('internal', { detail });
    return { ok: false, code: internal.code, message: internal.message };
  }
}
