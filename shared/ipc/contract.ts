/**
 * The IPC contract between the renderer and the Electron main process: one entry per channel with
 * the schema of its request and of its response. Main validates every request against it, the
 * preload exposes one named function per entry, and nothing else crosses the bridge.
 */
import { z } from 'zod';
import { languages } from '../localized.js';

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
  'app:info': { bridgeName: 'appInfo', request: nothing, response: appInfoSchema },
  'settings:load': { bridgeName: 'loadSettings', request: nothing, response: settingsSchema },
  'settings:save': { bridgeName: 'saveSettings', request: settingsSchema, response: nothing },
  'shell:open-external': {
    bridgeName: 'openExternal',
    request: z.string().max(2048),
    response: z.boolean(),
  },
} as const;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<IpcContract[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<IpcContract[C]['response']>;

export const ipcChannels = Object.keys(ipcContract) as IpcChannel[];

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

/** Name of the global the preload defines in the page. */
export const bridgeGlobalName = 'layerlab';
