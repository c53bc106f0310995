/**
 * The image sets LayerLab ships, decoded once into numbers: nothing is downloaded. Reads nothing
 * but the generated modules beside it.
 */
import { digitLabels, digitPixels } from './digits-8x8.js';

/** Images LayerLab ships, by name. */
export const imageSources = ['digits-8x8'] as const;
export type ImageSource = (typeof imageSources)[number];

export interface ImageSet {
  /** Rows, columns and channels of every image. */
  height: number;
  width: number;
  channels: number;
  /** Every pixel of every image, in [0, 1], image after image, row by row. */
  pixels: Float32Array;
  /** Each image's class, as an index into `classNames`. */
  classes: Uint8Array;
  classNames: string[];
  /** Where the images come from and under which licence, for the data panel. */
  credit: string;
}

const decoded = new Map<string, ImageSet>();

function decodeDigits(): ImageSet {
  const pixels = new Float32Array(digitPixels.length);
  // Base-17 characters 0–g: ink from 0 to 16, scaled to [0, 1] as the course divides by 16.
  for (let index = 0; index < digitPixels.length; index += 1)
    pixels[index] = parseInt(digitPixels[index] ?? '0', 17) / 16;
  const classes = Uint8Array.from(digitLabels, (label) => Number(label));
  return {
    height: 8,
    width: 8,
    channels: 1,
    pixels,
    classes,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    credit:
      'UCI “Optical Recognition of Handwritten Digits” (Alpaydin and Kaynak, 1998), CC BY 4.0, as scikit-learn ships it',
  };
}

export function imageSet(source: ImageSource): ImageSet {
  let set = decoded.get(source);
  if (!set) {
    set = decodeDigits();
    decoded.set(source, set);
  }
  return set;
}
