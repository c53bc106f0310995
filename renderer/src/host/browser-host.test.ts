import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { emptyProject, saveProject } from '../../../shared/project/project';
import { BrowserHost, type BrowserEnvironment } from './browser-host';

const v2 = saveProject(emptyProject('Mi primera RNN', 'LayerLab 0.2.0'));

/** localStorage, in memory. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

type PickerAnswer = File | 'cancel';

/** Just enough of a page: a file input that "picks" what the test says, links that record downloads. */
function fakePage(answers: PickerAnswer[] = []) {
  const downloads: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  const pageListeners = new Map<string, () => void>();
  const element = (tag: string) => {
    const listeners = new Map<string, () => void>();
    const node = {
      tag,
      type: '',
      accept: '',
      href: '',
      download: '',
      rel: '',
      files: null as File[] | null,
      addEventListener: (event: string, listener: () => void) => listeners.set(event, listener),
      remove: vi.fn(),
      click() {
        if (tag === 'a') {
          downloads.push({ name: node.download, blob: blobs.get(node.href) as Blob });
          return;
        }
        const answer = answers.shift() ?? 'cancel';
        if (answer === 'cancel') listeners.get('cancel')?.();
        else {
          node.files = [answer];
          listeners.get('change')?.();
        }
      },
    };
    return node;
  };
  const environment: BrowserEnvironment = {
    document: { createElement: element, body: { append: vi.fn() } } as unknown as Document,
    storage: new MemoryStorage() as unknown as Storage,
    indexedDB: new IDBFactory(),
    window: {
      open: vi.fn(() => null),
      addEventListener: (event: string, listener: () => void) => pageListeners.set(event, listener),
      removeEventListener: (event: string) => pageListeners.delete(event),
      setTimeout: ((callback: () => void) => (callback(), 0)) as unknown as Window['setTimeout'],
    } as unknown as BrowserEnvironment['window'],
    url: {
      createObjectURL: (blob: Blob) => {
        const address = `blob:${blobs.size}`;
        blobs.set(address, blob);
        return address;
      },
      revokeObjectURL: (address: string) => void blobs.delete(address),
    },
  };
  return { environment, downloads, blobs, pageListeners };
}

const recentSettled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BrowserHost projects', () => {
  it('opens the picked file as text, and remembers its name', async () => {
    const page = fakePage([new File([v2], 'rnn.layerlab'), 'cancel']);
    const host = new BrowserHost(page.environment);
    expect(await host.openProject()).toEqual({ name: 'rnn.layerlab', path: null, content: v2 });
    expect(await host.openProject()).toBeNull();
    await recentSettled();
    expect(await host.recentProjects()).toEqual([{ name: 'rnn.layerlab', path: null }]);
  });

  it('refuses a file over 192 MB by its size, and one that is not UTF-8 by its first bad byte', async () => {
    const huge = new File([], 'huge.layerlab');
    Object.defineProperty(huge, 'size', { value: 200 * 1024 * 1024 });
    const latin1 = new File([Uint8Array.of(0x7b, 0xe9, 0x7d)], 'latin1.layerlab');
    const host = new BrowserHost(fakePage([huge, latin1]).environment);
    await expect(host.openProject()).rejects.toMatchObject({ name: 'ProjectTooLarge' });
    await expect(host.openProject()).rejects.toMatchObject({
      name: 'NotUtf8',
      message: 'latin1.layerlab is not UTF-8 text: byte 0xE9 at offset 1 does not start a valid character.',
    });
  });

  it('saves as a download named after the project, and frees the blob afterwards', async () => {
    const page = fakePage();
    const host = new BrowserHost(page.environment);
    expect(await host.saveProject(v2, { suggestedName: 'Mi primera RNN' })).toEqual({
      name: 'Mi primera RNN.layerlab',
      path: null,
    });
    // A path is meaningless here: Save is a download too.
    await host.saveProject(v2, { path: 'Mi primera RNN.layerlab', suggestedName: 'Mi primera RNN.layerlab' });
    expect(page.downloads.map((download) => download.name)).toEqual([
      'Mi primera RNN.layerlab',
      'Mi primera RNN.layerlab',
    ]);
    expect(await page.downloads[0]?.blob.text()).toBe(v2);
    expect(page.blobs.size).toBe(0);
    await recentSettled();
    expect(await host.recentProjects()).toEqual([{ name: 'Mi primera RNN.layerlab', path: null }]);
  });

  it('reopens a recent file by asking for it again', async () => {
    const host = new BrowserHost(fakePage([new File([v2], 'rnn.layerlab')]).environment);
    expect(await host.openRecent('rnn.layerlab')).toMatchObject({ name: 'rnn.layerlab', content: v2 });
  });

  it('reads a broken recent list as empty', async () => {
    const page = fakePage();
    (page.environment.storage as unknown as MemoryStorage).setItem('layerlab.recent', '{"__proto__": 1');
    expect(await new BrowserHost(page.environment).recentProjects()).toEqual([]);
  });
});

describe('BrowserHost autosave', () => {
  it('keeps unsaved work in IndexedDB, across Host instances, until cleared', async () => {
    const page = fakePage();
    const host = new BrowserHost(page.environment);
    expect(await host.readAutosave()).toBeNull();
    const before = Date.now();
    await host.writeAutosave(v2);
    const saved = await new BrowserHost(page.environment).readAutosave();
    expect(saved?.content).toBe(v2);
    expect(saved?.savedAt).toBeGreaterThanOrEqual(before);
    await host.clearAutosave();
    expect(await host.readAutosave()).toBeNull();
  });

  it('autosaves when the page is hidden for good', async () => {
    const page = fakePage();
    const host = new BrowserHost(page.environment);
    const callback = vi.fn();
    const stop = host.onBeforeQuit(callback);
    page.pageListeners.get('pagehide')?.();
    expect(callback).toHaveBeenCalledOnce();
    stop();
    expect(page.pageListeners.has('pagehide')).toBe(false);
  });
});
