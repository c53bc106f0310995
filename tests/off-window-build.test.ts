/**
 * Large data is built off the window: the store's data reads as pending until the worker's build
 * arrives, then every reader sees the same build; small data is built at once on the window. A
 * stand-in Worker runs the real worker module's build, as the browser would, but asynchronously.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../shared/data/build';
import { csvSpecFor } from '../shared/data/recipes/csv';
import type { DataSpec } from '../shared/data/spec';
import { createAppStore } from '../renderer/src/store';
import { selectDataset } from '../renderer/src/store/selectors';
import { buildsOffWindow, offWindowCharacters, watchOffWindowBuilds } from '../renderer/src/data/built-off-window';

const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
const iris = readFileSync(`${sklearnData}/iris.csv`, 'utf8');
/** Iris' rows repeated past the threshold: a table the window does not build. */
const large = [
  iris.trimEnd(),
  ...Array.from({ length: 200 }, () => iris.trimEnd().split('\n').slice(1).join('\n')),
].join('\n');

/** Builds in a later task, as a worker answers: what the window sees is the build's message. */
class StandInWorker {
  posted: DataSpec[] = [];
  private listener: ((event: { data: unknown }) => void) | null = null;
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    if (type === 'message') this.listener = listener;
  }
  postMessage({ id, spec }: { id: number; spec: DataSpec }) {
    this.posted.push(spec);
    setTimeout(() => this.listener?.({ data: { id, result: buildDataset(structuredClone(spec)) } }), 5);
  }
}

let created: StandInWorker[] = [];
const original = globalThis.Worker;
beforeEach(() => {
  created = [];
  globalThis.Worker = class extends StandInWorker {
    constructor() {
      super();
      created.push(this);
    }
  } as unknown as typeof Worker;
});
afterEach(() => {
  globalThis.Worker = original;
});

describe('large data, built off the window', () => {
  it('weighs a spec by the characters it carries', () => {
    expect(large.length).toBeGreaterThan(offWindowCharacters);
    expect(buildsOffWindow(csvSpecFor('iris.csv', iris))).toBe(false);
    expect(buildsOffWindow(csvSpecFor('iris-large.csv', large))).toBe(true);
  });

  it('reads as pending until the worker’s build arrives, then as that build, asked for once', async () => {
    const store = createAppStore();
    watchOffWindowBuilds(store);
    const spec = csvSpecFor('iris-large.csv', large);
    store.getState().setData(spec);
    const pending = selectDataset(store.getState());
    expect(pending?.ok === false && pending.pending && pending.problem.en).toBe('Reading the data…');
    await expect.poll(() => store.getState().dataBuilds, { timeout: 20_000 }).toBe(1);
    const built = selectDataset(store.getState());
    if (!built?.ok) throw new Error('not built');
    expect(built.dataset.x.shape).toEqual([Math.round(150 * 201 * 0.8), 4]);
    // Another reader, and the same spec again (an undo): the same build, no second request.
    expect(selectDataset(store.getState())).toBe(built);
    store.getState().setData(csvSpecFor('iris.csv', iris));
    store.getState().setData(spec);
    expect(selectDataset(store.getState())).toBe(built);
    expect(created.flatMap((worker) => worker.posted)).toHaveLength(1);
  }, 30_000);

  it('builds small data on the window at once, with no worker', () => {
    const store = createAppStore();
    watchOffWindowBuilds(store);
    store.getState().setData(csvSpecFor('iris.csv', iris));
    expect(selectDataset(store.getState())?.ok).toBe(true);
    expect(created).toHaveLength(0);
  });
});
