import { describe, expect, it } from 'vitest';
import { chain, layer, wire } from '../../tests/helpers/graphs';
import { layoutGraph } from './layout';

describe('layoutGraph', () => {
  it('puts a chain left to right in data order, without overlaps', () => {
    const graph = chain(layer('Input', 'a'), layer('Dense', 'b'), layer('Dense', 'c'));
    graph.nodes.reverse();
    const positions = layoutGraph(graph);
    const x = (id: string) => positions.get(id)?.x ?? Number.NaN;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b') - x('a')).toBeGreaterThanOrEqual(216);
    expect(x('c') - x('b')).toBeGreaterThanOrEqual(216);
  });

  it('stacks branches instead of overlapping them', () => {
    const graph = {
      nodes: [layer('Input', 'in'), layer('Dense', 'left'), layer('Dense', 'right'), layer('Add', 'sum')],
      wires: [wire('in', 'left'), wire('in', 'right'), wire('left', 'sum'), wire('right', 'sum')],
    };
    const positions = layoutGraph(graph);
    const left = positions.get('left');
    const right = positions.get('right');
    expect(left?.x).toBe(right?.x);
    expect(Math.abs((left?.y ?? 0) - (right?.y ?? 0))).toBeGreaterThanOrEqual(120);
  });
});
