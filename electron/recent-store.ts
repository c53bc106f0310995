/**
 * The recent projects, kept as JSON in the app's data folder: at most ten, latest first, a path
 * listed once. Loading never fails (a missing or broken file is an empty list); saving is atomic.
 */
import * as nodeFileSystem from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { maxRecentProjects, recentProjectSchema, type RecentProject } from '../shared/ipc/contract.js';
import { addRecent } from '../shared/host/project-files.js';
import { writeFileAtomic } from '../node/atomic-write.js';
import type { SettingsFileSystem } from './settings-store.js';

/** The name of the recent list inside the data folder. */
export const recentFileName = 'recent-projects.json';

/** A list of ten paths is a few kilobytes; anything much larger is not LayerLab's. */
const maxRecentBytes = 256 * 1024;

const recentFileSchema = z.array(recentProjectSchema.extend({ path: z.string().min(1).max(4096) })).max(100);

export interface RecentStore {
  /** The list, latest first. */
  list(): Promise<RecentProject[]>;
  /** Puts `entry` first. */
  add(entry: RecentProject & { path: string }): Promise<void>;
  /** Takes `file` off the list (it is gone). */
  remove(file: string): Promise<void>;
}

/** The recent list in `folder` (Electron's `app.getPath('userData')`). */
export function createRecentStore(folder: string, fileSystem: SettingsFileSystem = nodeFileSystem): RecentStore {
  const file = path.join(folder, recentFileName);
  // Changes run one after another, each reading what the last one wrote.
  let queue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<RecentProject[]> {
    try {
      if ((await fileSystem.stat(file)).size > maxRecentBytes) return [];
      const parsed = recentFileSchema.safeParse(JSON.parse(await fileSystem.readFile(file, { encoding: 'utf8' })));
      return parsed.success ? parsed.data.slice(0, maxRecentProjects) : [];
    } catch {
      return [];
    }
  }

  function change(update: (entries: RecentProject[]) => RecentProject[]): Promise<void> {
    const changed = queue.then(async () => {
      const entries = update(await list());
      await fileSystem.mkdir(folder, { recursive: true });
      await writeFileAtomic(file, `${JSON.stringify(entries, null, 2)}\n`, { fileSystem });
    });
    queue = changed.catch(() => undefined);
    return changed;
  }

  return {
    list: () => queue.then(list),
    add: (entry) => change((entries) => addRecent(entries, { name: entry.name, path: entry.path })),
    remove: (removed) => change((entries) => entries.filter((entry) => entry.path !== removed)),
  };
}
