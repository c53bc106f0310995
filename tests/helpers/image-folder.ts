/**
 * A folder of real images for the tests, written as a learner would have one: a subfolder per
 * class of PNG files (and one JPEG), made from the shipped 8×8 handwritten digits drawn dark on
 * white at 16×16, plus files that are not images, so what is skipped is seen.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imageSet } from '../../shared/data/images';

export interface FolderOptions {
  /** Digits to use as classes, each a subfolder named after it. */
  digits: readonly number[];
  /** Images per class (the first ones of each digit); one count per digit. */
  counts: readonly number[];
}

/** RGBA pixels of digit image `index`, 16×16, ink dark on white (each 8×8 pixel becomes 2×2). */
export function digitRgba(index: number, tint: [number, number, number] = [0, 0, 0]): Buffer {
  const set = imageSet('digits-8x8');
  const data = Buffer.alloc(16 * 16 * 4);
  for (let y = 0; y < 16; y += 1) {
    for (let x = 0; x < 16; x += 1) {
      const ink = set.pixels[index * 64 + Math.floor(y / 2) * 8 + Math.floor(x / 2)] ?? 0;
      const at = (y * 16 + x) * 4;
      for (let channel = 0; channel < 3; channel += 1)
        data[at + channel] = Math.round(255 * (1 - ink) + (tint[channel] ?? 0) * ink);
      data[at + 3] = 255;
    }
  }
  return data;
}

/** Writes the folder `root/name` and returns its path. */
export function writeDigitFolder(root: string, name: string, options: FolderOptions): string {
  const folder = path.join(root, name);
  const set = imageSet('digits-8x8');
  options.digits.forEach((digit, position) => {
    const classFolder = path.join(folder, `digit-${digit}`);
    mkdirSync(classFolder, { recursive: true });
    const indices = [...set.classes.keys()].filter((index) => set.classes[index] === digit);
    indices.slice(0, options.counts[position] ?? 0).forEach((index, number) => {
      const rgba = digitRgba(index);
      const file = path.join(classFolder, `${String(number).padStart(3, '0')}`);
      // One JPEG a class, as photos are; the rest PNG.
      if (number === 0) writeFileSync(`${file}.jpg`, jpeg.encode({ data: rgba, width: 16, height: 16 }, 95).data);
      else {
        const png = new PNG({ width: 16, height: 16 });
        rgba.copy(png.data);
        writeFileSync(`${file}.png`, PNG.sync.write(png));
      }
    });
  });
  // What a real folder also holds: a note, and a file named as an image that is not one.
  writeFileSync(path.join(folder, 'README.txt'), 'digits as images\n');
  const first = `digit-${options.digits[0] ?? 0}`;
  writeFileSync(path.join(folder, first, 'broken.png'), 'not really a png');
  return folder;
}

/**
 * Writes `count` grey PNG files of `side` pixels a side into `root/name`, a subfolder per digit
 * (the shipped digits drawn large, one after another, as MNIST's are), and returns its path.
 */
export function writeManyDigits(root: string, name: string, count: number, side: number): string {
  const folder = path.join(root, name);
  const set = imageSet('digits-8x8');
  for (let index = 0; index < count; index += 1) {
    const digit = index % set.classes.length;
    const png = new PNG({ width: side, height: side });
    for (let y = 0; y < side; y += 1)
      for (let x = 0; x < side; x += 1) {
        const ink = set.pixels[digit * 64 + Math.floor((y * 8) / side) * 8 + Math.floor((x * 8) / side)] ?? 0;
        const at = (y * side + x) * 4;
        png.data.fill(Math.round(255 * (1 - ink)), at, at + 3);
        png.data[at + 3] = 255;
      }
    const classFolder = path.join(folder, `digit-${set.classes[digit] ?? 0}`);
    mkdirSync(classFolder, { recursive: true });
    writeFileSync(path.join(classFolder, `${String(index).padStart(5, '0')}.png`), PNG.sync.write(png));
  }
  return folder;
}
