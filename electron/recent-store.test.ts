import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecentStore, recentFileName } from './recent-store';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'layerlab-recent-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('createRecentStore', () => {
  it.each([
    ['no file', null],
    ['broken JSON', '[{"name": "a"'],
    ['another shape', '{"recent": []}'],
    ['a prototype key', '[{"name": "a.layerlab", "path": "/a", "__proto__": {"polluted": true}}]'],
    ['an entry without a path', '[{"name": "a.layerlab", "path": null}]'],
  ])('gives an empty list for %s', async (_case, text) => {
    if (text !== null) await writeFile(path.join(folder, recentFileName), text);
    expect(await createRecentStore(folder).list()).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('adds, moves to the top and removes, writing the file each time', async () => {
    const store = createRecentStore(path.join(folder, 'nested'));
    await store.add({ name: 'a.layerlab', path: '/a.layerlab' });
    await store.add({ name: 'b.layerlab', path: '/b.layerlab' });
    await store.add({ name: 'a.layerlab', path: '/a.layerlab' });
    expect(await store.list()).toEqual([
      { name: 'a.layerlab', path: '/a.layerlab' },
      { name: 'b.layerlab', path: '/b.layerlab' },
    ]);
    await store.remove('/a.layerlab');
    expect(JSON.parse(await readFile(path.join(folder, 'nested', recentFileName), 'utf8'))).toEqual([
      { name: 'b.layerlab', path: '/b.layerlab' },
    ]);
  });

  it('keeps every one of several changes made at once', async () => {
    const store = createRecentStore(folder);
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => store.add({ name, path: `/${name}` })));
    expect((await store.list()).map((entry) => entry.name)).toEqual(['d', 'c', 'b', 'a']);
  });
});
