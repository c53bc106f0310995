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
import { checkReadableSize, fileNameOf, ProjectFileError, withProjectExtension } from '../shared/host/project-files.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import {
  readProjectText,
  writeProjectText,
  type ProjectFileSystem as NodeProjectFileSystem,
} from '../node/project-files.js';
import type { RecentStore } from './recent-store.js';
import { dataFileNamedIn, findDataFile } from '../node/data-files.js';

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
export interface ProjectFileSystem extends NodeProjectFileSystem {
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
    try {
      const { name, content } = await readProjectText(file, fileSystem);
      return { name, path: file, content };
    } catch (error) {
      if (error instanceof ProjectFileError && error.name === 'NotFound') {
        throw new ProjectFileError('NotFound', `${fileNameOf(file)} is no longer there.`);
      }
      throw error;
    }
  }

  async function write(file: string, content: string): Promise<SavedProject> {
    const name = fileNameOf(file);
    return serially(async () => {
      await writeProjectText(file, content, fileSystem);
      await recent.add({ name, path: file });
      return { name, path: file };
    });
  }

  async function opened(file: string): Promise<ProjectFile> {
    const project = await read(file);
    granted.add(file);
    await recent.add({ name: project.name, path: file });
    // The data it keeps outside itself, looked for where the project says and beside it: main
    // takes the reference from the file it read, never a path from the page.
    const dataFile = dataFileNamedIn(project.content);
    return dataFile ? { ...project, data: await findDataFile(dataFile, file, fileSystem) } : project;
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
        // A large table the work keeps outside itself, looked for where it was.
        const dataFile = dataFileNamedIn(file.content);
        const data = dataFile ? await findDataFile(dataFile, null, fileSystem) : undefined;
        return { content: file.content, savedAt: info.mtimeMs, ...(data ? { data } : {}) };
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
