/** Derived views of the store, memoised on the references they read. */
import { analyzeGraph, type Analysis, type NodeAnalysis } from '../../../shared/graph/analyze';
import type { Graph, LayerNode } from '../../../shared/graph/types';
import type { AppState } from './index';
import type { LayerFlowNode, WireEdge } from './graph-slice';

export const selectSelectedNodes = (state: AppState): LayerFlowNode[] => state.nodes.filter((node) => node.selected);

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

let lastAnalysedGraph: Graph | null = null;
let lastAnalysis: Analysis = analyzeGraph({ nodes: [], wires: [] });

/** Shapes, parameter counts and problems, recomputed only when the graph changes. */
export function selectAnalysis(state: AppState): Analysis {
  const graph = selectGraph(state);
  if (graph === lastAnalysedGraph) return lastAnalysis;
  lastAnalysedGraph = graph;
  lastAnalysis = analyzeGraph(graph);
  return lastAnalysis;
}

const emptyNodeAnalysis: NodeAnalysis = { shape: null, params: null, problems: [] };

export function selectNodeAnalysis(state: AppState, nodeId: string): NodeAnalysis {
  return selectAnalysis(state).nodes.get(nodeId) ?? emptyNodeAnalysis;
}
