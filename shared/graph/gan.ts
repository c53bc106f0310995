/**
 * A GAN drawn as one chain: noise → generator → image → discriminator → real or fake. The layer
 * marked `generatorEnd` splits it: the generator is that layer and everything before it, the
 * discriminator everything after. Training, the checks and the exports all split it here, the same
 * way. Reads nothing but its arguments.
 */
import type { Graph, LayerNode } from './types.js';

export interface GanSplit {
  /** The layer whose output is the generated image. */
  end: LayerNode;
  /** Node ids of the generator, the end included, in graph order. */
  generator: string[];
  /** Node ids of the discriminator, in graph order: every layer downstream of the end. */
  discriminator: string[];
}

/** The marked layers; a drawn GAN has exactly one. */
export function generatorEnds(graph: Graph): LayerNode[] {
  return graph.nodes.filter((node) => node.generatorEnd === true);
}

/** Ids reachable from `start` along the wires, `start` left out. */
export function downstreamOf(graph: Graph, start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const wire of graph.wires) next.set(wire.source, [...(next.get(wire.source) ?? []), wire.target]);
  const seen = new Set<string>();
  const stack = [...(next.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() ?? '';
    if (seen.has(id) || id === start) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return seen;
}

/**
 * The two networks, given the graph's order (every layer after its inputs); null when no layer, or
 * more than one, is marked as the generator's end.
 */
export function splitGan(graph: Graph, order: readonly string[]): GanSplit | null {
  const ends = generatorEnds(graph);
  const end = ends[0];
  if (!end || ends.length > 1) return null;
  const after = downstreamOf(graph, end.id);
  return {
    end,
    generator: order.filter((id) => !after.has(id)),
    discriminator: order.filter((id) => after.has(id)),
  };
}
