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

/**
 * A folder's decoded images in a few arrays instead of an object each: handed from one thread to
 * another as one buffer of pixels and two texts of names, where 20,000 objects (or 40,000 names)
 * cost the sender a third of a second to copy.
 */
export interface PackedImages {
  count: number;
  /** Each image's class and file name, joined by `/` (which no file or folder name holds). */
  classNames: string;
  files: string;
  /** Each image's side and channels, and where its pixels start in `pixels`. */
  sides: Uint16Array;
  channels: Uint8Array;
  offsets: Float64Array;
  pixels: Uint8Array;
}

/** Packs images as they are decoded, their pixels copied into one growing buffer. */
export class ImagePacker {
  private pixels = new Uint8Array(1 << 20);
  private length = 0;
  private readonly classNames: string[] = [];
  private readonly files: string[] = [];
  private readonly sides: number[] = [];
  private readonly channels: number[] = [];
  private readonly offsets: number[] = [];

  get count(): number {
    return this.files.length;
  }

  add(image: DecodedImage): void {
    const { data } = image.pixels;
    if (this.length + data.length > this.pixels.length) {
      const grown = new Uint8Array(Math.max(this.pixels.length * 2, this.length + data.length));
      grown.set(this.pixels.subarray(0, this.length));
      this.pixels = grown;
    }
    this.pixels.set(data, this.length);
    this.offsets.push(this.length);
    this.length += data.length;
    this.classNames.push(image.className);
    this.files.push(image.file);
    this.sides.push(image.pixels.width);
    this.channels.push(image.pixels.channels);
  }

  /** What was added, its pixels a view of the buffer (hand the buffer over, not the view's copy). */
  packed(): PackedImages {
    return {
      count: this.files.length,
      classNames: this.classNames.join('/'),
      files: this.files.join('/'),
      sides: Uint16Array.from(this.sides),
      channels: Uint8Array.from(this.channels),
      offsets: Float64Array.from(this.offsets),
      pixels: this.pixels.subarray(0, this.length),
    };
  }
}

export function packImages(images: readonly DecodedImage[]): PackedImages {
  const packer = new ImagePacker();
  images.forEach((image) => packer.add(image));
  return packer.packed();
}

/** The images `packImages` packed, their pixels views into its buffer. */
export function unpackImages(packed: PackedImages): DecodedImage[] {
  if (packed.count === 0) return [];
  const classNames = packed.classNames.split('/');
  return packed.files.split('/').map((file, index) => {
    const side = packed.sides[index] ?? 0;
    const channels = packed.channels[index] ?? 1;
    const offset = packed.offsets[index] ?? 0;
    return {
      className: classNames[index] ?? '',
      file,
      pixels: {
        width: side,
        height: side,
        channels,
        data: packed.pixels.subarray(offset, offset + side * side * channels),
      },
    };
  });
}
