/** Derived views of the store, memoised on the references they read. */
import { analyzeGraph, type Analysis, type NodeAnalysis } from '../../../shared/graph/analyze';
import type { Graph, LayerNode } from '../../../shared/graph/types';
import { buildDataset, type DatasetResult } from '../../../shared/data/build';
import type { DataSpec } from '../../../shared/data/spec';
import type { Problem } from '../../../shared/vocabulary/problems';
import type { BackendName } from '../../../shared/training/backends';
import { checkTrainingBudget } from '../../../shared/training/budget';
import { checkDataFit } from '../../../shared/training/modes/index';
import type { TrainingSettings } from '../../../shared/training/settings';
import type { AppState } from './index';
import type { LayerFlowNode, WireEdge } from './graph-slice';
import { builtOffWindow, buildsOffWindow, pendingBuild } from '../data/built-off-window';

let lastNodes: readonly LayerFlowNode[] | null = null;
let lastEdges: readonly WireEdge[] | null = null;
let lastGraph: Graph = { nodes: [], wires: [] };

/** The pure graph `shared/` works on, rebuilt only when nodes or edges change. */
export function selectGraph(state: AppState): Graph {
  if (state.nodes === lastNodes && state.edges === lastEdges) return lastGraph;
  lastNodes = state.nodes;
  lastEdges = state.edges;
  lastGraph = {
    nodes: state.nodes.map((node) => ({ id: node.id, position: node.position, ...node.data }) as LayerNode),
    wires: state.edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  };
  return lastGraph;
}

let namedFrom: AppState['nodes'] | null = null;
let layerNames = new Map<string, string>();

/**
 * The layers' names by id, read once per change of the layers for every reader, and the same Map
 * while no name changes: a layer being dragged redraws no layer that shows a fix. Each of 500
 * layers listing and comparing every name on every change of the store was seconds of a zoom
 * (bench/canvas-size.ts). Read by every layer's fix text and by the canvas to name its wires.
 */
export function selectLayerNames(state: AppState): Map<string, string> {
  if (state.nodes === namedFrom) return layerNames;
  namedFrom = state.nodes;
  const same =
    state.nodes.length === layerNames.size && state.nodes.every((node) => layerNames.get(node.id) === node.data.name);
  if (!same) layerNames = new Map(state.nodes.map((node) => [node.id, node.data.name]));
  return layerNames;
}

let lastAnalysedNodes: readonly LayerFlowNode[] = [];
let lastAnalysedEdges: readonly WireEdge[] | null = null;
let lastAnalysis: Analysis = analyzeGraph({ nodes: [], wires: [] });

/**
 * True when the layers differ only in where they sit or whether they are selected: what React
 * Flow changes on every frame of a drag, and what analysis does not read.
 */
function sameLayersAndWires(nodes: readonly LayerFlowNode[], edges: readonly WireEdge[]): boolean {
  return (
    edges === lastAnalysedEdges &&
    nodes.length === lastAnalysedNodes.length &&
    nodes.every(
      (node, index) => node.id === lastAnalysedNodes[index]?.id && node.data === lastAnalysedNodes[index]?.data,
    )
  );
}

/** Shapes, parameter counts and problems, recomputed only when layers or wires change (not on a drag). */
export function selectAnalysis(state: AppState): Analysis {
  // Read by every layer and wire on every change of the store: the same layers answer at once,
  // and layers found to differ only where they sit are the ones compared with from then on.
  if (state.nodes === lastAnalysedNodes && state.edges === lastAnalysedEdges) return lastAnalysis;
  if (sameLayersAndWires(state.nodes, state.edges)) {
    lastAnalysedNodes = state.nodes;
    return lastAnalysis;
  }
  lastAnalysedNodes = state.nodes;
  lastAnalysedEdges = state.edges;
  lastAnalysis = analyzeGraph(selectGraph(state));
  return lastAnalysis;
}

let lastNamed: { analysis: Analysis; graph: Graph; inputs: string[]; outputs: string[] } | null = null;

/** The names of the network's Input nodes and output layers, in the network's order, kept while the graph is. */
function namesOf(state: AppState): { inputs: string[]; outputs: string[] } {
  const analysis = selectAnalysis(state);
  const graph = selectGraph(state);
  if (lastNamed?.analysis === analysis && lastNamed.graph === graph) return lastNamed;
  const byId = new Map(graph.nodes.map((node) => [node.id, node.name]));
  const name = (id: string) => byId.get(id) ?? id;
  lastNamed = { analysis, graph, inputs: analysis.inputs.map(name), outputs: analysis.outputs.map(name) };
  return lastNamed;
}

/** The names of the network's Input nodes, in its order. */
export const selectInputNames = (state: AppState): readonly string[] => namesOf(state).inputs;

/** The names of the network's output layers, in its order. */
export const selectOutputNames = (state: AppState): readonly string[] => namesOf(state).outputs;

const emptyNodeAnalysis: NodeAnalysis = { shape: null, params: null, problems: [] };

export function selectNodeAnalysis(state: AppState, nodeId: string): NodeAnalysis {
  return selectAnalysis(state).nodes.get(nodeId) ?? emptyNodeAnalysis;
}

export interface DataCheck {
  /** The built dataset, or the field of the recipe at fault. */
  dataset: DatasetResult | null;
  /** Mismatches between the network and its data, pinned to layers like the graph's problems. */
  problems: Problem[];
}

let lastBuiltData: DataSpec | null = null;
let lastDataset: DatasetResult | null = null;

/** The recipe built once per change of the recipe: a long text is a million characters. */
/** The project's data built, once per data spec: every reader of the same spec shares the build. */
export function selectDataset(state: AppState): DatasetResult | null {
  // Large data is built off the window: its build, once done, else pending (built-off-window.ts).
  if (state.data && buildsOffWindow(state.data)) return builtOffWindow(state.data) ?? pendingBuild;
  if (state.data !== lastBuiltData) {
    lastBuiltData = state.data;
    lastDataset = state.data ? buildDataset(state.data) : null;
  }
  return lastDataset;
}

let lastDataInputs: [Analysis, DatasetResult | null, TrainingSettings, BackendName | null] | null = null;
let lastDataCheck: DataCheck = { dataset: null, problems: [] };

/** The data recipe built and checked against the network, once per change of either. */
export function selectDataCheck(state: AppState): DataCheck {
  const analysis = selectAnalysis(state);
  const dataset = selectDataset(state);
  // The backend the last run trained on, or the one asked for; null before either is known.
  const backend =
    state.runs.at(-1)?.backend?.name ?? (state.backendPreference === 'auto' ? null : state.backendPreference);
  if (
    lastDataInputs &&
    lastDataInputs[0] === analysis &&
    lastDataInputs[1] === dataset &&
    lastDataInputs[2] === state.training &&
    lastDataInputs[3] === backend
  ) {
    return lastDataCheck;
  }
  lastDataInputs = [analysis, dataset, state.training, backend];
  const graph = selectGraph(state);
  const problems =
    dataset?.ok && analysis.errorCount === 0
      ? [
          ...checkDataFit(graph, analysis, dataset.dataset, state.training),
          ...checkTrainingBudget(graph, analysis, dataset.dataset, state.training, backend),
        ]
      : [];
  lastDataCheck = { dataset, problems };
  return lastDataCheck;
}

const noProblems: Problem[] = [];

/** A layer's problems: the graph's and its data's. */
export function selectLayerProblems(state: AppState, nodeId: string): Problem[] {
  const own = selectNodeAnalysis(state, nodeId).problems;
  const data = selectDataCheck(state).problems.filter((problem) => problem.nodeId === nodeId);
  if (data.length === 0) return own.length === 0 ? noProblems : own;
  return [...own, ...data];
}

let lastAll: [Analysis, DataCheck, Problem[]] | null = null;

/** Every problem on screen, errors first. */
export function selectAllProblems(state: AppState): Problem[] {
  const analysis = selectAnalysis(state);
  const data = selectDataCheck(state);
  if (lastAll && lastAll[0] === analysis && lastAll[1] === data) return lastAll[2];
  const all = [...analysis.problems, ...data.problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  lastAll = [analysis, data, all];
  return all;
}
