/**
 * The IPC contract between the renderer and the Electron main process: one entry per channel with
 * the schema of its request and of its response. Main validates every request against it, the
 * preload exposes one named function per entry, and nothing else crosses the bridge.
 */
import { z } from 'zod';
import { languages } from '../localized.js';
import { bridgeNames, type IpcChannel } from './channels.js';

export { bridgeGlobalName, bridgeNames, ipcChannels, type IpcChannel } from './channels.js';

export const settingsSchema = z
  .object({
    /** The language the learner chose; `null` follows the system. */
    language: z.enum(languages).nullable(),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings: Settings = { language: null };

export const appInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    platform: z.string(),
    /** The system's language tag, e.g. `es-ES`. */
    locale: z.string(),
  })
  .strict();
export type AppInfo = z.infer<typeof appInfoSchema>;

const nothing = z.undefined();

export const ipcContract = {
  'app:info': { bridgeName: bridgeNames['app:info'], request: nothing, response: appInfoSchema },
  'settings:load': { bridgeName: bridgeNames['settings:load'], request: nothing, response: settingsSchema },
  'settings:save': { bridgeName: bridgeNames['settings:save'], request: settingsSchema, response: nothing },
  'shell:open-external': {
    bridgeName: bridgeNames['shell:open-external'],
    request: z.string().max(2048),
    response: z.boolean(),
  },
} as const satisfies Record<IpcChannel, unknown>;

export type IpcContract = typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<IpcContract[C]['response']>;

/** Errors cross IPC as plain `{ name, message }`, never as thrown objects with stacks. */
export interface IpcError {
  name: string;
  message: string;
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the preload exposes on `window.layerlab`: one named function per channel. */
export type LayerLabBridge = {
  [C in IpcChannel as IpcContract[C]['bridgeName']]: IpcRequest<C> extends undefined
    ? () => Promise<IpcResult<IpcResponse<C>>>
    : (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
};
