/**
 * Opens a learner's data file off the window's thread (one the window already knows some recipe
 * opens, and not too large): reads its bytes with progress, checks them as text (text-file.ts),
 * and lets the recipe that opens it make the spec (a table's proposal reads all of it), so that
 * none of this is the window's work. The window cancels by ending this worker.
 */
import { recipeOpening } from '../../../shared/data/open';
import { textOf } from '../../../shared/data/text-file';
import { describedFile } from '../../../shared/data/data-file';
import type { FromOpenWorker } from './open-data';

const post = (message: FromOpenWorker) => self.postMessage(message);

/** The file's bytes, read a chunk at a time, saying how far it got. */
async function bytesOf(file: File): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let read = 0;
  let said = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value.subarray(0, Math.max(0, file.size - read)), read);
    read += value.length;
    // A few dozen messages at most, however many chunks the browser reads.
    if (read - said >= file.size / 50) {
      said = read;
      post({ type: 'progress', stage: 'reading', fraction: Math.min(read / file.size, 1) });
    }
  }
  return bytes;
}

self.addEventListener('message', (event: MessageEvent<{ file: File }>) => {
  const { file } = event.data;
  void (async () => {
    // The window checked the name and the size before asking (open-data.ts).
    const opens = recipeOpening(file.name)?.opens;
    if (!opens) throw new Error('no recipe opens a file of this name');
    const read = textOf(file.name, await bytesOf(file), opens.maxBytes);
    if (!read.ok) {
      post({ type: 'opened', opened: read });
      return;
    }
    post({ type: 'progress', stage: 'parsing', fraction: null });
    // The spec without the text, which the window reads from the file itself: a large string
    // handed over costs the window a long task (bench/README.md). What a project keeps of a
    // large file it leaves outside itself goes with it; the window adds the path.
    const spec = opens.reopen(opens.spec(file.name, read.text), file.name, '');
    post({ type: 'opened', opened: { ok: true, spec, source: describedFile(file.name, read.text, file.size) } });
  })().catch((thrown: unknown) => {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    post({
      type: 'opened',
      opened: {
        ok: false,
        problem: {
          en: `${JSON.stringify(file.name)} could not be opened: ${reason}`,
          es: `${JSON.stringify(file.name)} no se pudo abrir: ${reason}`,
        },
      },
    });
  });
});
