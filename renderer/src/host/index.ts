/** Picks the Host for where the renderer runs: inside Electron when the preload's bridge is there. */
import type { Host } from '../../../shared/host/host';
import { bridgeGlobalName, type LayerLabBridge } from '../../../shared/ipc/contract';
import { BrowserHost } from './browser-host';
import { ElectronHost } from './electron-host';

export function detectHost(): Host {
  const bridge = (window as unknown as Record<string, LayerLabBridge | undefined>)[bridgeGlobalName];
  return bridge ? new ElectronHost(bridge) : new BrowserHost();
}

/**
 * Where a file the learner chose or dropped is on disk: the desktop app's bridge knows, a browser
 * does not (null). A project keeps it for a large table it leaves outside itself.
 */
export function pathOfFile(file: File): string | null {
  const bridge = (window as unknown as Record<string, LayerLabBridge | undefined>)[bridgeGlobalName];
  return bridge?.pathForFile(file) ?? null;
}
