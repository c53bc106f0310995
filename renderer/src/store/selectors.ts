/** Derived views of the store, memoised on the references they read. */
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
