/**
 * The Electron main process: one secure window over the `app://layerlab/` bundle, the navigation
 * and permission rules, the IPC handlers, project files and autosave on quit. Thin on purpose:
 * every decision is a tested function in a sibling module; this file only wires them to Electron.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { IpcEvent } from '../shared/ipc/channels.js';
import { createProjectDialogs } from './dialogs.js';
import { createHandlers } from './handlers.js';
import { registerIpcHandlers } from './ipc.js';
import { createMenuTemplate } from './menu.js';
import type { CommandId } from '../shared/vocabulary/commands.js';
import { commandEvent } from '../shared/ipc/channels.js';
import { languageFromTag } from '../shared/vocabulary/localized.js';
import { guardWebContents } from './navigation.js';
import { createProjectService } from './project-service.js';
import { appEntryUrl, appScheme, resolveBundlePath, responseHeaders } from './protocol.js';
import { createQuitGuard } from './quit.js';
import { createRecentStore } from './recent-store.js';
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

const beforeQuit: IpcEvent = 'app:before-quit';
/** Asks the page to autosave before the app quits or its window closes, and waits a little. */
const quitGuard = createQuitGuard(() => {
  if (mainWindow === null || mainWindow.webContents.isDestroyed()) throw new Error('no page to ask');
  mainWindow.webContents.send(beforeQuit);
});
/** Set once the page was asked, so the close or quit that follows goes through. */
let pageAutosaved = false;

function createMainWindow(): void {
  const window = new BrowserWindow(createWindowOptions(preloadPath));
  pageAutosaved = false;
  window.once('ready-to-show', () => window.show());
  // On Windows and Linux closing the window quits the app, and by `before-quit` the page is gone.
  window.on('close', (event) => {
    if (pageAutosaved) return;
    event.preventDefault();
    pageAutosaved = true;
    void quitGuard.flush().then(() => window.close());
  });
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

  const dataFolder = app.getPath('userData');
  const settings = createSettingsStore(dataFolder);
  const projects = createProjectService({
    dialogs: createProjectDialogs(
      dialog,
      () => mainWindow,
      () => app.getPath('documents'),
    ),
    recent: createRecentStore(dataFolder),
    dataFolder,
  });
  registerIpcHandlers(
    ipcMain,
    createHandlers({
      appInfo: () => ({
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        locale: app.getLocale(),
      }),
      // Saving settings (the language) also relabels the menu.
      settings: {
        load: () => settings.load(),
        save: async (next) => {
          await settings.save(next);
          await applyMenu();
        },
      },
      openExternal: (url) => shell.openExternal(url),
      projects,
      quit: quitGuard,
    }),
    { reportError: (channel, error) => console.error(`IPC ${channel} failed:`, error) },
  );

  /** The menu from the command table, in the learner's language; its items run in the page. */
  async function applyMenu(): Promise<void> {
    const language = (await settings.load()).language ?? languageFromTag(app.getLocale());
    const send = (command: CommandId) => {
      if (mainWindow !== null && !mainWindow.webContents.isDestroyed())
        mainWindow.webContents.send(commandEvent, command);
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(createMenuTemplate(process.platform, app.isPackaged, language, send)),
    );
  }

  createMainWindow();
  // The menu follows as soon as the settings are read; the window need not wait for it.
  applyMenu().catch((error: unknown) => console.error('menu failed:', error));
}

// A second launch focuses the running window instead of opening another copy of the app.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);

  // Every web contents, of every window and frame, stays on the app's pages.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));

  app.on('before-quit', (event) => {
    if (pageAutosaved || mainWindow === null) return;
    event.preventDefault();
    pageAutosaved = true;
    void quitGuard.flush().then(() => app.quit());
  });

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
