import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MemoryHost } from './memory-host';

const v3 = readFileSync(path.join(__dirname, '..', 'project', 'fixtures', 'v3.layerlab'), 'utf8');
const edited = v3.replace('"Mi primera RNN"', '"Editada"');

describe('MemoryHost projects', () => {
  it('opens what the open dialog picks, and saves over it keeping a .bak', async () => {
    const host = new MemoryHost();
    host.files.set('/p/rnn.layerlab', v3);
    expect(await host.openProject()).toBeNull();
    host.dialogs.open = '/p/rnn.layerlab';
    expect(await host.openProject()).toEqual({ name: 'rnn.layerlab', path: '/p/rnn.layerlab', content: v3 });
    expect(await host.saveProject(edited, { path: '/p/rnn.layerlab', suggestedName: 'x' })).toEqual({
      name: 'rnn.layerlab',
      path: '/p/rnn.layerlab',
    });
    expect(host.files.get('/p/rnn.layerlab')).toBe(edited);
    expect(host.files.get('/p/rnn.layerlab.bak')).toBe(v3);
  });

  it('Save As adds the extension, and answers null when cancelled', async () => {
    const host = new MemoryHost();
    expect(await host.saveProject(v3, { suggestedName: 'a' })).toBeNull();
    host.dialogs.saveAs = '/p/nueva';
    expect(await host.saveProject(v3, { path: null, suggestedName: 'a' })).toEqual({
      name: 'nueva.layerlab',
      path: '/p/nueva.layerlab',
    });
  });

  it('follows the desktop rules: no unchosen paths, no newer formats, no text that is not a project', async () => {
    const host = new MemoryHost();
    host.files.set('/p/other.layerlab', v3);
    await expect(host.saveProject(edited, { path: '/p/other.layerlab', suggestedName: 'x' })).rejects.toMatchObject({
      name: 'ForbiddenPath',
    });
    host.files.set('/p/newer.layerlab', v3.replace('"formatVersion": 3', '"formatVersion": 5'));
    host.dialogs.saveAs = '/p/newer.layerlab';
    await expect(host.saveProject(edited, { suggestedName: 'x' })).rejects.toMatchObject({ name: 'NewerFormat' });
    host.dialogs.saveAs = '/p/new.layerlab';
    await expect(host.saveProject('not a project', { suggestedName: 'x' })).rejects.toMatchObject({
      name: 'NotAProject',
    });
    expect(host.files.has('/p/new.layerlab')).toBe(false);
  });

  it('keeps ten recent files, latest first, and reopens only those', async () => {
    const host = new MemoryHost();
    for (let index = 0; index < 11; index += 1) {
      host.dialogs.saveAs = `/p/${index}.layerlab`;
      await host.saveProject(v3, { suggestedName: 'x' });
    }
    const recent = await host.recentProjects();
    expect(recent).toHaveLength(10);
    expect(recent[0]).toEqual({ name: '10.layerlab', path: '/p/10.layerlab' });
    expect(await host.openRecent('/p/5.layerlab')).toMatchObject({ content: v3 });
    await expect(host.openRecent('/p/0.layerlab')).rejects.toMatchObject({ name: 'ForbiddenPath' });
    host.files.delete('/p/5.layerlab');
    await expect(host.openRecent('/p/5.layerlab')).rejects.toMatchObject({ name: 'NotFound' });
    expect((await host.recentProjects()).some((entry) => entry.path === '/p/5.layerlab')).toBe(false);
  });
});

describe('MemoryHost autosave and quit', () => {
  it('keeps unsaved work with its time until cleared', async () => {
    const host = new MemoryHost(undefined, undefined, () => 1234);
    expect(await host.readAutosave()).toBeNull();
    await host.writeAutosave(edited);
    expect(await host.readAutosave()).toEqual({ content: edited, savedAt: 1234 });
    await host.clearAutosave();
    expect(await host.readAutosave()).toBeNull();
  });

  it('runs the before-quit callbacks on quit, until unsubscribed', async () => {
    const host = new MemoryHost();
    const callback = vi.fn(async () => host.writeAutosave(v3));
    const stop = host.onBeforeQuit(callback);
    await host.quit();
    expect(callback).toHaveBeenCalledOnce();
    expect(await host.readAutosave()).toMatchObject({ content: v3 });
    stop();
    await host.quit();
    expect(callback).toHaveBeenCalledOnce();
  });
});
