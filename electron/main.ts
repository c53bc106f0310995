/**
 * The Electron main process: one secure window over the `app://layerlab/` bundle, the navigation
 * and permission rules, and the IPC handlers. Thin on purpose: every decision is a tested
 * function in a sibling module; this file only wires them to Electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import { createHandlers } from './handlers.js';
import { registerIpcHandlers } from './ipc.js';
import { createMenuTemplate } from './menu.js';
import { guardWebContents } from './navigation.js';
import { appEntryUrl, appScheme, resolveBundlePath, responseHeaders } from './protocol.js';
import { createSettingsStore } from './settings-store.js';
import { createWindowOptions } from './window-options.js';

// This file is bundled to <appRoot>/dist-electron/main.cjs, where CommonJS defines __dirname,
// next to preload.cjs; the renderer build is <appRoot>/dist. Both hold inside app.asar too.
const electronBundleRoot = __dirname;
const rendererBundleRoot = path.join(electronBundleRoot, '..', 'dist');
const preloadPath = path.join(electronBundleRoot, 'preload.cjs');

// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

// Must run before `ready`. `standard` gives the scheme an origin, so the page gets storage, fetch,
// workers and a CSP of its own; `secure` makes it a secure context (needed by WebGPU).
protocol.registerSchemesAsPrivileged([
  {
    scheme: appScheme,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
  },
]);

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): void {
  const window = new BrowserWindow(createWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(appEntryUrl).catch((error: unknown) => console.error('LayerLab could not load its page:', error));
  mainWindow = window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

const notFoundHeaders = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

/** Serves a file of the renderer bundle, or 404 for anything `resolveBundlePath` refuses. */
async function serveBundleFile(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: notFoundHeaders });
  }
  const filePath = resolveBundlePath(rendererBundleRoot, request.url);
  if (filePath !== null) {
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(filePath) });
    } catch {
      // Missing or a folder: answered as not found, below.
    }
  }
  return new Response('Not found', { status: 404, headers: notFoundHeaders });
}

async function start(): Promise<void> {
  // LayerLab needs no camera, microphone, location, notifications or anything else a page can ask.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  protocol.handle(appScheme, serveBundleFile);

  const settings = createSettingsStore(app.getPath('userData'));
  registerIpcHandlers(
    ipcMain,
    createHandlers({
      appInfo: () => ({
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        locale: app.getLocale(),
      }),
      settings,
      openExternal: (url) => shell.openExternal(url),
    }),
    { reportError: (channel, error) => console.error(`IPC ${channel} failed:`, error) },
  );

  Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate(process.platform, app.isPackaged)));
  createMainWindow();
}

// A second launch focuses the running window instead of opening another copy of the app.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  // Every web contents, of every window and frame, stays on the app's pages.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));

  app.on('window-all-closed', () => {
    // macOS apps stay open without windows until the user quits.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('LayerLab could not start:', error);
      app.exit(1);
    });
}
