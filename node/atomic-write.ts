/**
 * Atomic file replacement (RELIABILITY.md items 8 and 9). The new bytes go to a temporary file in
 * the target's folder (so the rename never crosses file systems), are flushed to disk and closed;
 * the file they replace is kept as `<name>.bak`; one rename puts the new file in place; the
 * folder is flushed so the rename itself survives a power cut where the system allows it.
 * Whatever step fails or wherever the process dies, the target holds the old bytes or the new
 * ones, never a mix; the temporary files a killed save leaves are removed by the next save of the
 * same file. Every step goes through `AtomicFileSystem`, so a test can fail each one. The
 * Electron main process and the command line both save through it.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFileSystem from 'node:fs/promises';
import path from 'node:path';

/** The part of a `node:fs/promises` FileHandle used here. */
export interface AtomicFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The part of `node:fs/promises` used here, so tests can inject faults at every step. */
export interface AtomicFileSystem {
  readdir(folder: string): Promise<string[]>;
  realpath(file: string): Promise<string>;
  stat(file: string): Promise<{ mode: number }>;
  open(file: string, flags: 'wx' | 'r', mode?: number): Promise<AtomicFileHandle>;
  link(existing: string, newPath: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: true }): Promise<void>;
}

export interface AtomicWriteOptions {
  /** Keep the replaced file as `<name>.bak` (projects); off for LayerLab's own small files. */
  readonly backup?: boolean;
  readonly fileSystem?: AtomicFileSystem;
}

/** The name the previous version of `file` is kept under. */
export const backupPathOf = (file: string): string => `${file}.bak`;

/** Whether `name` is a temporary file this module makes beside `file` (left behind by a crash). */
export function isTemporaryFor(file: string, name: string): boolean {
  const base = path.basename(file);
  return name.startsWith(`.${base}.`) && name.endsWith('.tmp');
}

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code;

/** `.lesson.layerlab.<pid>-<random>.<purpose>.tmp`: the process that writes it is in its name. */
const temporaryPath = (file: string, purpose: string) =>
  path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.${purpose}.tmp`,
  );

/** The process that made a temporary file, from its name; null for a name of another form. */
function writerOf(file: string, name: string): number | null {
  if (!isTemporaryFor(file, name)) return null;
  const match = /^(\d+)-[0-9a-f]+\.[a-z]+\.tmp$/.exec(name.slice(path.basename(file).length + 2));
  return match ? Number(match[1]) : null;
}

/** Whether a process of this machine is still running (so its temporary files are still in use). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return codeOf(error) === 'EPERM';
  }
}

/**
 * Removes what saves of `target` killed before they finished left behind (RELIABILITY.md item
 * 8): temporary files of processes that no longer run. A live process's are its own business.
 */
async function sweepLeftovers(target: string, fileSystem: AtomicFileSystem): Promise<void> {
  let names: string[];
  try {
    names = await fileSystem.readdir(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const writer = writerOf(target, name);
    if (writer === null || writer === process.pid || isRunning(writer)) continue;
    await fileSystem.rm(path.join(path.dirname(target), name), { force: true }).catch(() => undefined);
  }
}

/** The file a path leads to: saving through a symbolic link replaces the file, not the link. */
async function resolveTarget(file: string, fileSystem: AtomicFileSystem): Promise<string> {
  try {
    return await fileSystem.realpath(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return path.resolve(file);
    throw error;
  }
}

/** The permission bits of the file being replaced, so a private file stays private. */
async function modeOf(file: string, fileSystem: AtomicFileSystem): Promise<number> {
  try {
    return (await fileSystem.stat(file)).mode & 0o777;
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return 0o666;
    throw error;
  }
}

/**
 * Keeps the current `target` as `target.bak`, atomically: a hard link (no copy) or, where the file
 * system has none, a copy, made under a temporary name and renamed into place. Nothing to keep
 * when there is no target yet.
 */
async function keepPrevious(target: string, temporary: string, fileSystem: AtomicFileSystem): Promise<void> {
  try {
    await fileSystem.link(target, temporary);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    // FAT, some network shares and some sandboxes have no hard links.
    await fileSystem.copyFile(target, temporary);
  }
  await fileSystem.rename(temporary, backupPathOf(target));
  // When the .bak already was a link to the same file, POSIX rename does nothing and says it
  // succeeded, leaving the temporary name behind.
  await fileSystem.rm(temporary, { force: true }).catch(() => undefined);
}

/** Flushes the folder so the rename is on disk; not every system can open a folder, and that is fine. */
async function syncFolder(folder: string, fileSystem: AtomicFileSystem): Promise<void> {
  try {
    const handle = await fileSystem.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows refuses to open a folder (EISDIR/EPERM); NTFS journals the rename itself.
  }
}

/**
 * Replaces `file` with `data`, atomically. On failure the error is thrown, `file` is as it was
 * and no temporary file is left.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  { backup = false, fileSystem = nodeFileSystem }: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveTarget(file, fileSystem);
  await sweepLeftovers(target, fileSystem);
  const temporary = temporaryPath(target, 'new');
  const backupTemporary = temporaryPath(target, 'bak');
  try {
    const handle = await fileSystem.open(temporary, 'wx', await modeOf(target, fileSystem));
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (backup) await keepPrevious(target, backupTemporary, fileSystem);
    await fileSystem.rename(temporary, target);
  } catch (error) {
    await fileSystem.rm(temporary, { force: true }).catch(() => undefined);
    await fileSystem.rm(backupTemporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(target), fileSystem);
}
