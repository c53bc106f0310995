/**
 * The bridge the preload exposes to the page: one named function per entry of the IPC contract,
 * each forwarding its single argument to its channel, and one subscribe function per main → page
 * event, whose callbacks get no arguments. Nothing else (no `ipcRenderer`, no event objects, no
 * channel names, no way to pick a channel) reaches the page (RELIABILITY.md item 2).
 */
import { isCommandId } from '../shared/vocabulary/commands.js';
import {
  bridgeEvents,
  commandBridgeName,
  bridgeNames,
  ipcChannels,
  ipcEvents,
  type IpcChannel,
  type IpcEvent,
} from '../shared/ipc/channels.js';
import type { LayerLabBridge } from '../shared/ipc/contract.js';

/** Sends one request on one channel and resolves with main's answer (`ipcRenderer.invoke`). */
export type Invoke = (channel: IpcChannel, request: unknown) => Promise<unknown>;

/**
 * Listens to one main → page event (`ipcRenderer.on`); `listener` is called with no arguments,
 * so Electron's event object, which holds the sender, never reaches the page. Answers a function
 * that stops listening.
 */
export type Subscribe = (event: IpcEvent, listener: () => void) => () => void;

/** What the page's callbacks answer to, per event: after `app:before-quit`, main waits for this. */
const answers: { [E in IpcEvent]: IpcChannel } = { 'app:before-quit': 'app:quit-ready' };

/** One subscribe function for `event`: runs every callback, then answers main once. */
function eventSubscriber(event: IpcEvent, invoke: Invoke, subscribe: Subscribe) {
  const callbacks = new Set<() => unknown>();
  let stop: (() => void) | null = null;
  const run = async () => {
    // A failing callback must not keep main waiting, nor stop the others.
    await Promise.allSettled([...callbacks].map(async (callback) => callback()));
    await invoke(answers[event], undefined);
  };
  return (callback: unknown): (() => void) => {
    if (typeof callback !== 'function') throw new TypeError(`${bridgeEvents[event]} needs a function`);
    const own = () => callback();
    callbacks.add(own);
    stop ??= subscribe(event, () => void run());
    return () => {
      callbacks.delete(own);
      if (callbacks.size === 0 && stop) {
        stop();
        stop = null;
      }
    };
  };
}

/** Listens to the native menu's commands; `listener` gets the payload main sent, unchecked. */
export type SubscribeCommand = (listener: (payload: unknown) => void) => () => void;

/** `onCommand`: passes on only ids of the command table, so the page never gets anything else. */
function commandSubscriber(subscribeCommand: SubscribeCommand) {
  return (callback: unknown): (() => void) => {
    if (typeof callback !== 'function') throw new TypeError(`${commandBridgeName} needs a function`);
    return subscribeCommand((payload) => {
      if (isCommandId(payload)) callback(payload);
    });
  };
}

/**
 * Where a file the learner chose or dropped is on disk (Electron's `webUtils.getPathForFile`),
 * so a project can say where a large table it keeps outside itself was; '' when it has none.
 */
export type PathForFile = (file: File) => string;

/** `pathForFile` for the page: a path, or null for anything else (not a File, no path, a failure). */
function filePathOf(pathForFile: PathForFile) {
  return (file: unknown): string | null => {
    if (typeof File === 'undefined' || !(file instanceof File)) return null;
    try {
      const found = pathForFile(file);
      return found === '' ? null : found;
    } catch {
      return null;
    }
  };
}

/** Builds the frozen bridge object over `invoke` and `subscribe`. */
export function createBridge(
  invoke: Invoke,
  subscribe: Subscribe,
  subscribeCommand: SubscribeCommand = () => () => undefined,
  pathForFile: PathForFile = () => '',
): LayerLabBridge {
  const calls = ipcChannels.map((channel) => {
    // Exactly one argument is forwarded, whatever the page passes, so no channel gets extras.
    const call = (request?: unknown) => invoke(channel, request);
    return [bridgeNames[channel], call] as const;
  });
  const events = ipcEvents.map((event) => [bridgeEvents[event], eventSubscriber(event, invoke, subscribe)] as const);
  // The mapped type LayerLabBridge cannot be built key by key; the test checks the shape.
  const command = [commandBridgeName, commandSubscriber(subscribeCommand)] as const;
  const paths = ['pathForFile', filePathOf(pathForFile)] as const;
  return Object.freeze(Object.fromEntries([...calls, ...events, command, paths])) as unknown as LayerLabBridge;
}
