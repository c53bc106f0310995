/**
 * Large data is built off the window (build-data.worker.ts): a 7 MB table's build is a quarter of
 * a second of the window's thread, and the window must never stall that long. The store asks for
 * the build when such data becomes the project's and is told when it is done; until then the
 * data reads as pending, and every reader of the build (the panel, the problems, Train) waits.
 * Small data, most of it, is built on the window at once, as before.
 */
import type { Dataset, DatasetResult } from '../../../shared/data/dataset';
import type { DataSpec } from '../../../shared/data/spec';
import { recipeOf } from '../../../shared/data/recipes';
import type { StoreApi } from 'zustand';
import type { AppState } from '../store';
import type { SkippedImage } from '../../../shared/data/recipe';
import type { FromBuildWorker, ToBuildWorker } from './build-data.worker';
import type { PackedImages } from '../../../shared/data/folder-files';

/** Data carrying more characters than this is built off the window. */
export const offWindowCharacters = 500_000;

/**
 * Whether a spec carries more than `limit` characters in its strings, however deep (a table's
 * text, a folder's encoded images): walked once per spec, and no further than the limit.
 */
function carriesMore(value: unknown, limit: number): boolean {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') count += next.length;
    // One by one, not spread: an array of a million numbers would overflow the call's arguments.
    else if (next !== null && typeof next === 'object') for (const item of Object.values(next)) pending.push(item);
    if (count > limit) return true;
  }
  return false;
}

const weighed = new WeakMap<DataSpec, boolean>();

/** Whether `spec` is built off the window. */
export function buildsOffWindow(spec: DataSpec): boolean {
  let heavy = weighed.get(spec);
  if (heavy === undefined) {
    heavy = carriesMore(spec, offWindowCharacters);
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
/**
 * The large text (a table's) the worker keeps from the last build that carried it: a build of
 * the same text (an option changed) is asked without it, since handing over 200 MB of text is
 * half a second of the window's thread.
 */
let textInWorker: string | null = null;
const waiting = new Map<number, (answer: FromBuildWorker) => void>();

/** The build of `spec` if it is done. */
export function builtOffWindow(spec: DataSpec): DatasetResult | undefined {
  return built.get(spec);
}

/** What data lent to a run reads as until the run's worker gives it back (a moment). */
export const lentBuild: DatasetResult = {
  ok: false,
  field: 'file',
  problem: { en: 'Handing the data to the training…', es: 'Pasando los datos al entrenamiento…' },
  pending: true,
};

/** The builds lent to a run, by the spec they were built of, until they come back. */
const lent = new Set<DataSpec>();

/**
 * The build of `spec`, taken from the window to be handed to a run's worker without a copy
 * (cloning 100 MB of values is half a second of the window's thread, bench/train-table.ts):
 * until the worker gives it back (`giveBackBuilt`), the data reads as `lentBuild`. Undefined
 * when it is not built.
 */
export function lendBuilt(spec: DataSpec): Dataset | undefined {
  const done = built.get(spec);
  if (!done?.ok) return undefined;
  built.set(spec, lentBuild);
  lent.add(spec);
  return done.dataset;
}

/** The build lent for `spec`, given back by the run's worker: the data reads as built again. */
export function giveBackBuilt(spec: DataSpec, dataset: Dataset): void {
  if (!lent.delete(spec)) return;
  built.set(spec, { ok: true, dataset });
}

/**
 * The worker the builds were lent to stopped before giving them back: each is built again (the
 * build worker keeps the text). A promise of each build, so the store can be told when it is done.
 */
export function rebuildLent(): Promise<DatasetResult>[] {
  const again = [...lent].map((spec) => {
    built.delete(spec);
    return buildOffWindow(spec);
  });
  lent.clear();
  return again;
}

/** Asks the worker (started once) for a build; its answer, or why it could not give one. */
function ask(question: ToBuildWorker): Promise<FromBuildWorker> {
  if (!worker) {
    worker = new Worker(new URL('./build-data.worker.ts', import.meta.url), { type: 'module', name: 'build-data' });
    worker.addEventListener('message', (event: MessageEvent<FromBuildWorker>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    });
    // A worker that fails to start or dies (out of memory): every build waiting says why, at the file.
    worker.addEventListener('error', (event) => {
      const reason = event.message || 'the worker stopped';
      for (const [id, resolve] of waiting)
        resolve({
          id,
          result: {
            ok: false,
            field: 'file',
            problem: {
              en: `the data could not be built: ${reason}`,
              es: `los datos no se pudieron construir: ${reason}`,
            },
          },
        });
      waiting.clear();
      worker = null;
      textInWorker = null;
    });
  }
  const promise = new Promise<FromBuildWorker>((resolve) => waiting.set(question.id, resolve));
  const transfer = 'folder' in question ? [question.folder.images.pixels.buffer] : [];
  worker.postMessage(question, { transfer });
  return promise;
}

/**
 * The build of `spec` to ask for: without its large text when the worker keeps it, or with the
 * file it was read from (`file`), which the worker reads itself, rather than the text.
 */
function buildOf(id: number, spec: DataSpec, file?: File): ToBuildWorker {
  const opens = recipeOf(spec).opens;
  const held = opens?.file(spec);
  if (!opens || !held || held.text.length <= offWindowCharacters) return { id, spec };
  const bare = opens.reopen(spec, held.name, '');
  if (held.text === textInWorker) return { id, spec: bare, text: 'kept' };
  textInWorker = held.text;
  return file ? { id, spec: bare, text: { file } } : { id, spec, text: 'keep' };
}

/**
 * Builds `spec` in the worker (once per spec, however often asked); `file`: the file its text was
 * just read from, which the worker reads again rather than be handed the text.
 */
export function buildOffWindow(spec: DataSpec, file?: File): Promise<DatasetResult> {
  const done = built.get(spec);
  if (done) return Promise.resolve(done);
  const already = running.get(spec);
  if (already) return already;
  nextId += 1;
  const promise = ask(buildOf(nextId, spec, file)).then(({ result, failed }) => {
    // Whatever the worker kept is in doubt: the next build hands the text over again.
    if (failed) textInWorker = null;
    built.set(spec, result);
    running.delete(spec);
    return result;
  });
  running.set(spec, promise);
  return promise;
}

/**
 * The spec of a folder's decoded images, made and built in the worker (their pixels in one
 * buffer, handed over, not copied), or why it could not be.
 */
export async function folderOffWindow(
  name: string,
  images: PackedImages,
  skipped: SkippedImage[],
): Promise<{ ok: true; spec: DataSpec } | { ok: false; result: DatasetResult }> {
  nextId += 1;
  const { spec, result } = await ask({ id: nextId, folder: { name, images, skipped } });
  if (!spec) return { ok: false, result };
  built.set(spec, result);
  return { ok: true, spec };
}

/**
 * Builds the project's data off the window whenever it becomes large data not built yet (a
 * project opened, an option changed, an undo), and tells the store when the build is done.
 */
export function watchOffWindowBuilds(store: StoreApi<AppState>): () => void {
  return store.subscribe((state, previous) => {
    const data = state.data;
    if (data === previous.data || !data || !buildsOffWindow(data) || builtOffWindow(data)) return;
    void buildOffWindow(data).then(() => store.getState().dataBuilt());
  });
}
