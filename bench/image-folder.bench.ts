/**
 * A learner's folder of images: how long LayerLab takes to build the tensors again when the
 * learner changes an option (the size the network sees, the split's seed), for 500 and 2,500
 * colour images decoded at 64×64 (2,500 are stored at 56×56: a project keeps at most 24 MB of
 * pixels). Target: a rebuild within
 * 200 ms, so changing an option never freezes the window. Baseline, side by side: copying the
 * stored bytes into one Float32Array scaled to [0, 1], the least any build costs; a rebuild also
 * resizes each image with the box filter. Run with `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { buildDataset } from '../shared/data/build';
import { imageFolderOf } from '../shared/data/recipes/image-folder';

/** `count` colour images of 64×64 in four classes, from a fixed seed. */
function folder(count: number) {
  let seed = 1;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const images = Array.from({ length: count }, (_, index) => ({
    className: `class-${index % 4}`,
    file: `${String(index).padStart(5, '0')}.png`,
    pixels: { width: 64, height: 64, channels: 4, data: Uint8Array.from({ length: 64 * 64 * 4 }, () => next() * 255) },
  }));
  return imageFolderOf('bench', images, []);
}

for (const count of [500, 2500]) {
  const spec = folder(count);
  const side = spec.stored.side;
  const stored = Uint8Array.from({ length: count * side * side * 3 }, (_, index) => index % 251);
  let seed = 1;
  describe(`${count.toLocaleString('en-US')} colour images stored at ${side}×${side}`, () => {
    bench('rebuild at 32×32 after the split seed changes', () => {
      seed += 1;
      buildDataset({ ...spec, seed });
    });
    bench('rebuild at the stored size (no resizing) after the split seed changes', () => {
      seed += 1;
      buildDataset({ ...spec, height: side, width: side, seed });
    });
    bench('baseline: the stored bytes into one Float32Array in [0, 1]', () => {
      const values = new Float32Array(stored.length);
      for (let index = 0; index < stored.length; index += 1) values[index] = (stored[index] ?? 0) / 255;
    });
  });
}
