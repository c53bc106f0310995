/**
 * What a training run may ask of the machine, checked before it starts (RELIABILITY.md item 19):
 * how many layers tf.js can build, how many weights a project can keep, and an estimate of the
 * memory the run needs against what the backend can hold. Each limit is a problem pinned to the
 * layer that weighs most, with the numbers in its message, so a network that cannot train says
 * so at once instead of failing halfway as "a bug". Exports are not held to these limits: a
 * network too big for LayerLab is what the Keras and PyTorch exports are for.
 * Reads nothing but its arguments.
 */
import type { Dataset } from '../data/build.js';
import type { Analysis } from '../graph/analyze.js';
import { severityOf, type Fix, type Problem, type ProblemCode, type ProblemValues } from '../vocabulary/problems.js';
import { sampleSize, type Shape } from '../vocabulary/shape.js';
import type { Graph } from '../graph/types.js';
import { layerDef } from '../layers/registry.js';
import { maxProjectWeights } from '../vocabulary/project-format.js';
import type { BackendName } from './backends.js';
import type { TrainingSettings } from './settings.js';

/**
 * Deepest network LayerLab trains. tf.js builds and trains a chain of 3,000 Dense layers in Node,
 * and overflows the call stack near 5,000 (a worker's stack is no larger); 1,000 is five times
 * ResNet-50.
 */
export const maxTrainedLayers = 1000;

/** Most weights a network may have to train here: what a project file can keep of the run. */
export const maxTrainedParams = maxProjectWeights;

const gigabyte = 1e9;

/**
 * Memory a run may take on each backend: WASM's heap ends at 4 GiB; WebGL shares the GPU with
 * the screen (and, on most laptops, with the system); the plain-JavaScript backend and WebGPU
 * are held by the machine's memory. Before the first run says which backend trains, the smallest.
 */
export const trainingMemoryBudget: Record<BackendName, number> = {
  webgpu: 4 * gigabyte,
  webgl: 2 * gigabyte,
  wasm: 3.5 * gigabyte,
  cpu: 4 * gigabyte,
};
const unknownBackendBudget = Math.min(...Object.values(trainingMemoryBudget));

/** Float32 everywhere: four bytes a value. */
const bytesPerValue = 4;

/** Extra copies of every weight an optimiser keeps: Adam its two moments, RMSprop and Adagrad one. */
const optimizerSlots: Record<TrainingSettings['optimizer'], number> = { adam: 2, rmsprop: 1, adagrad: 1, sgd: 0 };

export interface MemoryEstimate {
  /** Weights, their gradients and the optimiser's copies. */
  weights: number;
  /** What one batch keeps for the backward pass, and its gradients. */
  activations: number;
  /** The dataset itself, inputs and targets. */
  data: number;
  total: number;
  /** The layer that keeps the most per sample, where a smaller network would help most. */
  heaviestNodeId: string | null;
}

/** `4.1 GB`, `350 MB`, `54 kB`: decimal units, as a system's file manager shows sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= gigabyte) return `${(bytes / gigabyte).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.round(bytes / 1e3)} kB`;
}

/** Values each layer keeps per sample while training, by node id. */
function keptPerSample(graph: Graph, analysis: Analysis): Map<string, number> {
  const shapes = (ids: readonly string[]): Shape[] => ids.map((id) => analysis.nodes.get(id)?.shape ?? []);
  const kept = new Map<string, number>();
  for (const node of graph.nodes) {
    const output = analysis.nodes.get(node.id)?.shape;
    if (!output) continue;
    const def = layerDef(node.kind);
    const sources = graph.wires.filter((wire) => wire.target === node.id).map((wire) => wire.source);
    const own = def.keptValues?.(shapes(sources), node.params as never) ?? 0;
    kept.set(node.id, Math.max(own, sampleSize(output) ?? 0));
  }
  return kept;
}

/** The memory a run of `batchSize` takes, as the sum of what tf.js holds at its peak. */
export function estimateTrainingMemory(
  graph: Graph,
  analysis: Analysis,
  dataset: Pick<Dataset, 'x' | 'y'> | null,
  settings: Pick<TrainingSettings, 'optimizer' | 'batch_size'>,
): MemoryEstimate {
  const kept = keptPerSample(graph, analysis);
  let perSample = 0;
  let heaviestNodeId: string | null = null;
  for (const [id, values] of kept) {
    perSample += values;
    if (heaviestNodeId === null || values > (kept.get(heaviestNodeId) ?? 0)) heaviestNodeId = id;
  }
  const weights = analysis.totalParams * bytesPerValue * (2 + optimizerSlots[settings.optimizer]);
  // Each kept value has its gradient beside it during the backward pass.
  const activations = perSample * 2 * settings.batch_size * bytesPerValue;
  const data = dataset ? (dataset.x.values.length + dataset.y.values.length) * bytesPerValue : 0;
  return { weights, activations, data, total: weights + activations + data, heaviestNodeId };
}

function problem(code: ProblemCode, nodeId: string | null, values: ProblemValues, fix?: Fix): Problem {
  return { code, severity: severityOf(code), nodeId, wireIds: [], values, ...(fix ? { fix } : {}) };
}

const thousands = (value: number) => value.toLocaleString('en-US');

/** The layer with the most weights. */
function heaviestLayer(analysis: Analysis): string | null {
  let found: string | null = null;
  for (const [id, entry] of analysis.nodes) {
    if ((entry.params ?? 0) > (found === null ? -1 : (analysis.nodes.get(found)?.params ?? 0))) found = id;
  }
  return found;
}

/** The largest power of two below `batchSize` at which the run fits, or null when none does. */
function fittingBatch(estimate: MemoryEstimate, batchSize: number, budget: number): number | null {
  const perSampleBytes = estimate.activations / batchSize;
  for (let candidate = 2 ** Math.floor(Math.log2(Math.max(1, batchSize - 1))); candidate >= 1; candidate /= 2) {
    if (candidate < batchSize && estimate.weights + estimate.data + perSampleBytes * candidate <= budget) {
      return candidate;
    }
  }
  return null;
}

/**
 * The limits a run of this network would break on `backend` (null: not known yet), each pinned to
 * the layer that weighs most. Empty when the run fits. Call it on a graph whose analysis has no
 * errors: shapes are needed.
 */
export function checkTrainingBudget(
  graph: Graph,
  analysis: Analysis,
  dataset: Pick<Dataset, 'x' | 'y'> | null,
  settings: Pick<TrainingSettings, 'optimizer' | 'batch_size'>,
  backend: BackendName | null,
): Problem[] {
  if (graph.nodes.length > maxTrainedLayers) {
    return [
      problem('train.too-many-layers', null, {
        count: thousands(graph.nodes.length),
        limit: thousands(maxTrainedLayers),
      }),
    ];
  }
  const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
  if (analysis.totalParams > maxTrainedParams) {
    const heaviest = heaviestLayer(analysis);
    return [
      problem('train.too-many-params', heaviest, {
        total: thousands(analysis.totalParams),
        limit: thousands(maxTrainedParams),
        name: heaviest === null ? '?' : (names.get(heaviest) ?? '?'),
        params: thousands(heaviest === null ? 0 : (analysis.nodes.get(heaviest)?.params ?? 0)),
      }),
    ];
  }
  const budget = backend === null ? unknownBackendBudget : trainingMemoryBudget[backend];
  const estimate = estimateTrainingMemory(graph, analysis, dataset, settings);
  if (estimate.total <= budget) return [];
  const batch = fittingBatch(estimate, settings.batch_size, budget);
  return [
    problem(
      'train.memory',
      estimate.heaviestNodeId,
      {
        needed: formatBytes(estimate.total),
        weights: formatBytes(estimate.weights),
        activations: formatBytes(estimate.activations),
        data: formatBytes(estimate.data),
        batch: settings.batch_size,
        limit: formatBytes(budget),
        backend: backend ?? '',
        fits: batch ?? 0,
      },
      batch === null ? undefined : { kind: 'set-setting', setting: 'batch_size', value: batch },
    ),
  ];
}
