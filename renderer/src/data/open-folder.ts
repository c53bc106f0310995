/**
 * Opening a folder of the learner's images, a subfolder per class: from a directory chooser, the
 * data panel's button, or a folder dropped on the window. The browser decodes each file with
 * createImageBitmap (off the window's thread) and shrinks it on a small canvas; the recipe that
 * opens folders (`opensFolder`) makes the spec. Files it cannot read are listed with why.
 */
import type { DataSpec } from '../../../shared/data/recipes';
import { recipes } from '../../../shared/data/recipes';
import type { DecodedImage, RecipeDef } from '../../../shared/data/recipe';
import { atOneSide, folderProblem, noneReadProblem, sortFolder } from '../../../shared/data/folder-files';
import type { Pixels } from '../../../shared/data/pixels';
import { localize, type Localized } from '../../../shared/vocabulary/localized';
import { useAppStore } from '../store';
import { applyOpenedData, type Opened } from './open-data';

/** A file of a folder with its path inside the folder: `cats/tom.png`. */
export interface FolderFile {
  path: string;
  file: File;
}

const opener = (recipes as readonly RecipeDef<DataSpec>[]).find((recipe) => recipe.opensFolder);

/** The pixels of one image file, at most `side` a side, or why not. */
async function decode(file: File, side: number): Promise<Pixels | Localized> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return {
      en: 'not a PNG or JPEG image this browser can decode',
      es: 'no es una imagen PNG o JPEG que este navegador sepa leer',
    };
  }
  const own = Math.min(side, Math.max(bitmap.width, bitmap.height));
  const canvas = new OffscreenCanvas(own, own);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) {
    bitmap.close();
    return { en: 'no canvas to decode on', es: 'no hay lienzo en el que leerla' };
  }
  context.fillStyle = '#fff';
  context.fillRect(0, 0, own, own);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, own, own);
  bitmap.close();
  const data = context.getImageData(0, 0, own, own).data;
  return { width: own, height: own, channels: 4, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/**
 * The spec for a folder's files (paths inside the folder, the folder's own name first), or why it
 * cannot be opened: no subfolders of images, too many images, or none readable.
 */
export async function openImageFolder(
  files: readonly FolderFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<Opened> {
  if (!opener?.opensFolder)
    return { ok: false, problem: { en: 'No recipe opens folders.', es: 'Ninguna receta abre carpetas.' } };
  const { extensions, maxImages, side, spec } = opener.opensFolder;
  const folder = files[0]?.path.split('/')[0] || 'folder';
  const { candidates, skipped } = sortFolder(
    files.map(({ path, file }) => ({ parts: path.split('/').slice(1), data: file })),
    extensions,
  );
  const problem = folderProblem(folder, candidates.length, maxImages);
  if (problem) return { ok: false, problem };
  const decoded: DecodedImage[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const pixels = await decode(candidate.data, side);
    if ('data' in pixels) decoded.push({ className: candidate.className, file: candidate.file, pixels });
    else skipped.push({ file: `${candidate.className}/${candidate.file}`, reason: pixels });
    onProgress?.(index + 1, candidates.length);
  }
  if (decoded.length === 0) return { ok: false, problem: noneReadProblem(folder, candidates.length) };
  return { ok: true, spec: spec(folder, atOneSide(decoded), skipped) };
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
  const pixels = await decode(file, opener.opensFolder.side);
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
  const store = useAppStore.getState();
  store.setNotice({
    kind: 'info',
    text: localize({ en: 'Reading the images…', es: 'Leyendo las imágenes…' }, store.language),
  });
  const opened = await openImageFolder(files);
  if (opened.ok) {
    useAppStore.getState().setNotice(null);
    applyOpenedData(opened.spec);
  } else
    useAppStore
      .getState()
      .setNotice({ kind: 'error', text: localize(opened.problem, useAppStore.getState().language) });
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
