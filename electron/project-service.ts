/**
 * Project files in the main process: open and save through the system dialogs, reopen from the
 * recent list, and autosave to the app's data folder (RELIABILITY.md items 8–12). Reads are
 * capped before a byte is read and decoded strictly as UTF-8; writes are atomic with a `.bak`.
 *
 * The page is not trusted with paths: it may save only over a file the learner chose in a dialog
 * or reopened from the recent list during this session, and reopen only what the recent list
 * holds, so a compromised page cannot read or write anywhere else.
 */
import * as nodeFileSystem from 'node:fs/promises';
import path from 'node:path';
import type { Autosave, ProjectFile, RecentProject, SavedProject } from '../shared/ipc/contract.js';
import {
  checkMayOverwrite,
  checkReadableSize,
  checkSavable,
  fileNameOf,
  ProjectFileError,
  withProjectExtension,
} from '../shared/host/project-files.js';
import { maxProjectBytes } from '../shared/project/format.js';
import { decodeUtf8 } from '../shared/project/utf8.js';
import { writeFileAtomic, type AtomicFileSystem } from './atomic-write.js';
import type { RecentStore } from './recent-store.js';

/** The name of the autosave file inside the data folder. */
export const autosaveFileName = 'autosave.layerlab';

/** The system dialogs, wrapped so tests can answer them. */
export interface ProjectDialogs {
  /** The `.layerlab` file the learner picked to open, or null for Cancel. */
  chooseFileToOpen(): Promise<string | null>;
  /** Where the learner chose to save, offering `suggestedName`, or null for Cancel. */
  chooseFileToSave(suggestedName: string): Promise<string | null>;
}

/** The part of `node:fs/promises` the service uses. */
export interface ProjectFileSystem extends AtomicFileSystem {
  stat(file: string): Promise<{ size: number; mode: number; mtimeMs: number; isFile(): boolean }>;
  readFile(file: string): Promise<Uint8Array>;
  mkdir(folder: string, options: { recursive: true }): Promise<unknown>;
}

export interface ProjectService {
  open(): Promise<ProjectFile | null>;
  openRecent(file: string): Promise<ProjectFile>;
  save(request: { path: string; content: string }): Promise<SavedProject>;
  saveAs(request: { suggestedName: string; content: string }): Promise<SavedProject | null>;
  recent(): Promise<RecentProject[]>;
  writeAutosave(content: string): Promise<void>;
  readAutosave(): Promise<Autosave | null>;
  clearAutosave(): Promise<void>;
}

export interface ProjectServiceOptions {
  readonly dialogs: ProjectDialogs;
  readonly recent: RecentStore;
  /** Electron's `app.getPath('userData')`, where the autosave file lives. */
  readonly dataFolder: string;
  readonly fileSystem?: ProjectFileSystem;
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a file's bytes; not UTF-8 is refused with the offset of the first bad byte. */
function decode(name: string, bytes: Uint8Array): string {
  try {
    // The native decoder is fast; only a failure needs the slower one that says where.
    return strictDecoder.decode(bytes);
  } catch {
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) return decoded.text;
    throw new ProjectFileError('NotUtf8', `${name} is ${decoded.message}.`);
  }
}

export function createProjectService({
  dialogs,
  recent,
  dataFolder,
  fileSystem = nodeFileSystem,
}: ProjectServiceOptions): ProjectService {
  const granted = new Set<string>();
  const autosaveFile = path.join(dataFolder, autosaveFileName);
  // Writes run one after another: two saves of one file must not race for its .bak.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const done = queue.then(work);
    queue = done.catch(() => undefined);
    return done;
  };

  async function read(file: string): Promise<ProjectFile> {
    const name = fileNameOf(file);
    let info: Awaited<ReturnType<ProjectFileSystem['stat']>>;
    try {
      info = await fileSystem.stat(file);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') throw new ProjectFileError('NotFound', `${name} is no longer there.`);
      throw error;
    }
    if (!info.isFile()) throw new ProjectFileError('NotAProject', `${name} is a folder, not a LayerLab project.`);
    checkReadableSize(name, info.size);
    const bytes = await fileSystem.readFile(file);
    // It may have grown since it was measured.
    checkReadableSize(name, bytes.byteLength);
    return { name, path: file, content: decode(name, bytes) };
  }

  /** What is on disk at `file` now, for the newer-format check; null when there is nothing to keep. */
  async function existing(file: string): Promise<Uint8Array | null> {
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

  async function write(file: string, content: string): Promise<SavedProject> {
    const name = fileNameOf(file);
    checkSavable(content);
    checkReadableSize(name, Buffer.byteLength(content, 'utf8'));
    return serially(async () => {
      checkMayOverwrite(name, await existing(file));
      await writeFileAtomic(file, content, { backup: true, fileSystem });
      await recent.add({ name, path: file });
      return { name, path: file };
    });
  }

  async function opened(file: string): Promise<ProjectFile> {
    const project = await read(file);
    granted.add(file);
    await recent.add({ name: project.name, path: file });
    return project;
  }

  return {
    async open() {
      const file = await dialogs.chooseFileToOpen();
      return file === null ? null : opened(path.resolve(file));
    },

    async openRecent(file) {
      if (!(await recent.list()).some((entry) => entry.path === file)) {
        throw new ProjectFileError('ForbiddenPath', 'Only files of the recent list can be reopened.');
      }
      try {
        return await opened(file);
      } catch (error) {
        if (error instanceof ProjectFileError && error.name === 'NotFound') await recent.remove(file);
        throw error;
      }
    },

    async save({ path: file, content }) {
      if (!granted.has(file)) {
        throw new ProjectFileError(
          'ForbiddenPath',
          'LayerLab saves only to files chosen in this session; use Save As.',
        );
      }
      return write(file, content);
    },

    async saveAs({ suggestedName, content }) {
      const chosen = await dialogs.chooseFileToSave(withProjectExtension(suggestedName));
      if (chosen === null) return null;
      const file = path.resolve(withProjectExtension(chosen));
      granted.add(file);
      return write(file, content);
    },

    recent: () => recent.list(),

    async writeAutosave(content) {
      checkReadableSize('The unsaved work', Buffer.byteLength(content, 'utf8'));
      await serially(async () => {
        await fileSystem.mkdir(dataFolder, { recursive: true });
        await writeFileAtomic(autosaveFile, content);
      });
    },

    async readAutosave() {
      try {
        const info = await fileSystem.stat(autosaveFile);
        const file = await read(autosaveFile);
        return { content: file.content, savedAt: info.mtimeMs };
      } catch {
        // No unsaved work, or none that can be read back: nothing to offer at start.
        return null;
      }
    },

    async clearAutosave() {
      await serially(() => fileSystem.rm(autosaveFile, { force: true }));
    },
  };
}
