import { describe, expect, it } from 'vitest';
import { encodeWeights } from '../../../shared/vocabulary/weights';
import type { Template } from '../../../shared/templates/template';
import { lessonLibrary } from '../lessons/templates';
import { createAppStore } from './index';
import { selectAnalysis, selectGraph } from './selectors';
import { lessonExpected, lessonGraph } from './lesson-slice';
import { compareGraphs } from '../../../shared/templates/compare';

/** A lesson as the gallery loads it. */
function template(id: string): Template {
  const found = lessonLibrary.templates.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

describe('a lesson variant that changes layers', () => {
  it('changes them in place on the canvas, and one undo puts them back', () => {
    const store = createAppStore();
    store.getState().openTemplate(template('regularisation'));
    const before = selectGraph(store.getState());
    store.getState().applyVariant('dropout');
    const after = selectGraph(store.getState());
    const rateOf = (graph: typeof before, name: string) =>
      graph.nodes.find((node) => node.name === name)?.params as { rate?: number } | undefined;
    expect(rateOf(before, 'dropout1')?.rate).toBe(0);
    expect(rateOf(after, 'dropout1')?.rate).toBe(0.5);
    expect(rateOf(after, 'dropout2')?.rate).toBe(0.5);
    // Same layers, places and wires: only the settings moved.
    expect(after.nodes.map((node) => [node.id, node.name, node.position])).toEqual(
      before.nodes.map((node) => [node.id, node.name, node.position]),
    );
    expect(after.wires).toEqual(before.wires);
    expect(store.getState().lesson?.variant).toBe('dropout');

    store.temporal.getState().undo();
    expect(rateOf(selectGraph(store.getState()), 'dropout1')?.rate).toBe(0);
  });

  it('is what "check my network" and the lesson verdict compare with once applied', () => {
    const store = createAppStore();
    store.getState().openTemplate(template('lstm-gru-long-range'));
    // The plain RNN's lesson is that it forgets: its result is a high loss.
    expect(lessonExpected(store.getState())?.metric).toEqual({ name: 'val_loss', atLeast: 0.08 });
    store.getState().applyVariant('lstm');
    const built = lessonGraph(store.getState());
    expect(built?.nodes.map((node) => node.kind)).toEqual(['Input', 'LSTM', 'Dense']);
    expect(compareGraphs(selectGraph(store.getState()), built ?? { nodes: [], wires: [] })).toEqual([]);
    expect(lessonExpected(store.getState())?.value).toEqual({ min: 0.7, max: 0.9 });
  });

  it('labels the runs trained after it, so compared runs tell themselves apart', () => {
    const store = createAppStore();
    store.getState().openTemplate(template('activations-compared'));
    const first = store.getState().beginRun();
    store.getState().applyVariant('relu');
    const second = store.getState().beginRun();
    expect(first.variant).toBeNull();
    expect(second.variant).toEqual({ en: 'Use ReLU', es: 'Usar ReLU' });
    expect(selectGraph(store.getState()).nodes.find((node) => node.name === 'hidden1')?.params).toMatchObject({
      activation: 'relu',
    });
  });
});

describe('the transfer lessons', () => {
  const weights = (values: number[]) => encodeWeights([{ shape: [values.length], values }]);

  it('remember which lesson the worker holds trained, until another run starts', () => {
    const store = createAppStore();
    store.getState().openTemplate(template('transfer-base'));
    const run = store.getState().beginRun();
    store.getState().receive({
      type: 'done',
      runId: run.id,
      outcome: { status: 'completed', epochsDone: 10, finalLogs: {} } as never,
    });
    expect(store.getState().lastTrained).toMatchObject({ templateId: 'transfer-base', runId: run.id });
    store.getState().openTemplate(template('transfer-parity'));
    expect(store.getState().lastTrained?.templateId).toBe('transfer-base');
    store.getState().beginRun();
    expect(store.getState().lastTrained).toBeNull();
  });

  it('bring trained layers in by name, warn while frozen layers have none, and one undo takes them out', () => {
    const store = createAppStore();
    store.getState().openTemplate(template('transfer-parity'));
    const warned = () =>
      selectAnalysis(store.getState())
        .problems.filter((problem) => problem.code === 'warn.frozen-untrained')
        .map((problem) => problem.values.name);
    expect(warned()).toEqual(['conv1', 'conv2', 'features', 'digit']);
    const received = store.getState().carryWeights({
      digit: { from: 'Transfer learning 1', weights: weights([1, 2]) },
      nowhere: { from: 'Transfer learning 1', weights: weights([3]) },
    });
    expect(received).toEqual(['digit']);
    expect(warned()).toEqual(['conv1', 'conv2', 'features']);
    const digit = () => selectGraph(store.getState()).nodes.find((node) => node.name === 'digit');
    expect(digit()).toMatchObject({ frozen: true, carried: { from: 'Transfer learning 1' } });
    store.temporal.getState().undo();
    expect(digit()?.carried).toBeUndefined();
  });

  it('unfreeze and drop carried weights from the inspector or a problem’s fix; the from-scratch variant does both', () => {
    const store = createAppStore();
    store.getState().openTemplate(template('transfer-parity'));
    const id = store.getState().nodes.find((node) => node.data.name === 'conv1')?.id ?? '';
    store.getState().carryWeights({ conv1: { from: 'base', weights: weights([1]) } });
    store.getState().applyFix({ kind: 'drop-carried', nodeId: id });
    store.getState().applyFix({ kind: 'set-frozen', nodeId: id, frozen: false });
    expect(store.getState().nodes.find((node) => node.id === id)?.data).not.toHaveProperty('carried');
    expect(store.getState().nodes.find((node) => node.id === id)?.data).not.toHaveProperty('frozen');
    store.getState().setFrozen(id, true);
    expect(store.getState().nodes.find((node) => node.id === id)?.data.frozen).toBe(true);
    store.getState().carryWeights({ conv2: { from: 'base', weights: weights([1]) } });
    store.getState().applyVariant('from-scratch');
    const graph = selectGraph(store.getState());
    expect(graph.nodes.filter((node) => node.frozen === true || node.carried)).toEqual([]);
  });
});
