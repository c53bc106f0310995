/**
 * Builds a large data recipe off the window's thread (built-off-window.ts): the table read,
 * checked and encoded here, the dataset's values sent back without a copy. A folder's decoded
 * images come here to be made into their spec first (half a second of the window's thread for
 * 20,000 images). What the window draws from the dataset (the panel, the fit check, the
 * playground) is cheap beside the build.
 */
import { buildDataset } from '../../../shared/data/build';
import type { DataSpec } from '../../../shared/data/spec';
import { datasetBuffers, type DatasetResult } from '../../../shared/data/dataset';
import { recipeOf, recipes } from '../../../shared/data/recipes';
import type { RecipeDef, SkippedImage } from '../../../shared/data/recipe';
import { atOneSide, unpackImages, type PackedImages } from '../../../shared/data/folder-files';

/**
 * A build asked for: of a spec, or of a folder's decoded images, whose spec is made here first.
 * A spec's large text is kept for the builds after it (`'keep'`), or left out, and then is the
 * text kept (`'kept'`) or the file's, to be read here and kept.
 */
export type ToBuildWorker =
  | { id: number; spec: DataSpec; text?: 'keep' | 'kept' | { file: File } }
  | { id: number; folder: { name: string; images: PackedImages; skipped: SkippedImage[] } };

export interface FromBuildWorker {
  id: number;
  result: DatasetResult;
  /** The spec made of a folder's images. */
  spec?: DataSpec;
  /** The build failed here, not for the data's sake: the text kept, if any, is in doubt. */
  failed?: true;
}

const folderOpener = (recipes as readonly RecipeDef<DataSpec>[]).find((recipe) => recipe.opensFolder)?.opensFolder;

/** The large text the window asked to keep (built-off-window.ts knows which it is). */
let kept: string | null = null;

/** The spec asked for, with its text where it was left out; a large text kept for the builds after it. */
async function specOf(asked: ToBuildWorker): Promise<DataSpec> {
  if ('folder' in asked) {
    if (!folderOpener) throw new Error('no recipe opens folders');
    const { name, images, skipped } = asked.folder;
    return folderOpener.spec(name, atOneSide(unpackImages(images)), skipped);
  }
  const opens = recipeOf(asked.spec).opens;
  const held = opens?.file(asked.spec);
  if (!opens || !held || !asked.text) return asked.spec;
  if (asked.text === 'keep') {
    kept = held.text;
    return asked.spec;
  }
  if (asked.text !== 'kept') kept = null;
  const text = asked.text === 'kept' ? kept : await asked.text.file.text();
  if (text === null) throw new Error('the text of the data was not kept: open the file again');
  kept = text;
  return opens.reopen(asked.spec, held.name, text);
}

/** One build at a time, in the order asked: a build of the kept text waits for the file read before it. */
async function answer(asked: ToBuildWorker): Promise<void> {
  let spec: DataSpec | undefined;
  let result: DatasetResult;
  let failed = false;
  try {
    spec = await specOf(asked);
    result = buildDataset(spec);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    failed = true;
    result = {
      ok: false,
      field: 'file',
      problem: { en: `the data could not be built: ${reason}`, es: `los datos no se pudieron construir: ${reason}` },
    };
  }
  const answered: FromBuildWorker = {
    id: asked.id,
    result,
    ...('folder' in asked && spec ? { spec } : {}),
    ...(failed ? { failed: true as const } : {}),
  };
  self.postMessage(answered, { transfer: result.ok ? datasetBuffers(result.dataset) : [] });
}

let queue = Promise.resolve();
self.addEventListener('message', (event: MessageEvent<ToBuildWorker>) => {
  const asked = event.data;
  queue = queue.then(() => answer(asked));
});
