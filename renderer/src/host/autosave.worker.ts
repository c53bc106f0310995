/**
 * The web build's autosave off the window's thread: the project's text made here (`saveProject`,
 * checked and formatted as a save is) and written to IndexedDB, so that a large folder of images
 * does not stall the window every few seconds while there is unsaved work. Its answers come in
 * the order asked, a clear after the writes before it.
 */
import { saveProject, type SaveOptions } from '../../../shared/project/load';
import type { Project } from '../../../shared/project/schema';
import { checkReadableSize } from '../../../shared/host/project-files';
import { utf8ByteLength } from '../../../shared/vocabulary/utf8';
import { AutosaveDatabase } from './autosave-db';

/**
 * A write, its project's data sent only when it is not the data sent last (a large folder's
 * pixels are a fifth of a second to hand over): `sameData` says to use that one.
 */
export type ToAutosaveWorker =
  | { id: number; type: 'write'; project: Project; sameData: boolean; options: SaveOptions; savedAt: number }
  | { id: number; type: 'clear' };

export type FromAutosaveWorker = { id: number; ok: true } | { id: number; ok: false; message: string };

const database = new AutosaveDatabase(indexedDB);
// One at a time, in the order asked: a clear never overtakes a write asked before it.
let queue: Promise<void> = Promise.resolve();
/** The data of the last write that sent one. */
let lastData: Project['data'] = null;

self.addEventListener('message', (event: MessageEvent<ToAutosaveWorker>) => {
  const asked = event.data;
  queue = queue.then(async () => {
    try {
      if (asked.type === 'clear') await database.clear();
      else {
        if (!asked.sameData) lastData = asked.project.data;
        const content = saveProject({ ...asked.project, data: lastData }, asked.options);
        checkReadableSize('The unsaved work', utf8ByteLength(content));
        await database.write({ content, savedAt: asked.savedAt });
      }
      self.postMessage({ id: asked.id, ok: true } satisfies FromAutosaveWorker);
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      self.postMessage({ id: asked.id, ok: false, message } satisfies FromAutosaveWorker);
    }
  });
});
