/**
 * Opening a folder of the learner's images, a subfolder per class: from a directory chooser, the
 * data panel's button, or a folder dropped on the window. Workers side by side decode the files
 * (decode-image.ts) at the side the recipe that opens folders (`opensFolder`) stores so many at,
 * with a progress bar the learner can cancel; the recipe makes the spec. Files it cannot read are
 * listed with why.
 */
import type { DataSpec } from '../../../shared/data/recipes';
import { recipes } from '../../../shared/data/recipes';
import type { RecipeDef } from '../../../shared/data/recipe';
import {
  atOneSide,
  folderProblem,
  ImagePacker,
  noneReadProblem,
  sortFolder,
  unpackImages,
} from '../../../shared/data/folder-files';
import type { Pixels } from '../../../shared/data/pixels';
import { localize, type Localized } from '../../../shared/vocabulary/localized';
import { useAppStore } from '../store';
import { applyOpenedData, openingCancelled, useOpening, type Opened } from './open-data';
import { folderOffWindow } from './built-off-window';
import { decodeImageFile } from './decode-image';
import type { DecodedFile, FromDecodeWorker, ToDecodeWorker } from './decode-images.worker';

/** A file of a folder with its path inside the folder: `cats/tom.png`. */
export interface FolderFile {
  path: string;
  file: File;
}

const opener = (recipes as readonly RecipeDef<DataSpec>[]).find((recipe) => recipe.opensFolder);

/** Workers decoding a folder side by side: as many as the machine has cores, at most four. */
const decoders = () => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
/** Files handed to a worker at once, and turns a worker is given ahead so it never waits. */
const filesPerTurn = 32;
const turnsAhead = 2;

/**
 * Decodes `files` at `side` off the window, in workers side by side, each given a few files at a
 * time and the next few when it hands some back, telling `each` of every file decoded or not;
 * resolves false when the learner cancelled (`stopped`), the workers ended. The window reads each
 * file's bytes and hands them over (transferred): handing a File itself over costs the window a
 * quarter of a millisecond, seconds for a large folder (bench/README.md).
 */
function decodeInWorkers(
  files: readonly File[],
  side: number,
  each: (decoded: DecodedFile) => void,
  stopped: (stop: () => void) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    const workers: Worker[] = [];
    let next = 0;
    let left = files.length;
    let over = false;
    const end = (finished: boolean) => {
      over = true;
      workers.forEach((worker) => worker.terminate());
      resolve(finished);
    };
    stopped(() => end(false));
    const heard = (decoded: readonly DecodedFile[]) => {
      decoded.forEach(each);
      left -= decoded.length;
      if (left === 0 && !over) end(true);
    };
    /** The next few files for `worker`, their bytes read here; a file that cannot be read is said so. */
    const give = async (worker: Worker, holding: Set<number>) => {
      if (next >= files.length) return;
      const turn = files.slice(next, next + filesPerTurn).map((file, offset) => ({ index: next + offset, file }));
      next += turn.length;
      turn.forEach(({ index }) => holding.add(index));
      const read = await Promise.all(
        turn.map(({ index, file }) =>
          file.arrayBuffer().then(
            (bytes) => ({ index, bytes }),
            (thrown: unknown) => ({ index, thrown }),
          ),
        ),
      );
      // Cancelled, or the worker died meanwhile (its files then already said not read).
      if (over || !workers.includes(worker)) return;
      const unread = read.flatMap((entry) => ('bytes' in entry ? [] : [entry]));
      const bytes = read.flatMap((entry) => ('bytes' in entry ? [entry] : []));
      unread.forEach(({ index }) => holding.delete(index));
      heard(
        unread.map(({ index, thrown }) => ({
          index,
          reason: {
            en: `cannot be read (${thrown instanceof Error ? thrown.message : String(thrown)})`,
            es: `no se puede leer (${thrown instanceof Error ? thrown.message : String(thrown)})`,
          },
        })),
      );
      if (bytes.length > 0)
        worker.postMessage({ files: bytes, side } satisfies ToDecodeWorker, {
          transfer: bytes.map((entry) => entry.bytes),
        });
    };
    for (let at = 0; at < Math.min(decoders(), files.length); at += 1) {
      const worker = new Worker(new URL('./decode-images.worker.ts', import.meta.url), {
        type: 'module',
        name: 'decode-images',
      });
      workers.push(worker);
      const holding = new Set<number>();
      worker.addEventListener('message', (event: MessageEvent<FromDecodeWorker>) => {
        event.data.files.forEach(({ index }) => holding.delete(index));
        void give(worker, holding);
        heard(event.data.files);
      });
      // A worker that cannot run: the files it held are said not read, with why; the others go
      // on, and when none is left, so are the files no worker took.
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        worker.terminate();
        workers.splice(workers.indexOf(worker), 1);
        const reason = { en: `not decoded (${event.message})`, es: `no se leyó (${event.message})` };
        const lost: DecodedFile[] = [...holding].map((index) => ({ index, reason }));
        if (workers.length === 0) for (; next < files.length; next += 1) lost.push({ index: next, reason });
        holding.clear();
        heard(lost);
      });
      for (let turn = 0; turn < turnsAhead; turn += 1) void give(worker, holding);
    }
  });
}

/** Decodes `files` on the window, one after another (where there are no workers: tests in a DOM without them). */
async function decodeHere(
  files: readonly File[],
  side: number,
  each: (decoded: DecodedFile) => void,
): Promise<boolean> {
  for (const [index, file] of files.entries()) {
    const decoded = await decodeImageFile(file, side);
    each('data' in decoded ? { index, pixels: decoded } : { index, reason: decoded });
  }
  return true;
}

/**
 * The spec for a folder's files (paths inside the folder, the folder's own name first), or why it
 * cannot be opened: no subfolders of images, too many images, or none readable. Its images are
 * decoded off the window with a progress bar the learner can cancel (the data then as it was),
 * and a large folder's data is built off the window before it is answered.
 */
export async function openImageFolder(
  files: readonly FolderFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<Opened> {
  if (!opener?.opensFolder)
    return { ok: false, problem: { en: 'No recipe opens folders.', es: 'Ninguna receta abre carpetas.' } };
  const { extensions, maxImages, sideFor, spec } = opener.opensFolder;
  const folder = files[0]?.path.split('/')[0] || 'folder';
  const { candidates, skipped } = sortFolder(
    files.map(({ path, file }) => ({ parts: path.split('/').slice(1), data: file })),
    extensions,
  );
  const problem = folderProblem(folder, candidates.length, maxImages);
  if (problem) return { ok: false, problem };
  useOpening.getState().cancel?.();
  const total = candidates.length;
  // Packed as they come: one buffer of pixels, handed to the build worker whole.
  const images = new ImagePacker();
  let done = 0;
  const say = () => {
    useOpening.setState({
      opening: { name: folder, stage: 'decoding', fraction: done / total, images: { done, total } },
    });
    onProgress?.(done, total);
  };
  say();
  // A few dozen updates of the bar at most, however many images.
  const step = Math.max(1, Math.floor(total / 100));
  const each = (decoded: DecodedFile) => {
    const candidate = candidates[decoded.index];
    if (!candidate) return;
    if ('pixels' in decoded)
      images.add({ className: candidate.className, file: candidate.file, pixels: decoded.pixels });
    else skipped.push({ file: `${candidate.className}/${candidate.file}`, reason: decoded.reason });
    done += 1;
    if (done % step === 0 || done === total) say();
  };
  let stop = () => {};
  const cancelled = (): Opened => openingCancelled(folder);
  let stopped = false;
  useOpening.setState({
    cancel: () => {
      stopped = true;
      stop();
      useOpening.setState({ opening: null, cancel: null });
    },
  });
  const sources = candidates.map((candidate) => candidate.data);
  const finished = await (typeof Worker !== 'undefined'
    ? decodeInWorkers(sources, sideFor(total), each, (end) => (stop = end))
    : decodeHere(sources, sideFor(total), each));
  if (!finished || stopped) return cancelled();
  if (images.count === 0) {
    useOpening.setState({ opening: null, cancel: null });
    return { ok: false, problem: noneReadProblem(folder, total) };
  }
  useOpening.setState({ opening: { name: folder, stage: 'building', fraction: null } });
  let made: DataSpec;
  if (typeof Worker === 'undefined') made = spec(folder, atOneSide(unpackImages(images.packed())), skipped);
  else {
    // Made into a spec and built off the window: half a second of work for 20,000 images.
    const off = await folderOffWindow(folder, images.packed(), skipped);
    if (!off.ok) {
      useOpening.setState({ opening: null, cancel: null });
      return { ok: false, problem: off.result.ok ? noneReadProblem(folder, total) : off.result.problem };
    }
    made = off.spec;
  }
  // Applied in a task of its own: receiving a large spec and drawing the Data tab for it are a
  // tenth of a second each, too much for one task together (bench/README.md).
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (stopped) return cancelled();
  useOpening.setState({ opening: null, cancel: null });
  return { ok: true, spec: made };
}

/**
 * The playground's question for one image file the learner brings, decoded as the folder's images
 * were, and its pixels to show; or why it cannot be read.
 */
export async function imageFileQuestion(
  file: File,
): Promise<{ ok: true; query: string; pixels: Pixels } | { ok: false; problem: Localized }> {
  if (!opener?.opensFolder)
    return { ok: false, problem: { en: 'No recipe reads images.', es: 'Ninguna receta lee imágenes.' } };
  const pixels = await decodeImageFile(file, opener.opensFolder.side);
  if (!('data' in pixels)) {
    return {
      ok: false,
      problem: { en: `${JSON.stringify(file.name)}: ${pixels.en}`, es: `${JSON.stringify(file.name)}: ${pixels.es}` },
    };
  }
  return { ok: true, query: opener.opensFolder.queryOf(pixels), pixels };
}

/** The files of a directory input (`webkitdirectory`), with their paths. */
export function filesOfInput(list: ArrayLike<File>): FolderFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** The files under a dropped folder, with their paths from the folder. */
export async function filesOfEntry(entry: FileSystemEntry): Promise<FolderFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: entry.fullPath.replace(/^\//, ''), file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((child) => filesOfEntry(child)));
  return nested.flat();
}

/** Opens a folder's files as data; a folder that cannot be opened is said so, the data as it was. */
export async function openDataFromFolder(files: readonly FolderFile[]): Promise<void> {
  const opened = await openImageFolder(files);
  if (opened.ok) applyOpenedData(opened.spec);
  else
    useAppStore.getState().setNotice({
      kind: opened.cancelled ? 'info' : 'error',
      text: localize(opened.problem, useAppStore.getState().language),
    });
}

/** File → Open a folder of images…: the directory chooser. */
export function chooseImageFolder(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.webkitdirectory = true;
  input.addEventListener('change', () => {
    if (input.files && input.files.length > 0) void openDataFromFolder(filesOfInput(input.files));
  });
  input.click();
}
