import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as nodeFileSystem from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../shared/ipc/contract.js';
import { createSettingsStore, settingsFileName, type SettingsFileSystem } from './settings-store.js';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'layerlab-settings-'));
  file = path.join(folder, settingsFileName);
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('createSettingsStore().load', () => {
  it('gives the defaults when there is no file or no folder', async () => {
    expect(await createSettingsStore(folder).load()).toEqual(defaultSettings);
    expect(await createSettingsStore(path.join(folder, 'missing', 'deeper')).load()).toEqual(defaultSettings);
  });

  it.each([
    ['broken JSON', '{"language": "es"'],
    ['an empty file', ''],
    ['another shape', '{"language": "fr"}'],
    ['unknown keys', '{"language": "es", "theme": "dark"}'],
    ['a prototype key', '{"language": "es", "__proto__": {"polluted": true}}'],
    ['a bare value', '"es"'],
    ['null', 'null'],
    ['a byte order mark and garbage', '\uFEFF\u0000\u0001'],
  ])('gives the defaults for %s', async (_label, text) => {
    await writeFile(file, text);
    expect(await createSettingsStore(folder).load()).toEqual(defaultSettings);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('gives the defaults for a huge file without parsing it', async () => {
    await writeFile(file, `{"language": "es", "padding": "${'x'.repeat(100_000)}"}`);
    expect(await createSettingsStore(folder).load()).toEqual(defaultSettings);
  });

  it('gives the defaults when the file is a folder', async () => {
    await mkdir(file);
    expect(await createSettingsStore(folder).load()).toEqual(defaultSettings);
  });

  it('hands out a fresh defaults object each time', async () => {
    const store = createSettingsStore(folder);
    const first = await store.load();
    first.language = 'es';
    expect(await store.load()).toEqual(defaultSettings);
  });
});

describe('createSettingsStore().save', () => {
  it('round-trips, creating the folder, and leaves no temporary file', async () => {
    const nested = path.join(folder, 'LayerLab');
    const store = createSettingsStore(nested);
    await store.save({ language: 'es' });
    expect(await store.load()).toEqual({ language: 'es' });
    await store.save({ language: null });
    expect(await createSettingsStore(nested).load()).toEqual({ language: null });
    expect(await readdir(nested)).toEqual([settingsFileName]);
  });

  it('refuses invalid settings and leaves the file alone', async () => {
    const store = createSettingsStore(folder);
    await store.save({ language: 'en' });
    const before = await readFile(file);
    await expect(store.save({ language: 'fr' } as unknown as Settings)).rejects.toThrow();
    expect(await readFile(file)).toEqual(before);
  });

  it('keeps the last of several saves made at once', async () => {
    const store = createSettingsStore(folder);
    const languages: Settings['language'][] = ['es', 'en', null, 'es', 'en'];
    await Promise.all(languages.map((language) => store.save({ language })));
    expect(await store.load()).toEqual({ language: 'en' });
    expect(await readdir(folder)).toEqual([settingsFileName]);
  });

  type Step = 'open' | 'writeFile' | 'sync' | 'close' | 'rename';

  /** The real file system, failing once at `step`. */
  function failingOnceAt(step: Step): SettingsFileSystem {
    let failed = false;
    const failsNow = (at: Step) => at === step && !failed;
    const fail = () => {
      failed = true;
      return Promise.reject(new Error(`injected failure at ${step}`));
    };
    return {
      readFile: (target, options) => nodeFileSystem.readFile(target, options),
      stat: (target) => nodeFileSystem.stat(target),
      mkdir: (target, options) => nodeFileSystem.mkdir(target, options),
      realpath: (target) => nodeFileSystem.realpath(target),
      readdir: (folder) => nodeFileSystem.readdir(folder),
      link: (existing, newPath) => nodeFileSystem.link(existing, newPath),
      copyFile: (from, to) => nodeFileSystem.copyFile(from, to),
      rm: (target, options) => nodeFileSystem.rm(target, options),
      rename: (from, to) => (failsNow('rename') ? fail() : nodeFileSystem.rename(from, to)),
      async open(target, flags, mode) {
        if (failsNow('open') && flags === 'wx') return fail();
        const handle = await nodeFileSystem.open(target, flags, mode);
        return {
          // A partial write before the failure, as a full disk would leave.
          writeFile: (data) =>
            failsNow('writeFile') ? handle.writeFile(data.slice(0, 3)).then(fail) : handle.writeFile(data),
          sync: () => (failsNow('sync') && flags === 'wx' ? fail() : handle.sync()),
          close: () => handle.close().then(() => (failsNow('close') && flags === 'wx' ? fail() : undefined)),
        };
      },
    };
  }

  it.each<Step>(['open', 'writeFile', 'sync', 'close', 'rename'])(
    'a failure at %s leaves the old file byte-identical and no temporary file',
    async (step) => {
      await createSettingsStore(folder).save({ language: 'es' });
      const before = await readFile(file);
      const store = createSettingsStore(folder, failingOnceAt(step));
      await expect(store.save({ language: 'en' })).rejects.toThrow(`injected failure at ${step}`);
      expect(await readFile(file)).toEqual(before);
      expect(await readdir(folder)).toEqual([settingsFileName]);
      expect(await store.load()).toEqual({ language: 'es' });
      // One failed save does not block the next.
      await store.save({ language: 'en' });
      expect(await store.load()).toEqual({ language: 'en' });
      expect(await readdir(folder)).toEqual([settingsFileName]);
    },
  );
});
