/**
 * Large data is built off the window (build-data.worker.ts): a 7 MB table's build is a quarter of
 * a second of the window's thread, and the window must never stall that long. The store asks for
 * the build when such data becomes the project's and is told when it is done; until then the
 * data reads as pending, and every reader of the build (the panel, the problems, Train) waits.
 * Small data, most of it, is built on the window at once, as before.
 */
import type { DatasetResult } from '../../../shared/data/dataset';
import type { DataSpec } from '../../../shared/data/spec';

/** Data carrying more characters than this is built off the window. */
export const offWindowCharacters = 500_000;

/** The characters a spec carries in its strings and arrays of strings (a table's text, a folder's images). */
function charactersOf(spec: DataSpec): number {
  let count = 0;
  for (const value of Object.values(spec)) {
    if (typeof value === 'string') count += value.length;
    else if (Array.isArray(value))
      for (const item of value as unknown[])
        count += typeof item === 'string' ? item.length : JSON.stringify(item ?? null).length;
  }
  return count;
}

const weighed = new WeakMap<DataSpec, boolean>();

/** Whether `spec` is built off the window. */
export function buildsOffWindow(spec: DataSpec): boolean {
  let heavy = weighed.get(spec);
  if (heavy === undefined) {
    heavy = charactersOf(spec) > offWindowCharacters;
    weighed.set(spec, heavy);
  }
  return heavy;
}

/** What a spec built off the window reads as while its build runs. */
export const pendingBuild: DatasetResult = {
  ok: false,
  field: 'file',
  problem: { en: 'Reading the data…', es: 'Leyendo los datos…' },
  pending: true,
};

const built = new WeakMap<DataSpec, DatasetResult>();
const running = new WeakMap<DataSpec, Promise<DatasetResult>>();
let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (result: DatasetResult) => void>();

/** The build of `spec` if it is done. */
export function builtOffWindow(spec: DataSpec): DatasetResult | undefined {
  return built.get(spec);
}

/** Builds `spec` in the worker (once per spec, however often asked). */
export function buildOffWindow(spec: DataSpec): Promise<DatasetResult> {
  const done = built.get(spec);
  if (done) return Promise.resolve(done);
  const already = running.get(spec);
  if (already) return already;
  if (!worker) {
    worker = new Worker(new URL('./build-data.worker.ts', import.meta.url), { type: 'module', name: 'build-data' });
    worker.addEventListener('message', (event: MessageEvent<{ id: number; result: DatasetResult }>) => {
      waiting.get(event.data.id)?.(event.data.result);
      waiting.delete(event.data.id);
    });
    // A worker that fails to start or dies (out of memory): every build waiting says why, at the file.
    worker.addEventListener('error', (event) => {
      const reason = event.message || 'the worker stopped';
      for (const resolve of waiting.values())
        resolve({
          ok: false,
          field: 'file',
          problem: {
            en: `the data could not be built: ${reason}`,
            es: `los datos no se pudieron construir: ${reason}`,
          },
        });
      waiting.clear();
      worker = null;
    });
  }
  nextId += 1;
  const id = nextId;
  const promise = new Promise<DatasetResult>((resolve) => {
    waiting.set(id, (result) => {
      built.set(spec, result);
      running.delete(spec);
      resolve(result);
    });
  });
  running.set(spec, promise);
  worker.postMessage({ id, spec });
  return promise;
}

/**
 * Builds the project's data off the window whenever it becomes large data not built yet (a
 * project opened, an option changed, an undo), and tells the store when the build is done.
 */
export function watchOffWindowBuilds(store: {
  subscribe: (listener: (state: { data: DataSpec | null }, previous: { data: DataSpec | null }) => void) => () => void;
  getState: () => { data: DataSpec | null; dataBuilt: () => void };
}): () => void {
  return store.subscribe((state, previous) => {
    const data = state.data;
    if (data === previous.data || !data || !buildsOffWindow(data) || builtOffWindow(data)) return;
    void buildOffWindow(data).then(() => store.getState().dataBuilt());
  });
}
