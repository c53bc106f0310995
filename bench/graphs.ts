/** Generated graphs for benchmarks: long chains with branches and merges, as large models have. */
import type { Graph, LayerNode, Wire } from '../shared/graph/types';
import { defaultParamsOf, type LayerKind } from '../shared/layers/registry';

function node(kind: LayerKind, index: number, params: Record<string, unknown> = {}): LayerNode {
  return {
    id: `n${index}`,
    kind,
    name: `${kind.toLowerCase()}_${index}`,
    params: { ...defaultParamsOf(kind), ...params },
    position: { x: index * 240, y: (index % 5) * 120 },
  } as LayerNode;
}

/**
 * `size` layers: an Input, then blocks of Dense → Dropout → Dense, every third block merged back
 * into the main line with Add (a residual connection), so the checks see branches and merges.
 */
export function generatedGraph(size: number): Graph {
  const nodes: LayerNode[] = [node('Input', 0, { shape: [64] })];
  const wires: Wire[] = [];
  let previous = 'n0';
  let index = 1;
  const link = (source: string, target: string) => wires.push({ id: `w${wires.length}`, source, target });
  while (index < size) {
    const blockStart = previous;
    const first = node('Dense', index, { units: 64, activation: 'relu' });
    nodes.push(first);
    link(previous, first.id);
    previous = first.id;
    index += 1;
    if (index < size) {
      const dropout = node('Dropout', index, { rate: 0.1 });
      nodes.push(dropout);
      link(previous, dropout.id);
      previous = dropout.id;
      index += 1;
    }
    if (index < size && index % 3 === 0) {
      const add = node('Add', index);
      nodes.push(add);
      link(previous, add.id);
      link(blockStart, add.id);
      previous = add.id;
      index += 1;
    }
  }
  return { nodes, wires };
}
