import * as nodeFileSystem from 'node:fs/promises';
import { chmod, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupPathOf, isTemporaryFor, writeFileAtomic, type AtomicFileSystem } from './atomic-write';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'layerlab-atomic-'));
  file = path.join(folder, 'lesson.layerlab');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const names = async () => (await readdir(folder)).sort();

/** Every step writeFileAtomic takes, in order. */
type Step =
  | 'realpath'
  | 'stat'
  | 'open'
  | 'writeFile'
  | 'sync'
  | 'close'
  | 'link'
  | 'copyFile'
  | 'rename backup'
  | 'rename'
  | 'open folder'
  | 'sync folder';

/** The real file system, failing once at `step`; records the steps taken. */
function failingAt(step: Step | null, options: { noHardLinks?: boolean } = {}) {
  const taken: Step[] = [];
  const attempt = async <T>(at: Step, run: () => Promise<T>): Promise<T> => {
    taken.push(at);
    if (at === step) throw Object.assign(new Error(`injected failure at ${at}`), { code: 'EIO' });
    return run();
  };
  const fileSystem: AtomicFileSystem = {
    realpath: (target) => attempt('realpath', () => nodeFileSystem.realpath(target)),
    readdir: (folder) => nodeFileSystem.readdir(folder),
    stat: (target) => attempt('stat', () => nodeFileSystem.stat(target)),
    async open(target, flags, mode) {
      const isFolder = flags === 'r';
      const handle = await attempt(isFolder ? 'open folder' : 'open', () => nodeFileSystem.open(target, flags, mode));
      return {
        writeFile: (data) =>
          // A partial write before the failure, as a full disk leaves.
          step === 'writeFile'
            ? handle.writeFile(data.slice(0, 3)).then(() => attempt('writeFile', async () => undefined))
            : attempt('writeFile', () => handle.writeFile(data)),
        sync: () => attempt(isFolder ? 'sync folder' : 'sync', () => handle.sync()),
        close: () => handle.close().then(() => (isFolder ? undefined : attempt('close', async () => undefined))),
      };
    },
    link: (existing, newPath) =>
      attempt('link', () =>
        options.noHardLinks
          ? Promise.reject(Object.assign(new Error('no links here'), { code: 'EPERM' }))
          : nodeFileSystem.link(existing, newPath),
      ),
    copyFile: (from, to) => attempt('copyFile', () => nodeFileSystem.copyFile(from, to)),
    rename: (from, to) =>
      attempt(to.endsWith('.bak') ? 'rename backup' : 'rename', () => nodeFileSystem.rename(from, to)),
    rm: (target, rmOptions) => nodeFileSystem.rm(target, rmOptions),
  };
  return { fileSystem, taken };
}

describe('writeFileAtomic', () => {
  it('writes a new file, then replaces it keeping the previous version as .bak', async () => {
    await writeFileAtomic(file, 'first', { backup: true });
    expect(await names()).toEqual(['lesson.layerlab']);
    await writeFileAtomic(file, 'second', { backup: true });
    await writeFileAtomic(file, new TextEncoder().encode('third'), { backup: true });
    expect(await readFile(file, 'utf8')).toBe('third');
    expect(await readFile(backupPathOf(file), 'utf8')).toBe('second');
    expect(await names()).toEqual(['lesson.layerlab', 'lesson.layerlab.bak']);
  });

  it('takes its steps in order: write, flush, close, keep the old one, rename, flush the folder', async () => {
    await writeFile(file, 'old');
    const { fileSystem, taken } = failingAt(null);
    await writeFileAtomic(file, 'new', { backup: true, fileSystem });
    expect(taken).toEqual([
      'realpath',
      'stat',
      'open',
      'writeFile',
      'sync',
      'close',
      'link',
      'rename backup',
      'rename',
      'open folder',
      'sync folder',
    ]);
  });

  it('copies the old version where the file system has no hard links', async () => {
    await writeFile(file, 'old');
    const { fileSystem, taken } = failingAt(null, { noHardLinks: true });
    await writeFileAtomic(file, 'new', { backup: true, fileSystem });
    expect(taken).toContain('copyFile');
    expect(await readFile(backupPathOf(file), 'utf8')).toBe('old');
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  const failingSteps: [Step, { noHardLinks?: boolean }][] = [
    ['realpath', {}],
    ['stat', {}],
    ['open', {}],
    ['writeFile', {}],
    ['sync', {}],
    ['close', {}],
    ['link', { noHardLinks: true }],
    ['copyFile', { noHardLinks: true }],
    ['rename backup', {}],
    ['rename', {}],
  ];

  it.each(failingSteps)(
    'a failure at %s leaves the original byte-identical and no temporary file',
    async (step, options) => {
      const original = Buffer.from('{"formatVersion": 2, "name": "ñandú 🧠"}\n');
      await writeFile(file, original);
      await writeFile(backupPathOf(file), 'older');
      const { fileSystem, taken } = failingAt(step, options);
      const attempt = writeFileAtomic(file, 'x'.repeat(100_000), { backup: true, fileSystem });
      if (step === 'link') {
        // A failed hard link is the cue to copy instead; the save goes on.
        await attempt;
        expect(await readFile(backupPathOf(file))).toEqual(original);
        return;
      }
      await expect(attempt).rejects.toThrow(`injected failure at ${step}`);
      // Nothing after the failing step but closing the temporary file.
      expect(taken.slice(taken.indexOf(step) + 1).filter((next) => next !== 'close')).toEqual([]);
      expect(await readFile(file)).toEqual(original);
      const left = await names();
      expect(left.filter((name) => isTemporaryFor(file, name))).toEqual([]);
      expect(left).toEqual(['lesson.layerlab', 'lesson.layerlab.bak']);
      // The .bak holds the older version, or, once the backup rename went through, the original.
      expect(['older', original.toString()]).toContain(await readFile(backupPathOf(file), 'utf8'));
    },
  );

  it.each<Step>(['open folder', 'sync folder'])('a failure at %s (Windows) does not fail the save', async (step) => {
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new', { backup: true, fileSystem: failingAt(step).fileSystem });
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('refuses to write into a folder that does not exist, leaving nothing', async () => {
    const missing = path.join(folder, 'gone', 'lesson.layerlab');
    await expect(writeFileAtomic(missing, 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await names()).toEqual([]);
  });

  it('saves through a symbolic link into the file it points to', async () => {
    const real = path.join(folder, 'real.layerlab');
    await writeFile(real, 'old');
    await symlink(real, file);
    await writeFileAtomic(file, 'new', { backup: true });
    expect(await readFile(real, 'utf8')).toBe('new');
    expect((await nodeFileSystem.lstat(file)).isSymbolicLink()).toBe(true);
    expect(await readFile(backupPathOf(real), 'utf8')).toBe('old');
  });

  it.skipIf(process.platform === 'win32')('keeps a private file private', async () => {
    await writeFile(file, 'old');
    await chmod(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('sweeps away what a killed save left, but not what a running process is writing', async () => {
    await writeFile(file, 'old');
    // A process id no process has (Linux's pid_max is at most 2^22), and the parent of this test.
    const dead = `.lesson.layerlab.${2 ** 22 + 7}-0a1b2c3d4e5f.new.tmp`;
    const running = `.lesson.layerlab.${process.ppid}-0a1b2c3d4e5f.new.tmp`;
    const unrelated = '.other.layerlab.12-0a1b2c3d4e5f.new.tmp';
    for (const name of [dead, running, unrelated]) await writeFile(path.join(folder, name), 'half a save');
    await writeFileAtomic(file, 'new', { backup: true });
    expect(await names()).toEqual([running, unrelated, 'lesson.layerlab', 'lesson.layerlab.bak'].sort());
  });

  it('keeps several saves made at once whole: the file is one of them', async () => {
    const texts = Array.from({ length: 8 }, (_, index) => `${index}`.repeat(50_000));
    await Promise.all(texts.map((text) => writeFileAtomic(file, text, { backup: true })));
    expect(texts).toContain(await readFile(file, 'utf8'));
    expect((await names()).filter((name) => isTemporaryFor(file, name))).toEqual([]);
  });
});
