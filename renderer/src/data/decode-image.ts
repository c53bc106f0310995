/**
 * One image file decoded to pixels the way every image of a learner's folder is: the browser's own
 * decoder (createImageBitmap, which reads PNG and JPEG) and a small canvas that draws it over white
 * at most `side` a side, kept in as few channels as it needs (grey in one). Runs on the window (the
 * playground's one image) and in the workers that decode a folder (decode-images.worker.ts).
 */
import { compactPixels, type Pixels } from '../../../shared/data/pixels';
import type { Localized } from '../../../shared/vocabulary/localized';

/** The pixels of one image file, at most `side` a side, or why not. */
export async function decodeImageFile(file: Blob, side: number): Promise<Pixels | Localized> {
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
  return compactPixels({
    width: own,
    height: own,
    channels: 4,
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  });
}
