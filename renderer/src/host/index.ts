/** Picks the Host for where the renderer runs: inside Electron when the preload's bridge is there. */
import type { Host } from '../../../shared/host/host';
import { bridgeGlobalName, type LayerLabBridge } from '../../../shared/ipc/contract';
import { BrowserHost } from './browser-host';
import { ElectronHost } from './electron-host';

export function detectHost(): Host {
  const bridge = (window as unknown as Record<string, LayerLabBridge | undefined>)[bridgeGlobalName];
  return bridge ? new ElectronHost(bridge) : new BrowserHost();
}
