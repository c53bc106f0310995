/**
 * Large data is built off the window: the store's data reads as pending until the worker's build
 * arrives, then every reader sees the same build; small data is built at once on the window. A
 * stand-in Worker runs the real worker module's build, as the browser would, but asynchronously.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDataset } from '../shared/data/build';
import { csvSpecFor } from '../shared/data/recipes/csv';
import { recipeOf } from '../shared/data/recipes';
import type { DataSpec } from '../shared/data/spec';
import { createAppStore } from '../renderer/src/store';
import { selectDataset } from '../renderer/src/store/selectors';
import {
  buildsOffWindow,
  giveBackBuilt,
  lendBuilt,
  offWindowCharacters,
  rebuildLent,
  watchOffWindowBuilds,
} from '../renderer/src/data/built-off-window';

const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
const iris = readFileSync(`${sklearnData}/iris.csv`, 'utf8');
/** Iris' rows repeated past the threshold: a table the window does not build. */
const large = [
  iris.trimEnd(),
  ...Array.from({ length: 200 }, () => iris.trimEnd().split('\n').slice(1).join('\n')),
].join('\n');

/** Every spec asked of any stand-in: the window starts its build worker once, whichever test is first. */
const everPosted: DataSpec[] = [];

/** Builds in a later task, as a worker answers: what the window sees is the build's message. */
class StandInWorker {
  posted: DataSpec[] = [];
  private listener: ((event: { data: unknown }) => void) | null = null;
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    if (type === 'message') this.listener = listener;
  }
  /** A large text kept for the builds after it, as the build worker keeps it. */
  private kept = '';
  postMessage({ id, spec, text }: { id: number; spec: DataSpec; text?: 'keep' | 'kept' }) {
    this.posted.push(spec);
    everPosted.push(spec);
    const opens = recipeOf(spec).opens;
    const held = opens?.file(spec);
    if (text === 'keep' && held) this.kept = held.text;
    const whole = text === 'kept' && opens && held ? opens.reopen(spec, held.name, this.kept) : spec;
    setTimeout(() => this.listener?.({ data: { id, result: buildDataset(structuredClone(whole)) } }), 5);
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

  it('lends its build to a run without a copy, reads as handed over until given back, and builds again if it never is', async () => {
    const store = createAppStore();
    watchOffWindowBuilds(store);
    const spec = csvSpecFor('iris-lent.csv', large);
    const asked = everPosted.length;
    store.getState().setData(spec);
    await expect.poll(() => store.getState().dataBuilds, { timeout: 20_000 }).toBe(1);
    const before = selectDataset(store.getState());
    if (!before?.ok) throw new Error('not built');
    const values = before.dataset.x.values.slice();

    const lent = lendBuilt(spec);
    expect(lent).toBe(before.dataset);
    store.getState().dataBuilt();
    const meanwhile = selectDataset(store.getState());
    expect(meanwhile?.ok === false && meanwhile.pending && meanwhile.problem.en).toBe(
      'Handing the data to the training…',
    );
    // Lent once: a second run finds nothing to lend and is given the spec, built in its worker.
    expect(lendBuilt(spec)).toBeUndefined();
    // What the run's worker gives back: a copy, which every reader reads from then on.
    giveBackBuilt(spec, structuredClone(before.dataset));
    store.getState().dataBuilt();
    const back = selectDataset(store.getState());
    if (!back?.ok) throw new Error('not given back');
    expect(back.dataset.x.values).toEqual(values);

    // Lent again, and the worker stops before giving it back: built again, asked of the build worker.
    expect(lendBuilt(spec)).toBe(back.dataset);
    const rebuilt = rebuildLent();
    expect(rebuilt).toHaveLength(1);
    const result = await rebuilt[0];
    expect(result?.ok && result.dataset.x.values).toEqual(values);
    expect(everPosted.length - asked).toBe(2);
  }, 30_000);
});
