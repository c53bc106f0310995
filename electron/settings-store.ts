/**
 * The learner's settings, kept as JSON in the app's data folder. Loading never fails (a missing,
 * unreadable or invalid file gives the defaults); saving is atomic (RELIABILITY.md item 8, by
 * `writeFileAtomic`), so a crash leaves the old settings or the new ones, never half of each.
 */
import * as nodeFileSystem from 'node:fs/promises';
import path from 'node:path';
import { defaultSettings, settingsSchema, type Settings } from '../shared/ipc/contract.js';
import { writeFileAtomic, type AtomicFileSystem } from '../node/atomic-write.js';

/** The name of the settings file inside the data folder. */
export const settingsFileName = 'settings.json';

/** A settings file larger than this is not LayerLab's and is not read. */
const maxSettingsBytes = 64 * 1024;

/** The part of `node:fs/promises` the store uses, so tests can inject faults at every step. */
export interface SettingsFileSystem extends AtomicFileSystem {
  readFile(file: string, options: { encoding: 'utf8' }): Promise<string>;
  stat(file: string): Promise<{ size: number; mode: number }>;
  mkdir(folder: string, options: { recursive: true }): Promise<unknown>;
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
    await writeFileAtomic(file, text, { fileSystem });
  }

  function save(settings: Settings): Promise<void> {
    const saved = queue.then(() => write(settings));
    queue = saved.catch(() => undefined);
    return saved;
  }

  return { load, save };
}
