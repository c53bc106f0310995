/**
 * What every export starts from: the project checked as a training run checks it (no graph
 * errors, data that builds and fits the network), its layers in data-flow order with generated
 * identifiers, and the question the playground would ask. Reads nothing but its arguments.
 */
import { buildDataset, type Dataset } from '../data/build.js';
import type { DataCode, PlannedQuery } from '../data/recipe.js';
import { recipeOf, type DataSpec } from '../data/recipes/index.js';
import { checkGraph, isChecked, type CheckedGraph } from '../graph/checked.js';
import type { GanSplit } from '../graph/gan.js';
import { severityOf, type Problem } from '../vocabulary/problems.js';
import type { Shape } from '../vocabulary/shape.js';
import type { Graph, LayerNode } from '../graph/types.js';
import { layerDef } from '../layers/registry.js';
import type { LayerDef } from '../layers/types.js';
import type { Localized } from '../vocabulary/localized.js';
import { checkDataFit } from '../training/modes/index.js';
import { inputColumnsOf } from '../training/feed.js';
import { outputLoss, outputMetric, outputTargetsOf } from '../training/outputs.js';
import type { OutputTargets } from '../data/dataset.js';
import type { Loss, MetricName } from '../training/settings.js';
import { defaultTrainingSettings, trainingSettingsSchema, type TrainingSettings } from '../training/settings.js';
import { decodeWeights, type Trained } from '../vocabulary/weights.js';
import { graphWeights, weightPositionsByNode } from '../graph/weight-order.js';

/** What an export reads from a project (`Project` from shared/project has these and more). */
export interface ExportSource {
  name: string;
  graph: Graph;
  data: DataSpec | null;
  training: TrainingSettings;
  /**
   * The network's trained weights (an imported model's, or a finished run's), in
   * `model.getWeights()` order: a project without data exports as a program that loads them.
   */
  trained?: Trained | null;
}

export interface ExportOptions {
  /** The playground's question the program ends with; the lesson's or the data's first window by default. */
  query?: string;
  /** Keras: tf.distribute.MirroredStrategy; PyTorch: DistributedDataParallel. */
  distributed?: boolean;
}

/** Why a project cannot be exported: the same problems that stop a training run. */
export interface ExportRefusal {
  ok: false;
  problems: Problem[];
  /** The data recipe's fault, with the field at fault where there is one. */
  dataProblem?: { field?: string; problem: Localized };
  /** Training settings a schema refuses (a project file edited by hand). */
  settingsProblem?: Localized;
  /** Trained weights that do not fit the network (a project file edited by hand). */
  weightsProblem?: Localized;
}

export interface PlannedLayer {
  node: LayerNode;
  def: LayerDef;
  /** Ids of the layers wired in, in wiring order. */
  sources: string[];
  inputs: Shape[];
  output: Shape;
  /** Parameters as Keras counts them. */
  params: number;
  /**
   * A snake_case identifier made from the kind's name prefix and a counter (`dense`, `dense_2`),
   * never from the user's name.
   */
  identifier: string;
  /**
   * Where the program finds this layer's trained weights in the weights file beside it, in the
   * layer's own order (Keras' `set_weights`); absent when it draws them or carries them inline.
   */
  stored?: StoredWeight[];
}

/** One weight in the weights file a program without data loads: float32 values from `offset` on. */
export interface StoredWeight {
  /** In values (four bytes each), from the start of the file. */
  offset: number;
  shape: number[];
}

/** The network alone, ready to be written: what the model sections of every program read. */
export interface NetworkPlan {
  layers: PlannedLayer[];
  inputs: PlannedLayer[];
  outputs: PlannedLayer[];
  /** One Input, then one layer after another: Keras writes it as a Sequential model. */
  chain: boolean;
  /** Keras' total. */
  totalParams: number;
}

export interface ExportPlan extends NetworkPlan {
  source: ExportSource;
  data: DataSpec;
  dataset: Dataset;
  query: PlannedQuery;
  /**
   * The GAN's generator and discriminator, when the network is one: the data checks have passed,
   * so a marked generator end means the GAN mode trains it. Null for every other network.
   */
  gan: GanSplit | null;
}

export type { PlannedQuery } from '../data/recipe.js';

/**
 * A project without data, as a program that builds the network, loads its trained weights (when
 * it has some) from `weights.bin` and answers one input: what an imported model exports as.
 */
export interface ModelOnlyPlan extends NetworkPlan {
  source: ExportSource;
  /** Every trained weight, float32 little-endian, layer after layer; null when the network is untrained. */
  weightsFile: Uint8Array | null;
  /** The seed the program draws starting weights from, when it has no trained ones. */
  seed: number;
  /** What each Input is given when the learner names no input of their own, in the model's order of Inputs. */
  samples: SampleInput[];
}

/** A made-up sample for one Input, the same in every language: index i of the flattened sample is `value(i)`. */
export interface SampleInput {
  name: string;
  /** The made-up sample's shape: the Input's, a size left open made `openSampleLength`. */
  shape: number[];
  /** The Input's own shape, None (null) where it takes any size: what a given sample is held to. */
  declared: (number | null)[];
  dtype: 'float32' | 'int32';
  /**
   * Integers below `below` for token indices (i × 37 mod below), else (i × 37 mod 101) / 100:
   * numbers in [0, 1] that differ from one position to the next.
   */
  below: number | null;
}

/** How long the made-up sample is along a size the Input leaves open (sequences of any length). */
export const openSampleLength = 10;

/** The name of the weights file a program without data reads. */
export const storedWeightsFile = 'weights.bin';

export type ModelOnlyResult = { ok: true; plan: ModelOnlyPlan } | ExportRefusal;

export type PlanResult = { ok: true; plan: ExportPlan } | ExportRefusal;
export type NetworkPlanResult = { ok: true; network: NetworkPlan } | ExportRefusal;

const badSettings: Localized = {
  en: 'The training settings are not valid: open the Training tab and correct the marked fields.',
  es: 'Los ajustes de entrenamiento no son válidos: abre la pestaña Entrenamiento y corrige los campos marcados.',
};

const noData: Localized = {
  en: 'The project has no data yet: choose a dataset in the Data tab first. The exported program trains on it.',
  es: 'El proyecto aún no tiene datos: elige un conjunto de datos en la pestaña Datos. El programa exportado entrena con ellos.',
};

/** Turns a snake_case identifier into camelCase for TypeScript: `simple_rnn_2` → `simpleRnn2`. */
export function camelCase(identifier: string): string {
  return identifier.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Lays out a graph without errors for the generators: its layers in data-flow order, named. A
 * checked graph is laid out from its analysis; a plain one is checked first.
 */
export function planNetwork(source: Graph | CheckedGraph): NetworkPlanResult {
  const result = isChecked(source) ? { ok: true as const, checked: source } : checkGraph(source);
  if (!result.ok) return { ok: false, problems: result.problems };
  const { graph, analysis } = result.checked;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const sources = new Map<string, string[]>();
  for (const wire of graph.wires) sources.set(wire.target, [...(sources.get(wire.target) ?? []), wire.source]);
  const used = new Map<string, number>();
  const layers: PlannedLayer[] = [];
  for (const id of analysis.order) {
    const node = byId.get(id);
    const entry = analysis.nodes.get(id);
    if (!node || !entry?.shape) continue;
    const def = layerDef(node.kind);
    // `input` would hide Python's built-in of that name.
    const stem = node.kind === 'Input' ? 'inputs' : def.namePrefix;
    const seen = (used.get(stem) ?? 0) + 1;
    used.set(stem, seen);
    const wiredIn = sources.get(id) ?? [];
    layers.push({
      node,
      def,
      sources: wiredIn,
      inputs: wiredIn.map((wired) => analysis.nodes.get(wired)?.shape ?? []),
      output: entry.shape,
      params: entry.params ?? 0,
      identifier: seen === 1 ? stem : `${stem}_${seen}`,
    });
  }
  const planned = new Map(layers.map((layer) => [layer.node.id, layer]));
  const pick = (ids: readonly string[]) => ids.flatMap((id) => planned.get(id) ?? []);
  const inputs = pick(analysis.inputs);
  const outputs = pick(analysis.outputs);
  const fanOut = new Map<string, number>();
  for (const wire of graph.wires) fanOut.set(wire.source, (fanOut.get(wire.source) ?? 0) + 1);
  const chain =
    inputs.length === 1 &&
    layers.every((layer) => layer.sources.length <= 1 && (fanOut.get(layer.node.id) ?? 0) <= 1) &&
    layers.every((layer, index) => index === 0 || layer.sources[0] === layers[index - 1]?.node.id);
  return { ok: true, network: { layers, inputs, outputs, chain, totalParams: analysis.totalParams } };
}

/** Checks the project as a run would and lays its layers out for the generators. */
export function planExport(source: ExportSource, options: ExportOptions = {}): PlanResult {
  const result = checkGraph(source.graph);
  if (!result.ok) return { ok: false, problems: result.problems };
  const { checked } = result;
  const planned = planNetwork(checked);
  if (!planned.ok) return planned;
  // The settings are written into the programs: only values their schema allows.
  if (!trainingSettingsSchema.safeParse(source.training).success) {
    return { ok: false, problems: [], settingsProblem: badSettings };
  }
  if (source.data === null) return { ok: false, problems: [], dataProblem: { problem: noData } };
  const built = buildDataset(source.data);
  if (!built.ok) return { ok: false, problems: [], dataProblem: { field: built.field, problem: built.problem } };
  const misfits = checkDataFit(source.graph, checked.analysis, built.dataset, source.training).filter(
    (found) => found.severity === 'error',
  );
  if (misfits.length > 0) return { ok: false, problems: misfits };
  return {
    ok: true,
    plan: {
      ...planned.network,
      source,
      data: source.data,
      dataset: built.dataset,
      query: recipeOf(source.data).planQuery(source.data, built.dataset, options.query),
      gan: checked.gan,
    },
  };
}

const weightsMismatch = (detail: string): Localized => ({
  en: `The trained weights do not fit the network (${detail}): train it again, or import the model again.`,
  es: `Los pesos entrenados no encajan con la red (${detail}): vuelve a entrenarla o a importar el modelo.`,
});

/**
 * A project without data, planned as a program that builds the network, loads its trained weights
 * and answers one input. Refused only for what stops the network itself: graph errors, or trained
 * weights of other shapes than the network's.
 */
export function planModelOnly(source: ExportSource): ModelOnlyResult {
  const result = checkGraph(source.graph);
  if (!result.ok) return { ok: false, problems: result.problems };
  const { checked } = result;
  const planned = planNetwork(checked);
  if (!planned.ok) return planned;
  // A program that does not train has nothing to freeze; trained weights replace carried ones.
  const untrained = !source.trained;
  const bare = planned.network.layers.map((layer) => {
    const { frozen: _frozen, carried, ...node } = layer.node;
    return { ...layer, node: (untrained && carried ? { ...node, carried } : node) as LayerNode };
  });
  const bareById = new Map(bare.map((layer) => [layer.node.id, layer]));
  const network: NetworkPlan = {
    ...planned.network,
    layers: bare,
    inputs: planned.network.inputs.map((layer) => bareById.get(layer.node.id) ?? layer),
    outputs: planned.network.outputs.map((layer) => bareById.get(layer.node.id) ?? layer),
  };
  const settings = trainingSettingsSchema.safeParse(source.training);
  const seed = settings.success ? (settings.data as TrainingSettings).seed : defaultTrainingSettings.seed;
  const samples = network.inputs.map((input) => sampleOf(input, network));
  if (!source.trained) return { ok: true, plan: { ...network, source, weightsFile: null, seed, samples } };

  const weights = decodeWeights(source.trained);
  const positions = weightPositionsByNode(checked.graph, checked.analysis);
  const expected = graphWeights(checked.graph, checked.analysis);
  if (expected.length !== weights.length) {
    return {
      ok: false,
      problems: [],
      weightsProblem: weightsMismatch(`${weights.length} weights for a network of ${expected.length}`),
    };
  }
  const misfit = expected.findIndex((slot, index) => slot.weight.shape.join() !== weights[index]?.shape.join());
  const slot = expected[misfit];
  if (slot) {
    const shape = (dims: readonly number[]) => `[${dims.join(', ')}]`;
    // A message for the Export dialog and the terminal, never code; checkGraph has held the name
    // to LayerLab's name rule (letters, digits, '_', '.', '-').
    // eslint-disable-next-line no-restricted-syntax
    const detail = `${slot.node.name}'s ${slot.weight.suffix} is ${shape(slot.weight.shape)}, the weights give ${shape(weights[misfit]?.shape ?? [])}`;
    return { ok: false, problems: [], weightsProblem: weightsMismatch(detail) };
  }
  const total = weights.reduce((sum, weight) => sum + weight.values.length, 0);
  const file = new Float32Array(total);
  let offset = 0;
  const layers: PlannedLayer[] = [];
  for (const layer of network.layers) {
    const stored: StoredWeight[] = [];
    for (const position of positions.get(layer.node.id) ?? []) {
      const weight = weights[position];
      if (!weight) continue;
      file.set(weight.values, offset);
      stored.push({ offset, shape: weight.shape });
      offset += weight.values.length;
    }
    layers.push(stored.length > 0 ? { ...layer, stored } : layer);
  }
  const byId = new Map(layers.map((layer) => [layer.node.id, layer]));
  const pick = (list: readonly PlannedLayer[]) => list.map((layer) => byId.get(layer.node.id) ?? layer);
  return {
    ok: true,
    plan: {
      ...network,
      layers,
      inputs: pick(network.inputs),
      outputs: pick(network.outputs),
      source,
      weightsFile: littleEndian(file),
      seed,
      samples,
    },
  };
}

/** The bytes of float32 values, little-endian whatever the machine. */
function littleEndian(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return bytes;
}

/** The made-up sample one Input is given: token indices below the smallest vocabulary it feeds, else fractions. */
function sampleOf(input: PlannedLayer, network: NetworkPlan): SampleInput {
  const params = input.node.params as { shape?: readonly (number | null)[]; dtype?: string };
  const declared = input.output.slice(1);
  const shape = declared.map((size) => size ?? openSampleLength);
  if (params.dtype !== 'int32') return { name: input.node.name, shape, declared, dtype: 'float32', below: null };
  const vocabularies = network.layers
    .filter((layer) => layer.sources.includes(input.node.id))
    .flatMap((layer) => {
      const size = (layer.node.params as { input_dim?: unknown }).input_dim;
      return typeof size === 'number' && size > 0 ? [size] : [];
    });
  return {
    name: input.node.name,
    shape,
    declared,
    dtype: 'int32',
    below: vocabularies.length > 0 ? Math.min(...vocabularies) : 10,
  };
}

/**
 * Why a Python exporter refuses a GAN for several devices: its loop of two networks is written for
 * one. Pinned to the layer where the generator ends; null for any other network or one device.
 */
export function ganRefusal(plan: ExportPlan, options: ExportOptions): ExportRefusal | null {
  const end = plan.gan?.end;
  if (!end || options.distributed !== true) return null;
  return {
    ok: false,
    problems: [
      {
        code: 'export.gan-distributed',
        severity: severityOf('export.gan-distributed'),
        nodeId: end.id,
        wireIds: [],
        values: { name: end.name },
      },
    ],
  };
}

/** What a recipe's data and question steps read from the plan, whichever language they write. */
export function dataCodeOf(plan: ExportPlan): DataCode<DataSpec> {
  return {
    spec: plan.data,
    dataset: plan.dataset,
    loss: plan.source.training.loss,
    oneUnit: plan.outputs[0]?.output.at(-1) === 1,
    query: plan.query,
    outputs: plannedOutputs(plan),
  };
}

/**
 * The columns of x each of the network's Inputs reads, in the model's order of Inputs, when a
 * table is shared out among several; null when one Input reads all of x.
 */
export function fedInputs(plan: ExportPlan): { name: string; columns: number[] }[] | null {
  const names = plan.inputs.map((layer) => layer.node.name);
  const columns = inputColumnsOf(plan.dataset.inputs, names);
  return columns ? names.map((name, index) => ({ name, columns: columns[index] ?? [] })) : null;
}

/** One of several outputs, each predicting a column of a table, as the exported programs train it. */
export interface PlannedOutput {
  name: string;
  column: string;
  target: OutputTargets['target'];
  /** The output's units: one sigmoid unit answers two classes. */
  units: number | null;
  loss: Loss;
  metric: MetricName | undefined;
}

/** The outputs of a network predicting several columns of a table, in the model's order; null for one. */
export function plannedOutputs(plan: ExportPlan): PlannedOutput[] | null {
  const several = outputTargetsOf(
    plan.dataset.outputs,
    plan.outputs.map((layer) => layer.node.name),
  );
  if (!several) return null;
  const settings = plan.source.training;
  return several.map((output, index) => {
    const units = plan.outputs[index]?.output.at(-1) ?? null;
    return {
      name: output.name,
      column: output.column,
      target: output.target,
      units,
      loss: outputLoss(output.target, units, settings),
      metric: outputMetric(output.target, settings),
    };
  });
}
