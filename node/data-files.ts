/**
 * A project's data kept outside it (shared/data/data-file.ts), looked for on disk by the Electron
 * main process and the command line alike: where it was, then beside the project. A file is read
 * only when its size is the one saved (and within what LayerLab reads of a table), and taken only
 * when its text has the saved SHA-256; anything else is said, never trained on (RELIABILITY.md
 * item 32). The page never names a path here: main takes the reference from the project file it read.
 */
import { createHash } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import path from 'node:path';
import {
  dataFileSchema,
  maxKeptOutsideBytes,
  placesToLook,
  type DataFile,
  type FoundData,
} from '../shared/data/data-file.js';
import { readJson } from '../shared/vocabulary/safe-json.js';
import { maxProjectDepth } from '../shared/vocabulary/project-format.js';

/** The part of `node:fs/promises` looking for a data file needs. */
export interface DataFileSystem {
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a file's bytes as a data file is read (shared/data/text-file.ts), or null when not UTF-8. */
function textOfBytes(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

const sha256Of = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Looks for `file` where it was, then beside the project at `projectPath` (null: a project with
 * no place on disk): the first place holding the same file, else the first holding another file
 * of that name, else where it looked.
 */
export async function findDataFile(
  file: DataFile,
  projectPath: string | null,
  fileSystem: DataFileSystem = nodeFileSystem,
): Promise<FoundData> {
  const looked = placesToLook(file, projectPath === null ? null : path.dirname(projectPath), path.join).filter(
    (place) => path.isAbsolute(place),
  );
  let changed: FoundData | null = null;
  for (const place of looked) {
    let info: { size: number; isFile(): boolean };
    try {
      info = await fileSystem.stat(place);
    } catch {
      continue;
    }
    if (!info.isFile()) continue;
    if (info.size !== file.bytes || info.size > maxKeptOutsideBytes) {
      changed ??= { status: 'changed', path: place, bytes: info.size };
      continue;
    }
    const text = textOfBytes(await fileSystem.readFile(place));
    if (text !== null && sha256Of(text) === file.sha256) return { status: 'found', path: place, text };
    changed ??= { status: 'changed', path: place, bytes: info.size };
  }
  return changed ?? { status: 'missing', looked, why: 'not-found' };
}

/** The data file a project's text names, or null when it names none (or the text is not a project). */
export function dataFileNamedIn(content: string): DataFile | null {
  const json = readJson(content.startsWith('\uFEFF') ? content.slice(1) : content, maxProjectDepth);
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return null;
  const parsed = dataFileSchema.safeParse((json.value as Record<string, unknown>)['dataFile']);
  return parsed.success ? parsed.data : null;
}
