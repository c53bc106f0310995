/**
 * A learner's data file read from disk for `layerlab new --data` and `layerlab train --data`: the
 * recipe that opens it, and its text, refused in one line when it is not a file LayerLab opens,
 * too large (before a byte is read), or not UTF-8 text. Or a folder of images, a subfolder per
 * class, decoded with pngjs and jpeg-js.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { DecodedImage, RecipeDef, SkippedImage } from '../shared/data/recipe.js';
import { compactPixels, resizePixels, type Pixels } from '../shared/data/pixels.js';
import {
  atOneSide,
  folderProblem,
  noneReadProblem,
  sortFolder,
  type FolderEntry,
} from '../shared/data/folder-files.js';
import { recipes, type DataSpec } from '../shared/data/recipes/index.js';
import { openedExtensions, recipeOpening } from '../shared/data/open.js';
import { textOf, tooLarge } from '../shared/data/text-file.js';
import { localize, type Language, type Localized } from '../shared/vocabulary/localized.js';
import { CliError } from './errors.js';
import { reason } from './project-file.js';
import { describedFile, type DataFile as DataFileReference } from '../shared/data/data-file.js';

export interface ReadData {
  name: string;
  text: string;
  /** Where it is, its size and hash: what a project keeps of a large file it leaves outside. */
  source: DataFileReference;
  recipe: RecipeDef<DataSpec> & { opens: NonNullable<RecipeDef<DataSpec>['opens']> };
}

/** `wanted`: the kind of a project given another file, or the command line's choices (`--words`). */
export async function readDataFile(
  file: string,
  language: Language,
  wanted: Parameters<typeof recipeOpening>[1] = {},
): Promise<ReadData> {
  const name = path.basename(file);
  const recipe = recipeOpening(name, wanted);
  if (!recipe?.opens) throw new CliError(`${file}: LayerLab opens these files as data: ${openedExtensions}`);
  const { opens } = recipe;
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${file} is not a plain file`);
    // A file over the cap is refused before it is read: a 1 GB file never reaches memory.
    if (info.size > opens.maxBytes)
      throw new CliError(localize(tooLarge(name, info.size, opens.maxBytes).problem, language));
    bytes = await readFile(file);
  } catch (thrown) {
    if (thrown instanceof CliError) throw thrown;
    throw new CliError(`cannot read ${file}: ${reason(thrown)}`);
  }
  const text = textOf(name, bytes, opens.maxBytes);
  if (!text.ok) throw new CliError(localize(text.problem, language));
  const source = describedFile(name, text.text, bytes.length, path.resolve(file));
  return { name, text: text.text, source, recipe: { ...recipe, opens } };
}

/** Whether `file` is a folder (of images, a subfolder per class). */
export async function isFolder(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** One image file decoded with pngjs or jpeg-js, shrunk to at most `side` a side, or why not. */
function decodeImage(bytes: Buffer, name: string, side: number): Pixels | Localized {
  try {
    const image = /\.png$/i.test(name)
      ? PNG.sync.read(bytes)
      : jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 512 });
    const pixels: Pixels = { width: image.width, height: image.height, channels: 4, data: new Uint8Array(image.data) };
    const own = Math.min(side, Math.max(image.width, image.height));
    return compactPixels(resizePixels(pixels, own, own));
  } catch (thrown) {
    return { en: `cannot be decoded (${reason(thrown)})`, es: `no se puede leer (${reason(thrown)})` };
  }
}

export interface ImageFolder {
  folder: string;
  images: DecodedImage[];
  skipped: SkippedImage[];
  recipe: RecipeDef<DataSpec> & { opensFolder: NonNullable<RecipeDef<DataSpec>['opensFolder']> };
}

/**
 * A folder of images with a subfolder per class, decoded as the app decodes one: the recipe that
 * opens folders, each readable image at most its side, and the files not read with why.
 */
/** The recipe that opens folders of images. */
const folderRecipe = () => (recipes as readonly RecipeDef<DataSpec>[]).find((candidate) => candidate.opensFolder);

/**
 * The playground's question for an image file given as `layerlab predict --input PATH`, or null
 * when the value does not name an image file (a number, a text, `#12`).
 */
export async function imageFileQuery(value: string): Promise<string | null> {
  const opensFolder = folderRecipe()?.opensFolder;
  const lower = value.toLowerCase();
  if (!opensFolder?.extensions.some((extension) => lower.endsWith(extension))) return null;
  let bytes: Buffer;
  try {
    bytes = await readFile(value);
  } catch (thrown) {
    throw new CliError(`cannot read ${value}: ${reason(thrown)}`);
  }
  const decoded = decodeImage(bytes, value, opensFolder.side);
  if (!('data' in decoded)) throw new CliError(`${value} ${decoded.en}`);
  return opensFolder.queryOf(decoded);
}

export async function readImageFolder(folderPath: string): Promise<ImageFolder> {
  const recipe = folderRecipe();
  if (!recipe?.opensFolder) throw new CliError('no recipe opens folders');
  const { opensFolder } = recipe;
  const folder = path.basename(path.resolve(folderPath));
  // The files a folder chooser would list: those at the top, and those in each class's subfolder.
  const entries: FolderEntry<string>[] = [];
  for (const entry of await readdir(folderPath, { withFileTypes: true })) {
    if (!entry.isDirectory()) entries.push({ parts: [entry.name], data: path.join(folderPath, entry.name) });
    else if (!entry.name.startsWith('.'))
      for (const file of await readdir(path.join(folderPath, entry.name)))
        entries.push({ parts: [entry.name, file], data: path.join(folderPath, entry.name, file) });
  }
  const { candidates, skipped } = sortFolder(entries, opensFolder.extensions);
  const problem = folderProblem(folder, candidates.length, opensFolder.maxImages);
  if (problem) throw new CliError(problem.en);
  const images: DecodedImage[] = [];
  const side = opensFolder.sideFor(candidates.length);
  for (const { className, file, data } of candidates) {
    let bytes: Buffer;
    try {
      bytes = await readFile(data);
    } catch (thrown) {
      skipped.push({
        file: `${className}/${file}`,
        reason: { en: `cannot be read (${reason(thrown)})`, es: `no se puede leer (${reason(thrown)})` },
      });
      continue;
    }
    const decoded = decodeImage(bytes, file, side);
    if ('data' in decoded) images.push({ className, file, pixels: decoded });
    else skipped.push({ file: `${className}/${file}`, reason: decoded });
  }
  if (images.length === 0) throw new CliError(noneReadProblem(folder, candidates.length).en);
  return { folder, images: atOneSide(images), skipped, recipe: { ...recipe, opensFolder } };
}

/** The files of a folder that were not read, a line each (the first few), for stderr. */
export function skippedLines(skipped: readonly SkippedImage[], language: Language): string {
  const lines = skipped.slice(0, 10).map((entry) => `  ${entry.file}: ${localize(entry.reason, language)}\n`);
  const more = skipped.length > 10 ? `  and ${skipped.length - 10} more\n` : '';
  return skipped.length === 0 ? '' : `Not read (${skipped.length}):\n${lines.join('')}${more}`;
}
