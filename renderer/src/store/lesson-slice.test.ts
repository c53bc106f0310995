import { describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/templates/template';
import { lessonLibrary } from '../lessons/templates';
import { createAppStore } from './index';
import { selectGraph } from './selectors';

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
