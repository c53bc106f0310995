/**
 * Opening a file of the learner's own data: which recipe opens it (by the recipes' `opens`), and
 * its bytes read as UTF-8 text, refused with a clear reason when they are too many, empty, not
 * text, or not UTF-8. The data panel's button, File → Open data and a file dropped on the window
 * all come here.
 */
import { create } from 'zustand';
import { recipeOf, type DataSpec } from '../../../shared/data/recipes';
import { openedExtensions, recipeOpening } from '../../../shared/data/open';
import { localize, type Localized } from '../../../shared/vocabulary/localized';
import type { Dataset } from '../../../shared/data/build';
import { starterNetwork } from '../../../shared/training/starter';
import { useAppStore } from '../store';
import { flowOf } from '../store/graph-slice';
import { selectDataset } from '../store/selectors';
import { buildOffWindow, buildsOffWindow } from './built-off-window';
import { textOf, tooLarge } from '../../../shared/data/text-file';
import { describedFile, notFoundProblem, type DataFile } from '../../../shared/data/data-file';
import type { RecipeDef } from '../../../shared/data/recipe';
import type { Language } from '../../../shared/vocabulary/localized';
import type { AppState } from '../store';
import { pathOfFile } from '../host';
import { knowFingerprint } from '../../../shared/vocabulary/fingerprint';

/**
 * A file opened, with where it came from (its path where the platform tells), or why not;
 * `cancelled` when the learner stopped it (the data stays as it was).
 */
export type Opened =
  { ok: true; spec: DataSpec; source?: DataFile } | { ok: false; problem: Localized; cancelled?: boolean };

/** What the worker that opens a file says: how far it got, then what it opened. */
export type FromOpenWorker =
  { type: 'progress'; stage: 'reading' | 'parsing'; fraction: number | null } | { type: 'opened'; opened: Opened };

/** The file being opened, for the progress bar, and how to stop it. */
export interface Opening {
  name: string;
  /** Its bytes read, its table read (a folder: its images decoded), then (large data) its dataset built off the window. */
  stage: 'reading' | 'parsing' | 'decoding' | 'building';
  /** Of the bytes read, the rows or the images; null when there is no measure. */
  fraction: number | null;
  /** A folder's images decoded so far, of how many. */
  images?: { done: number; total: number };
}

/** What opening `name` (a file or a folder) says when the learner cancels it. */
export function openingCancelled(name: string): Opened {
  return {
    ok: false,
    cancelled: true,
    problem: {
      en: `Opening ${JSON.stringify(name)} was cancelled: the data is as it was.`,
      es: `Se canceló la apertura de ${JSON.stringify(name)}: los datos siguen como estaban.`,
    },
  };
}

export const useOpening = create<{ opening: Opening | null; cancel: (() => void) | null }>(() => ({
  opening: null,
  cancel: null,
}));

/**
 * The data spec for a file the learner opened or dropped, or why it cannot be opened. Read in a
 * worker where the window has one (progress shown, cancellable), else here; large data is built
 * off the window before it is answered, unless `build` is false (its spec is not the one used).
 */
export async function openDataFile(file: File, { build = true }: { build?: boolean } = {}): Promise<Opened> {
  const recipe = recipeOpening(file.name);
  if (!recipe?.opens)
    return {
      ok: false,
      problem: {
        en: `LayerLab opens these files as data: ${openedExtensions}; ${JSON.stringify(file.name)} is not one of them.`,
        es: `LayerLab abre estos archivos como datos: ${openedExtensions}; ${JSON.stringify(file.name)} no es ninguno de ellos.`,
      },
    };
  // Refused before reading: a 1 GB file is never read into memory.
  if (file.size > recipe.opens.maxBytes) return tooLarge(file.name, file.size, recipe.opens.maxBytes);
  const opened = await (typeof Worker !== 'undefined' ? openInWorker(file, build) : openHere(file, recipe.opens));
  return opened.ok && opened.source ? { ...opened, source: { ...opened.source, path: pathOfFile(file) } } : opened;
}

/** On the window's thread where there is no worker (tests in a DOM without one). */
async function openHere(file: File, opens: NonNullable<RecipeDef<DataSpec>['opens']>): Promise<Opened> {
  const read = textOf(file.name, new Uint8Array(await file.arrayBuffer()), opens.maxBytes);
  if (!read.ok) return read;
  return { ok: true, spec: opens.spec(file.name, read.text), source: describedFile(file.name, read.text, file.size) };
}

function openInWorker(file: File, buildFirst: boolean): Promise<Opened> {
  useOpening.getState().cancel?.();
  return new Promise<Opened>((resolve) => {
    const worker = new Worker(new URL('./open-file.worker.ts', import.meta.url), { type: 'module', name: 'open-data' });
    let done = false;
    const finish = (opened: Opened) => {
      if (done) return;
      done = true;
      worker.terminate();
      useOpening.setState({ opening: null, cancel: null });
      resolve(opened);
    };
    const name = JSON.stringify(file.name);
    useOpening.setState({
      opening: { name: file.name, stage: 'reading', fraction: 0 },
      cancel: () => finish(openingCancelled(file.name)),
    });
    worker.addEventListener('message', (event: MessageEvent<FromOpenWorker>) => {
      const message = event.data;
      if (message.type === 'progress') {
        if (!done)
          useOpening.setState({ opening: { name: file.name, stage: message.stage, fraction: message.fraction } });
        return;
      }
      worker.terminate();
      // The worker checked the text and made the spec without it: a large text handed over from a
      // worker costs the window far more than reading the file itself (bench/README.md).
      const reading = (fraction: number) =>
        !done && useOpening.setState({ opening: { name: file.name, stage: 'reading', fraction } });
      withTextOf(file, message.opened, reading, () => done).then(
        ({ opened, pieces }) => !done && afterReading(opened, pieces),
        (thrown: unknown) =>
          finish({
            ok: false,
            problem: {
              en: `${name} could not be read: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
              es: `${name} no se pudo leer: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
            },
          }),
      );
    });
    const afterReading = (opened: Opened, pieces?: readonly string[]) => {
      const prepare = opened.ok ? recipeOf(opened.spec).opens?.prepare : undefined;
      // Large data is built off the window before it is applied (built-off-window.ts), the bar saying so.
      const build = (prepared: Opened) => {
        if (!prepared.ok || !buildFirst || !buildsOffWindow(prepared.spec)) {
          finish(prepared);
          return;
        }
        if (!done) useOpening.setState({ opening: { name: file.name, stage: 'building', fraction: null } });
        void buildOffWindow(prepared.spec, file).then(() => finish(prepared));
      };
      if (!opened.ok || !prepare) {
        build(opened);
        return;
      }
      // What the build needs, read on the window a step at a time (a large table's rows).
      const progress = (fraction: number) =>
        !done && useOpening.setState({ opening: { name: file.name, stage: 'parsing', fraction } });
      // Applied (or built off the window) in a task of its own after the last step.
      void prepare(opened.spec, progress, () => done, pieces).then(
        (prepared) => prepared && setTimeout(() => build(opened), 0),
      );
    };
    worker.addEventListener('error', (event) =>
      finish({
        ok: false,
        problem: {
          en: `${name} could not be opened: ${event.message}`,
          es: `${name} no se pudo abrir: ${event.message}`,
        },
      }),
    );
    worker.postMessage({ file });
  });
}

/** Bytes of a file read per step of `textInSteps`: a few milliseconds each. */
const stepBytes = 2 * 1024 * 1024;

/**
 * The text of `file` (which the open worker checked is UTF-8), read a slice at a time with the
 * window free between slices: `Blob.text()` reads and decodes 200 MB in tasks of a third of a
 * second each. The text is the slices' concatenation, which the engine keeps as the pieces until
 * something reads it as one string: joining them at once was half a second for 200 MB; the
 * table is read from the pieces (`pieces`). Null when `stopped` says to stop.
 */
export async function textInSteps(
  file: Blob,
  progress: (fraction: number) => void,
  stopped: () => boolean,
): Promise<{ text: string; pieces: string[] } | null> {
  if (file.size <= stepBytes) {
    const text = await file.text();
    return { text, pieces: [text] };
  }
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  let text = '';
  for (let at = 0; at < file.size; at += stepBytes) {
    if (stopped()) return null;
    // A character cut by the slice's end is held by the decoder for the next one.
    const bytes = new Uint8Array(await file.slice(at, at + stepBytes).arrayBuffer());
    pieces.push(decoder.decode(bytes, { stream: true }));
    progress(Math.min((at + stepBytes) / file.size, 1));
  }
  pieces.push(decoder.decode());
  for (const piece of pieces) text += piece;
  return { text, pieces };
}

/** The spec the open worker made, with the file's text read here (the worker checked it is UTF-8). */
async function withTextOf(
  file: File,
  opened: Opened,
  progress: (fraction: number) => void,
  stopped: () => boolean,
): Promise<{ opened: Opened; pieces?: readonly string[] }> {
  const opens = opened.ok ? recipeOf(opened.spec).opens : undefined;
  if (!opened.ok || !opens) return { opened };
  const read = await textInSteps(file, progress, stopped);
  if (read === null) return { opened: openingCancelled(file.name) };
  return { opened: { ...opened, spec: opens.reopen(opened.spec, file.name, read.text) }, pieces: read.pieces };
}

/**
 * On an empty canvas, a starter network for `dataset` (inputs sized to the features, a small
 * hidden stack, the output and loss the target implies), with the loss and metrics it trains with.
 */
export function proposeStarter(dataset: Dataset): void {
  const starter = starterNetwork(dataset);
  useAppStore.setState({
    ...flowOf(starter.graph),
    training: { ...useAppStore.getState().training, ...starter.training },
  });
  useAppStore.getState().frameNetwork();
}

/**
 * Makes `spec` the project's data, and on an empty canvas proposes a starter network for it, as
 * one step the learner can undo. The Data tab opens on it. `source`: the file it was read from.
 */
export function applyOpenedData(spec: DataSpec, source?: DataFile): void {
  const state = useAppStore.getState();
  const held = recipeOf(spec).opens?.file(spec);
  // Hashed once, by the worker that read it: an export checks the file against this fingerprint.
  if (source && held) knowFingerprint(held.text, source.sha256);
  useAppStore.setState({ dataSource: source && held ? { file: source, text: held.text } : null, dataSought: null });
  state.asOneStep(() => {
    state.setData(spec);
    if (state.nodes.length > 0) return;
    // Built as the Data tab will read it, once: the store keeps the build of the current spec.
    const built = selectDataset(useAppStore.getState());
    if (built?.ok) proposeStarter(built.dataset);
  });
  useAppStore.getState().setDockTab('data');
}

/** Opens a data file the learner chose or dropped; a file that cannot be opened is said so. */
export async function openDataFromFile(file: File): Promise<void> {
  const opened = await openDataFile(file);
  if (opened.ok) applyOpenedData(opened.spec, opened.source);
  else
    useAppStore.getState().setNotice({
      kind: opened.cancelled ? 'info' : 'error',
      text: localize(opened.problem, useAppStore.getState().language),
    });
}

/** File → Open data…: the file chooser, for the files some recipe opens. */
export function chooseDataFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = openedExtensions;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void openDataFromFile(file);
  });
  input.click();
}

/** What the Data tab and the notice say of a data file not found as the project saved it. */
export function soughtText(sought: NonNullable<AppState['dataSought']>, language: Language): string {
  const point = { en: 'point to it again.', es: 'vuelve a indicarlo.' };
  return `${localize(notFoundProblem(sought.file, sought.found), language)}: ${localize(point, language)}`;
}

/**
 * The learner points to the data file the project keeps outside itself: the same file (its hash)
 * is taken as it is; another one only when the learner says so, every choice they made kept.
 */
export async function pointToDataFile(file: File): Promise<Opened> {
  const state = useAppStore.getState();
  const sought = state.dataSought;
  const spec = state.data;
  const opens = spec && recipeOf(spec).opens;
  if (!sought || !spec || !opens)
    return { ok: false, problem: { en: 'No data file is sought.', es: 'No se busca ningún archivo de datos.' } };
  // Its own proposal is not built: the project's spec, with the learner's choices, is.
  const opened = await openDataFile(file, { build: false });
  if (!opened.ok || !opened.source) return opened;
  const text = recipeOf(opened.spec).opens?.file(opened.spec).text ?? '';
  if (opened.spec.kind !== spec.kind)
    return {
      ok: false,
      problem: {
        en: `${JSON.stringify(file.name)} is not the kind of data this project trains on.`,
        es: `${JSON.stringify(file.name)} no es el tipo de datos con que se entrena este proyecto.`,
      },
    };
  if (opened.source.sha256 !== sought.file.sha256) {
    const same = window.confirm(
      localize(
        {
          en: `${file.name} is not the file the project was saved with: its contents differ. Train on it as it is now? Its rows are dealt, scaled and split afresh; every choice you made is kept.`,
          es: `${file.name} no es el archivo con que se guardó el proyecto: su contenido es otro. ¿Entrenar con él tal como está? Sus filas se reparten, escalan y dividen de nuevo; se conservan todas tus elecciones.`,
        },
        state.language,
      ),
    );
    if (!same)
      return {
        ok: false,
        cancelled: true,
        problem: { en: 'The data is as it was.', es: 'Los datos siguen como estaban.' },
      };
  }
  useAppStore.setState({
    data: opens.reopen(spec, file.name, text),
    dataSource: { file: opened.source, text },
    dataSought: null,
    notice: null,
  });
  return { ok: true, spec: useAppStore.getState().data as DataSpec, source: opened.source };
}
