import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';
import { placementAfterSelection } from './graph-slice';
import { selectAnalysis, selectGraph } from './selectors';

describe('graph slice', () => {
  it('adds layers with Keras defaults and Keras-style names, the newest selected alone', () => {
    const store = createAppStore();
    const first = store.getState().addLayer('Dense', { x: 0, y: 0 });
    const second = store.getState().addLayer('Dense', { x: 0, y: 0 });
    const [a, b] = store.getState().nodes;
    expect(a?.data).toMatchObject({ kind: 'Dense', name: 'dense', params: { units: 32, activation: 'linear' } });
    expect(b?.data.name).toBe('dense_1');
    expect(a?.selected).toBe(false);
    expect(b?.selected).toBe(true);
    expect(first).not.toBe(second);
    // The second lands below the first instead of on top of it.
    expect(b?.position.y).toBeGreaterThan(a?.position.y ?? 0);
  });

  it('refuses a parameter value its schema refuses, changing nothing', () => {
    const store = createAppStore();
    const id = store.getState().addLayer('SimpleRNN', { x: 0, y: 0 });
    const before = store.getState().nodes;
    expect(store.getState().setParam(id, 'units', -3)).toBe(false);
    expect(store.getState().setParam(id, 'units', 1.5)).toBe(false);
    expect(store.getState().setParam(id, 'no_such_param', 3)).toBe(false);
    expect(store.getState().nodes).toBe(before);
    expect(store.getState().setParam(id, 'units', 50)).toBe(true);
    expect(store.getState().nodes[0]?.data.params).toMatchObject({ units: 50 });
  });

  it('wires layers once, never a layer to itself', () => {
    const store = createAppStore();
    const input = store.getState().addLayer('Input', { x: 0, y: 0 });
    const dense = store.getState().addLayer('Dense', { x: 300, y: 0 });
    const connect = (source: string, target: string) =>
      store.getState().connect({ source, target, sourceHandle: null, targetHandle: null });
    connect(input, dense);
    connect(input, dense);
    connect(dense, dense);
    expect(store.getState().edges).toHaveLength(1);
    expect(selectGraph(store.getState()).wires).toEqual([
      { id: store.getState().edges[0]?.id, source: input, target: dense },
    ]);
  });

  it('removes a layer with its wires', () => {
    const store = createAppStore();
    const input = store.getState().addLayer('Input', { x: 0, y: 0 });
    const dense = store.getState().addLayer('Dense', { x: 300, y: 0 });
    store.getState().connect({ source: input, target: dense, sourceHandle: null, targetHandle: null });
    store.getState().removeLayers([dense]);
    expect(store.getState().nodes.map((node) => node.id)).toEqual([input]);
    expect(store.getState().edges).toEqual([]);
  });

  it('renames only to a valid, unused name', () => {
    const store = createAppStore();
    const a = store.getState().addLayer('Dense', { x: 0, y: 0 });
    store.getState().addLayer('Dense', { x: 0, y: 0 });
    expect(store.getState().renameLayer(a, 'dense_1')).toBe('taken');
    expect(store.getState().renameLayer(a, 'capa oculta')).toBe('invalid');
    expect(store.getState().renameLayer(a, '_abc')).toBe('invalid');
    expect(store.getState().renameLayer(a, 'x"\nimport os')).toBe('invalid');
    expect(store.getState().renameLayer(a, '1st')).toBe('renamed');
    expect(store.getState().renameLayer(a, 'encoder')).toBe('renamed');
    expect(store.getState().nodes[0]?.data.name).toBe('encoder');
  });

  it('renames a layer of a shared project whose name tf.js refuses with one click', () => {
    const store = createAppStore();
    const input = store.getState().addLayer('Input', { x: 0, y: 0 });
    const dense = store.getState().addLayer('Dense', { x: 300, y: 0 });
    store.getState().connect({ source: input, target: dense, sourceHandle: null, targetHandle: null });
    store.setState({
      nodes: store
        .getState()
        .nodes.map((node) => (node.id === dense ? { ...node, data: { ...node.data, name: 'capa oculta' } } : node)),
    });
    const found = selectAnalysis(store.getState()).problems.find((problem) => problem.code === 'graph.bad-name');
    expect(found?.nodeId).toBe(dense);
    if (!found?.fix) throw new Error('no fix');
    store.getState().applyFix(found.fix);
    expect(store.getState().nodes.find((node) => node.id === dense)?.data.name).toBe('capa_oculta');
    expect(selectAnalysis(store.getState()).problems).toEqual([]);
  });

  it('places a layer added from the palette to the right of the selected one', () => {
    const store = createAppStore();
    store.getState().addLayer('Input', { x: 100, y: 40 });
    const placed = placementAfterSelection(store.getState().nodes, { x: 0, y: 0 });
    expect(placed.y).toBe(40);
    expect(placed.x).toBeGreaterThan(100 + 150);
    store.getState().selectOnly(null);
    expect(placementAfterSelection(store.getState().nodes, { x: 7, y: 9 })).toEqual({ x: 7, y: 9 });
  });

  it('derives the pure graph once per change', () => {
    const store = createAppStore();
    store.getState().addLayer('Input', { x: 0, y: 0 });
    const graph = selectGraph(store.getState());
    expect(selectGraph(store.getState())).toBe(graph);
    expect(graph.nodes[0]).toMatchObject({ kind: 'Input', name: 'input', params: { shape: [3, 8] } });
  });
});
