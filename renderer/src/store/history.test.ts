/**
 * One user action is one undo step, whatever the input: the Delete key (React Flow reports the
 * layer and its wires separately), a one-click fix that inserts a layer, a paste.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from './index';

function seedNetwork() {
  const store = createAppStore();
  const input = store.getState().addLayer('Input', { x: 0, y: 0 });
  const rnn = store.getState().addLayer('SimpleRNN', { x: 300, y: 0 });
  const dense = store.getState().addLayer('Dense', { x: 600, y: 0 });
  store.getState().connect({ source: input, target: rnn, sourceHandle: null, targetHandle: null });
  store.getState().connect({ source: rnn, target: dense, sourceHandle: null, targetHandle: null });
  return { store, input, rnn, dense };
}

const undo = (store: ReturnType<typeof createAppStore>) => store.temporal.getState().undo();
const counts = (store: ReturnType<typeof createAppStore>) => [
  store.getState().nodes.length,
  store.getState().edges.length,
];

describe('undo', () => {
  it('brings a layer deleted with the Delete key back with its wires, in one step', () => {
    const { store, rnn } = seedNetwork();
    const wires = store.getState().edges.filter((edge) => edge.source === rnn || edge.target === rnn);
    // What React Flow sends for the Delete key: the layer, then its wires.
    store.getState().applyNodeChanges([{ type: 'remove', id: rnn }]);
    store.getState().applyEdgeChanges(wires.map((edge) => ({ type: 'remove', id: edge.id })));
    expect(counts(store)).toEqual([2, 0]);
    undo(store);
    expect(counts(store)).toEqual([3, 2]);
  });

  it('takes back a fix that inserts a layer and rewires, in one step', () => {
    const { store } = seedNetwork();
    const wire = store.getState().edges[1];
    if (!wire) throw new Error('no wire');
    store.getState().applyFix({ kind: 'insert-layer', layerKind: 'Dropout', wireId: wire.id });
    expect(counts(store)).toEqual([4, 3]);
    undo(store);
    expect(counts(store)).toEqual([3, 2]);
    expect(store.getState().edges[1]?.id).toBe(wire.id);
  });

  it('takes back a paste in one step, and a fix that changes nothing records nothing', () => {
    const { store } = seedNetwork();
    store.getState().selectAll();
    store.getState().duplicateSelection();
    expect(counts(store)).toEqual([6, 4]);
    undo(store);
    expect(counts(store)).toEqual([3, 2]);
    const steps = store.temporal.getState().pastStates.length;
    store.getState().applyFix({ kind: 'remove-wires', wireIds: ['no-such-wire'] });
    expect(store.temporal.getState().pastStates.length).toBe(steps);
  });
});
