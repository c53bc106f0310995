/**
 * The bridge the preload exposes to the page: one named function per entry of the IPC contract,
 * each forwarding its single argument to its channel. Nothing else (no `ipcRenderer`, no channel
 * names, no way to pick a channel) reaches the page (RELIABILITY.md item 2).
 */
import { bridgeNames, ipcChannels, type IpcChannel } from '../shared/ipc/channels.js';
import type { LayerLabBridge } from '../shared/ipc/contract.js';

/** Sends one request on one channel and resolves with main's answer (`ipcRenderer.invoke`). */
export type Invoke = (channel: IpcChannel, request: unknown) => Promise<unknown>;

/** Builds the frozen bridge object over `invoke`. */
export function createBridge(invoke: Invoke): LayerLabBridge {
  const entries = ipcChannels.map((channel) => {
    // Exactly one argument is forwarded, whatever the page passes, so no channel gets extras.
    const call = (request?: unknown) => invoke(channel, request);
    return [bridgeNames[channel], call] as const;
  });
  // The mapped type LayerLabBridge cannot be built key by key; the test checks the shape.
  return Object.freeze(Object.fromEntries(entries)) as unknown as LayerLabBridge;
}
