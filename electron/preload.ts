/**
 * The preload: runs in the sandbox before the page and exposes the typed bridge on
 * `window.layerlab`. A sandboxed preload can only `require('electron')`, so it is bundled by
 * scripts/build-electron.mjs, which also checks that it needs nothing else.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { bridgeGlobalName, commandEvent } from '../shared/ipc/channels.js';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld(
  bridgeGlobalName,
  createBridge(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (event, listener) => {
      // The event object holds `sender` (this ipcRenderer): it stays here.
      const forward = () => listener();
      ipcRenderer.on(event, forward);
      return () => void ipcRenderer.removeListener(event, forward);
    },
    (listener) => {
      // Only the payload crosses; the bridge checks it is a command id.
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(commandEvent, forward);
      return () => void ipcRenderer.removeListener(commandEvent, forward);
    },
    (file) => webUtils.getPathForFile(file),
  ),
);
