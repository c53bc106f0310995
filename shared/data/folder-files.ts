/**
 * A learner's folder of images, before decoding: which files are a class's images (a subfolder
 * per class, one of the extensions), which are skipped and why, and when the folder cannot be
 * opened at all. The app and the command line list the files their own way and decode them their
 * own way; they sort them, refuse them and size them here, so both say the same. Reads nothing but
 * its arguments.
 */
import type { Localized } from '../vocabulary/localized.js';
import type { DecodedImage, SkippedImage } from './recipe.js';
import { resizePixels } from './pixels.js';

/** A file under the folder: its path below the folder, split (`['cats', 'tom.png']`), and its handle. */
export interface FolderEntry<T> {
  parts: readonly string[];
  data: T;
}

/** The files that are a class's images, and the others with why they are skipped (hidden files are not listed). */
export function sortFolder<T>(
  entries: readonly FolderEntry<T>[],
  extensions: readonly string[],
): { candidates: { className: string; file: string; data: T }[]; skipped: SkippedImage[] } {
  const candidates: { className: string; file: string; data: T }[] = [];
  const skipped: SkippedImage[] = [];
  for (const { parts, data } of entries) {
    const name = parts.at(-1) ?? '';
    if (name.startsWith('.')) continue;
    if (parts.length !== 2) {
      skipped.push({
        file: parts.join('/'),
        reason: { en: 'not in a class subfolder', es: 'no está en una subcarpeta de clase' },
      });
    } else if (!extensions.some((extension) => name.toLowerCase().endsWith(extension))) {
      skipped.push({
        file: parts.join('/'),
        reason: { en: 'not a .png, .jpg or .jpeg file', es: 'no es un archivo .png, .jpg o .jpeg' },
      });
    } else candidates.push({ className: parts[0] ?? '', file: name, data });
  }
  return { candidates, skipped };
}

/** Why a folder with `count` images cannot be opened (none, or more than a project keeps), or null. */
export function folderProblem(folder: string, count: number, maxImages: number): Localized | null {
  const named = JSON.stringify(folder);
  if (count === 0)
    return {
      en: `${named} holds no images in subfolders: put each class's PNG or JPEG files in a subfolder named after the class.`,
      es: `${named} no tiene imágenes en subcarpetas: pon los PNG o JPEG de cada clase en una subcarpeta con el nombre de la clase.`,
    };
  if (count > maxImages)
    return {
      en: `${named} holds ${count} images; a project keeps at most ${maxImages}. Open a folder with fewer.`,
      es: `${named} tiene ${count} imágenes; un proyecto guarda como mucho ${maxImages}. Abre una carpeta con menos.`,
    };
  return null;
}

/** Why a folder none of whose `count` images decoded cannot be opened. */
export function noneReadProblem(folder: string, count: number): Localized {
  return {
    en: `None of the ${count} images in ${JSON.stringify(folder)} could be read.`,
    es: `No se pudo leer ninguna de las ${count} imágenes de ${JSON.stringify(folder)}.`,
  };
}

/** The decoded images at one side: the largest image's (each is at most the stored side); smaller ones grow to it. */
export function atOneSide(images: readonly DecodedImage[]): DecodedImage[] {
  const common = Math.max(...images.map((image) => image.pixels.width));
  return images.map((image) =>
    image.pixels.width === common ? image : { ...image, pixels: resizePixels(image.pixels, common, common) },
  );
}
