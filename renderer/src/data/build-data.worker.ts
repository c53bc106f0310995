/**
 * Builds a large data recipe off the window's thread (built-off-window.ts): the table read,
 * checked and encoded here, the dataset's values sent back without a copy. A folder's decoded
 * images come here to be made into their spec first (half a second of the window's thread for
 * 20,000 images). What the window draws from the dataset (the panel, the fit check, the
 * playground) is cheap beside the build.
 */
import { buildDataset } from '../../../shared/data/build';
import type { DataSpec } from '../../../shared/data/spec';
import type { Dataset, DatasetResult } from '../../../shared/data/dataset';
import { recipes } from '../../../shared/data/recipes';
import type { RecipeDef, SkippedImage } from '../../../shared/data/recipe';
import { atOneSide, unpackImages, type PackedImages } from '../../../shared/data/folder-files';

/** The buffers of a dataset's values: handed over, not copied. */
function buffersOf(dataset: Dataset): ArrayBuffer[] {
  const tensors = [
    dataset.x,
    dataset.y,
    dataset.test?.x,
    dataset.test?.y,
    dataset.images?.unusual?.x,
    ...(dataset.outputs ?? []).flatMap((output) => [output.y, output.test]),
  ];
  const buffers = tensors.flatMap((tensor) => (tensor ? [tensor.values.buffer as ArrayBuffer] : []));
  return [...new Set(buffers)];
}

/** A build asked for: of a spec, or of a folder's decoded images, whose spec is made here first. */
export type ToBuildWorker =
  | { id: number; spec: DataSpec }
  | { id: number; folder: { name: string; images: PackedImages; skipped: SkippedImage[] } };

export interface FromBuildWorker {
  id: number;
  result: DatasetResult;
  /** The spec made of a folder's images. */
  spec?: DataSpec;
}

const folderOpener = (recipes as readonly RecipeDef<DataSpec>[]).find((recipe) => recipe.opensFolder)?.opensFolder;

self.addEventListener('message', (event: MessageEvent<ToBuildWorker>) => {
  const asked = event.data;
  let spec: DataSpec | undefined;
  let result: DatasetResult;
  try {
    if ('folder' in asked) {
      if (!folderOpener) throw new Error('no recipe opens folders');
      const { name, images, skipped } = asked.folder;
      spec = folderOpener.spec(name, atOneSide(unpackImages(images)), skipped);
    } else spec = asked.spec;
    result = buildDataset(spec);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    result = {
      ok: false,
      field: 'file',
      problem: { en: `the data could not be built: ${reason}`, es: `los datos no se pudieron construir: ${reason}` },
    };
  }
  const answer: FromBuildWorker = { id: asked.id, result, ...('folder' in asked && spec ? { spec } : {}) };
  self.postMessage(answer, { transfer: result.ok ? buffersOf(result.dataset) : [] });
});
