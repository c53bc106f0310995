/**
 * Project files on disk, for the Electron main process and the command line alike (RELIABILITY.md
 * items 8–12, 24, 25, 33): one reader that measures a file before reading a byte of it and decodes
 * it strictly as UTF-8, and one writer that refuses to save over a newer format and replaces the
 * file atomically, keeping the previous version as `.bak`. Errors are `ProjectFileError`s whose
 * message can be shown as it is.
 */
import * as nodeFileSystem from 'node:fs/promises';
import {
  checkMayOverwrite,
  checkReadableSize,
  checkSavable,
  fileNameOf,
  ProjectFileError,
} from '../shared/host/project-files.js';
import { maxProjectBytes } from '../shared/vocabulary/project-format.js';
import { decodeUtf8 } from '../shared/vocabulary/utf8.js';
import { writeFileAtomic, type AtomicFileSystem } from './atomic-write.js';

/** The part of `node:fs/promises` project files need. */
export interface ProjectFileSystem extends AtomicFileSystem {
  stat(file: string): Promise<{ size: number; mode: number; mtimeMs: number; isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a file's bytes; not UTF-8 is refused with the offset of the first bad byte. */
export function decodeProjectText(name: string, bytes: Uint8Array): string {
  try {
    // The native decoder is fast; only a failure needs the slower one that says where.
    return strictDecoder.decode(bytes);
  } catch {
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) return decoded.text;
    throw new ProjectFileError('NotUtf8', `${name} is ${decoded.message}.`);
  }
}

/**
 * The text of the project (or lesson) file at `file`: its size checked before it is read and again
 * after (it may have grown), its bytes strictly UTF-8. A missing file, a folder, a file too large
 * or not UTF-8 is a `ProjectFileError` naming the file.
 */
export async function readProjectText(
  file: string,
  fileSystem: ProjectFileSystem = nodeFileSystem,
): Promise<{ name: string; content: string; modifiedAt: number }> {
  const name = fileNameOf(file);
  let info: Awaited<ReturnType<ProjectFileSystem['stat']>>;
  try {
    info = await fileSystem.stat(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') throw new ProjectFileError('NotFound', `${name} is not there.`);
    throw error;
  }
  if (!info.isFile()) throw new ProjectFileError('NotAProject', `${name} is a folder, not a LayerLab project.`);
  checkReadableSize(name, info.size);
  const bytes = await fileSystem.readFile(file);
  checkReadableSize(name, bytes.byteLength);
  return { name, content: decodeProjectText(name, bytes), modifiedAt: info.mtimeMs };
}

/** What is on disk at `file` now, for the newer-format check; null when there is nothing to keep. */
async function existing(file: string, fileSystem: ProjectFileSystem): Promise<Uint8Array | null> {
  try {
    const info = await fileSystem.stat(file);
    // Not a file LayerLab could read: no newer format to protect (and the .bak keeps it anyway).
    if (!info.isFile() || info.size > maxProjectBytes) return null;
    return await fileSystem.readFile(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Saves `content` (a project of the current format, as `saveProject` writes it) to `file`:
 * refused when it is not one, when it is too large to open again, or when the file there was
 * made by a newer LayerLab; otherwise written atomically with the previous version kept as
 * `.bak`, through a symbolic link into the file it points to, with the file's permissions kept.
 */
export async function writeProjectText(
  file: string,
  content: string,
  fileSystem: ProjectFileSystem = nodeFileSystem,
): Promise<void> {
  const name = fileNameOf(file);
  checkSavable(content);
  checkReadableSize(name, Buffer.byteLength(content, 'utf8'));
  checkMayOverwrite(name, await existing(file, fileSystem));
  await writeFileAtomic(file, content, { backup: true, fileSystem });
}
