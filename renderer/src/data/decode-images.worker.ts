/**
 * Decodes some of a learner's image files off the window (decode-image.ts), several of these
 * workers side by side for a large folder. The window gives each a few files' bytes at a time; it hands
 * back each image's pixels (transferred, not copied) or why it could not be read, and is given the
 * next few. The window cancels by ending the workers.
 */
import type { Pixels } from '../../../shared/data/pixels';
import type { Localized } from '../../../shared/vocabulary/localized';
import { decodeImageFile } from './decode-image';

/** The bytes of the files this worker decodes, each with its place in the folder's list, and the side to decode at. */
export interface ToDecodeWorker {
  files: { index: number; bytes: ArrayBuffer }[];
  side: number;
}

/** One file's pixels, or why it was not read. */
export type DecodedFile = { index: number; pixels: Pixels } | { index: number; reason: Localized };

/** The files it was given, decoded or not, handed back together. */
export interface FromDecodeWorker {
  files: DecodedFile[];
}

self.addEventListener('message', (event: MessageEvent<ToDecodeWorker>) => {
  const { files, side } = event.data;
  void (async () => {
    const decoded: DecodedFile[] = [];
    for (const { index, bytes } of files) {
      const pixels = await decodeImageFile(new Blob([bytes]), side);
      decoded.push('data' in pixels ? { index, pixels } : { index, reason: pixels });
    }
    const transfer = decoded.flatMap((entry) => ('pixels' in entry ? [entry.pixels.data.buffer] : []));
    self.postMessage({ files: decoded } satisfies FromDecodeWorker, { transfer });
  })();
});
