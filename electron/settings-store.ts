/**
 * The learner's settings, kept as JSON in the app's data folder. Loading never fails (a missing,
 * unreadable or invalid file gives the defaults); saving is atomic (RELIABILITY.md item 8): the
 * new text goes to a temporary file in the same folder, is flushed to disk, and replaces the old
 * file by rename, so a crash leaves the old settings or the new ones, never half of each.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import path from 'node:path';
import { defaultSettings, settingsSchema, type Settings } from '../shared/ipc/contract.js';

/** The name of the settings file inside the data folder. */
export const settingsFileName = 'settings.json';

/** A settings file larger than this is not LayerLab's and is not read. */
const maxSettingsBytes = 64 * 1024;

/** The part of `node:fs/promises` the store uses, so tests can inject faults at every step. */
export interface SettingsFileSystem {
  readFile(file: string, options: { encoding: 'utf8' }): Promise<string>;
  stat(file: string): Promise<{ size: number }>;
  mkdir(folder: string, options: { recursive: true }): Promise<unknown>;
  open(
    file: string,
    flags: 'wx',
  ): Promise<{
    writeFile(text: string, options: { encoding: 'utf8' }): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface SettingsStore {
  /** The saved settings, or the defaults when there are none or they cannot be read. */
  load(): Promise<Settings>;
  /** Validates and saves `settings`, replacing the file atomically. */
  save(settings: Settings): Promise<void>;
}

/** A store for the settings file in `folder` (Electron's `app.getPath('userData')`). */
export function createSettingsStore(folder: string, fileSystem: SettingsFileSystem = nodeFileSystem): SettingsStore {
  const file = path.join(folder, settingsFileName);
  // Saves run one after another, so the last one asked for is the one left on disk.
  let queue: Promise<unknown> = Promise.resolve();

  async function load(): Promise<Settings> {
    try {
      if ((await fileSystem.stat(file)).size > maxSettingsBytes) return { ...defaultSettings };
      const parsed = settingsSchema.safeParse(JSON.parse(await fileSystem.readFile(file, { encoding: 'utf8' })));
      return parsed.success ? parsed.data : { ...defaultSettings };
    } catch {
      return { ...defaultSettings };
    }
  }

  async function write(settings: Settings): Promise<void> {
    const text = `${JSON.stringify(settingsSchema.parse(settings), null, 2)}\n`;
    await fileSystem.mkdir(folder, { recursive: true });
    // Same folder as the target, so the rename never crosses file systems.
    const temporary = path.join(folder, `.${settingsFileName}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fileSystem.open(temporary, 'wx');
      try {
        await handle.writeFile(text, { encoding: 'utf8' });
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fileSystem.rename(temporary, file);
    } catch (error) {
      await fileSystem.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  function save(settings: Settings): Promise<void> {
    const saved = queue.then(() => write(settings));
    queue = saved.catch(() => undefined);
    return saved;
  }

  return { load, save };
}
