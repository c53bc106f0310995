/**
 * Auto-layout: layers arranged left to right in the order data flows, with dagre. Reads nothing
 * but its arguments.
 */
import dagre from '@dagrejs/dagre';
import type { Graph, Position } from './types.js';

export interface LayoutOptions {
  /** The size of each layer's box, by id; unknown ones get `defaultSize`. */
  sizes?: ReadonlyMap<string, { width: number; height: number }>;
  defaultSize?: { width: number; height: number };
}

/** New top-left positions for every layer. */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): Map<string, Position> {
  const fallback = options.defaultSize ?? { width: 216, height: 120 };
  const layout = new dagre.graphlib.Graph();
  layout.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  layout.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(graph.nodes.map((node) => node.id));
  for (const node of graph.nodes) layout.setNode(node.id, { ...(options.sizes?.get(node.id) ?? fallback) });
  for (const wire of graph.wires) {
    if (ids.has(wire.source) && ids.has(wire.target) && wire.source !== wire.target)
      layout.setEdge(wire.source, wire.target);
  }
  dagre.layout(layout);
  const positions = new Map<string, Position>();
  for (const node of graph.nodes) {
    const placed = layout.node(node.id);
    const size = options.sizes?.get(node.id) ?? fallback;
    // dagre places centres; React Flow positions are top-left corners.
    positions.set(node.id, { x: Math.round(placed.x - size.width / 2), y: Math.round(placed.y - size.height / 2) });
  }
  return positions;
}
