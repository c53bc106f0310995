/**
 * The wiring of main.ts, run against a fake of the Electron API (the real binary cannot run
 * here): what is registered before `ready`, what `ready` sets up, and how the protocol serves.
 */
import type * as FileSystem from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../shared/ipc/contract.js';
import { contentSecurityPolicy } from '../shared/security/csp.js';
import { createWindowOptions } from './window-options.js';

const rendererBundleRoot = path.resolve(__dirname, '..', 'dist');
const bundleFiles: Record<string, string> = {
  [path.join(rendererBundleRoot, 'index.html')]: '<!doctype html><title>LayerLab</title>',
  [path.join(rendererBundleRoot, 'assets', 'tfjs-backend-wasm.wasm')]: '\0asm',
};

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    singleInstance: true,
    ready: undefined as undefined | (() => void),
    appListeners: new Map<string, Listener>(),
    windows: [] as {
      options: unknown;
      loaded: string[];
      shown: boolean;
      closed: number;
      sent: string[];
      listeners: Map<string, Listener>;
    }[],
    ipcHandlers: new Map<string, Listener>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    privilegedSchemes: [] as unknown[],
    permissionRequestHandler: undefined as undefined | Listener,
    permissionCheckHandler: undefined as undefined | Listener,
    opened: [] as string[],
    calls: [] as string[],
  };
  class BrowserWindow {
    readonly record;
    readonly webContents;
    constructor(options: unknown) {
      this.record = {
        options,
        loaded: [] as string[],
        shown: false,
        closed: 0,
        sent: [] as string[],
        listeners: new Map<string, Listener>(),
      };
      const record = this.record;
      this.webContents = { send: (channel: string) => record.sent.push(channel), isDestroyed: () => false };
      state.windows.push(this.record);
    }
    close() {
      this.record.closed += 1;
    }
    static getAllWindows() {
      return state.windows;
    }
    once(event: string, listener: Listener) {
      this.record.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.record.listeners.set(event, listener);
    }
    show() {
      this.record.shown = true;
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
  }
  const electron = {
    app: {
      enableSandbox: () => state.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => state.singleInstance,
      quit: () => state.calls.push('quit'),
      exit: (code: number) => state.calls.push(`exit ${code}`),
      on: (event: string, listener: Listener) => state.appListeners.set(event, listener),
      whenReady: () =>
        new Promise<void>((resolve) => {
          state.ready = resolve;
        }),
      isReady: () => state.ready === undefined,
      isPackaged: true,
      getPath: (name: string) => `/tmp/layerlab-fake-${name}`,
      getName: () => 'LayerLab',
      getVersion: () => '0.1.0',
      getLocale: () => 'es-ES',
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: { handle: (channel: string, listener: Listener) => state.ipcHandlers.set(channel, listener) },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.calls.push('registerSchemesAsPrivileged');
        state.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permissionCheckHandler = handler),
      },
    },
    shell: { openExternal: async (url: string) => void state.opened.push(url) },
  };
  return { state, electron };
});

vi.mock('electron', () => fake.electron);

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FileSystem>();
  const readFile = async (...args: Parameters<typeof actual.readFile>) => {
    const file = args[0];
    if (typeof file === 'string' && file in bundleFiles) return Buffer.from(bundleFiles[file] ?? '');
    if (typeof file === 'string' && file.startsWith(rendererBundleRoot)) {
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    }
    return actual.readFile(...args);
  };
  return { ...actual, readFile, default: { ...actual, readFile } };
});

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main.js');
}

async function becomeReady(): Promise<void> {
  const ready = fake.state.ready;
  if (!ready) throw new Error('main did not wait for ready');
  fake.state.ready = undefined;
  ready();
  // Let `whenReady().then(start)` run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function serve(url: string, method = 'GET'): Promise<Response> {
  const handler = fake.state.protocolHandlers.get('app');
  if (!handler) throw new Error('no app:// handler');
  return handler(new Request(url, { method }));
}

beforeEach(() => {
  const { state } = fake;
  state.singleInstance = true;
  state.ready = undefined;
  state.appListeners.clear();
  state.windows.length = 0;
  state.ipcHandlers.clear();
  state.protocolHandlers.clear();
  state.privilegedSchemes.length = 0;
  state.permissionRequestHandler = undefined;
  state.permissionCheckHandler = undefined;
  state.opened.length = 0;
  state.calls.length = 0;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('main before ready', () => {
  it('sandboxes every renderer and registers app:// as a privileged standard scheme', async () => {
    await startMain();
    expect(fake.state.calls).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(fake.state.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
      },
    ]);
    expect(fake.state.windows).toHaveLength(0);
  });

  it('quits at once when another LayerLab already runs', async () => {
    fake.state.singleInstance = false;
    await startMain();
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.appListeners.size).toBe(0);
  });

  it('guards every web contents created', async () => {
    await startMain();
    const listeners = new Map<string, unknown>();
    const contents = {
      on: (event: string, listener: unknown) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: unknown) => listeners.set('window-open', handler),
    };
    fake.state.appListeners.get('web-contents-created')?.({}, contents);
    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
      'window-open',
    ]);
  });
});

describe('main once ready', () => {
  it('denies every permission a page asks for or checks', async () => {
    await startMain();
    await becomeReady();
    const callback = vi.fn();
    fake.state.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    expect(fake.state.permissionCheckHandler?.({}, 'clipboard-read', 'app://layerlab', {})).toBe(false);
  });

  it('opens one hidden secure window on app://layerlab/index.html and shows it when ready', async () => {
    await startMain();
    await becomeReady();
    expect(fake.state.windows).toHaveLength(1);
    const [window] = fake.state.windows;
    expect(window?.options).toEqual(createWindowOptions(path.join(__dirname, 'preload.cjs')));
    expect(window?.loaded).toEqual(['app://layerlab/index.html']);
    expect(window?.shown).toBe(false);
    window?.listeners.get('ready-to-show')?.();
    expect(window?.shown).toBe(true);
  });

  it('answers IPC on every channel, from the app only', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startMain();
    await becomeReady();
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual([...ipcChannels].sort());
    const info = fake.state.ipcHandlers.get('app:info');
    expect(await info?.({ senderFrame: { url: 'app://layerlab/index.html' } })).toEqual({
      ok: true,
      value: { name: 'LayerLab', version: '0.1.0', platform: process.platform, locale: 'es-ES' },
    });
    expect(await info?.({ senderFrame: { url: 'https://evil.example/' } })).toMatchObject({
      ok: false,
      error: { name: 'ForbiddenSender' },
    });
    expect(report).toHaveBeenCalledOnce();
  });

  it('serves bundle files with their type, the CSP and cross-origin isolation', async () => {
    await startMain();
    await becomeReady();
    const page = await serve('app://layerlab/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>LayerLab</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const wasm = await serve('app://layerlab/assets/tfjs-backend-wasm.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const head = await serve('app://layerlab/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://layerlab/missing.js',
    'app://layerlab/%2e%2e/package.json',
    'app://layerlab/..%5cpackage.json',
    'app://layerlab/index.html%00.png',
  ])('answers 404 for %s', async (url) => {
    await startMain();
    await becomeReady();
    const response = await serve(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    await startMain();
    await becomeReady();
    expect((await serve('app://layerlab/index.html', 'POST')).status).toBe(405);
  });
});

describe('autosave when the app quits', () => {
  const appPage = { senderFrame: { url: 'app://layerlab/index.html' } };

  it('asks the page to autosave before quitting, and quits once it answers', async () => {
    await startMain();
    await becomeReady();
    const [window] = fake.state.windows;
    const event = { preventDefault: vi.fn() };
    fake.state.appListeners.get('before-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(window?.sent).toEqual(['app:before-quit']);
    expect(fake.state.calls).not.toContain('quit');
    expect(await fake.state.ipcHandlers.get('app:quit-ready')?.(appPage)).toEqual({ ok: true, value: undefined });
    await vi.waitFor(() => expect(fake.state.calls).toContain('quit'));
    // The quit that follows goes through.
    const again = { preventDefault: vi.fn() };
    fake.state.appListeners.get('before-quit')?.(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('asks the page before its window closes (Windows and Linux quit that way), then closes it', async () => {
    vi.useFakeTimers();
    try {
      await startMain();
      const ready = fake.state.ready;
      fake.state.ready = undefined;
      ready?.();
      await vi.advanceTimersByTimeAsync(0);
      const [window] = fake.state.windows;
      const event = { preventDefault: vi.fn() };
      window?.listeners.get('close')?.(event);
      expect(event.preventDefault).toHaveBeenCalledOnce();
      expect(window?.sent).toEqual(['app:before-quit']);
      // A page that never answers does not keep the window open past the wait.
      await vi.advanceTimersByTimeAsync(3000);
      expect(window?.closed).toBe(1);
      const again = { preventDefault: vi.fn() };
      window?.listeners.get('close')?.(again);
      expect(again.preventDefault).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
