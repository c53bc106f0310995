/**
 * The IPC contract between the renderer and the Electron main process: one entry per channel with
 * the schema of its request and of its response. Main validates every request against it, the
 * preload exposes one named function per entry, and nothing else crosses the bridge.
 */
import { z } from 'zod';
import type { CommandId } from '../vocabulary/commands.js';
import { languages } from '../vocabulary/localized.js';
import { maxProjectBytes } from '../vocabulary/project-format.js';
import { foundDataSchema } from '../data/data-file.js';
import { bridgeNames, type bridgeEvents, type IpcChannel } from './channels.js';

export {
  bridgeEvents,
  bridgeGlobalName,
  bridgeNames,
  ipcChannels,
  ipcEvents,
  type IpcChannel,
  type IpcEvent,
} from './channels.js';

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

/**
 * A project file's text. Capped in UTF-16 units here, which bounds the message; main also caps
 * its UTF-8 size, as every unit is at least one byte.
 */
const projectContent = z.string().max(maxProjectBytes);

/** A path main handed out (a dialog's answer, a recent file); main checks it is one of those. */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'a path cannot hold a NUL character');

const fileName = z.string().min(1).max(255);

/**
 * A project file read from disk: its name for the title bar, where it is, and its text; with
 * `data`, what main found of the data file it keeps outside itself (shared/data/data-file.ts).
 */
export const projectFileSchema = z
  .object({ name: fileName, path: filePath.nullable(), content: projectContent, data: foundDataSchema.optional() })
  .strict();
export type ProjectFile = z.infer<typeof projectFileSchema>;

/** Where a project was saved; `path` is null where the platform gives none (a browser download). */
export const savedProjectSchema = z.object({ name: fileName, path: filePath.nullable() }).strict();
export type SavedProject = z.infer<typeof savedProjectSchema>;

/** A project opened or saved lately; `path` is null in the browser, which cannot reopen by path. */
export const recentProjectSchema = z.object({ name: fileName, path: filePath.nullable() }).strict();
export type RecentProject = z.infer<typeof recentProjectSchema>;

/** The most recent projects remembered. */
export const maxRecentProjects = 10;

/** Unsaved work kept by autosave, with when it was written (milliseconds since 1970). */
/** With `data`, what main found of the data file the work keeps outside itself, as for an open project. */
export const autosaveSchema = z
  .object({ content: projectContent, savedAt: z.number().finite().min(0), data: foundDataSchema.optional() })
  .strict();
export type Autosave = z.infer<typeof autosaveSchema>;

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
  /** Shows the open dialog; null when the learner cancels. */
  'project:open': { bridgeName: bridgeNames['project:open'], request: nothing, response: projectFileSchema.nullable() },
  /** Reads a file of the recent list; refused for any other path. */
  'project:open-recent': {
    bridgeName: bridgeNames['project:open-recent'],
    request: filePath,
    response: projectFileSchema,
  },
  /** Saves over a file the learner opened or chose in this session; refused for any other path. */
  'project:save': {
    bridgeName: bridgeNames['project:save'],
    request: z.object({ path: filePath, content: projectContent }).strict(),
    response: savedProjectSchema,
  },
  /** Shows the save dialog and saves there; null when the learner cancels. */
  'project:save-as': {
    bridgeName: bridgeNames['project:save-as'],
    request: z.object({ suggestedName: fileName, content: projectContent }).strict(),
    response: savedProjectSchema.nullable(),
  },
  'project:recent': {
    bridgeName: bridgeNames['project:recent'],
    request: nothing,
    response: z.array(recentProjectSchema).max(maxRecentProjects),
  },
  'autosave:write': { bridgeName: bridgeNames['autosave:write'], request: projectContent, response: nothing },
  'autosave:read': { bridgeName: bridgeNames['autosave:read'], request: nothing, response: autosaveSchema.nullable() },
  'autosave:clear': { bridgeName: bridgeNames['autosave:clear'], request: nothing, response: nothing },
  /** The page has done what `app:before-quit` asked; main may quit. */
  'app:quit-ready': { bridgeName: bridgeNames['app:quit-ready'], request: nothing, response: nothing },
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

/**
 * Subscribes `callback` to a main → page event; answers a function that unsubscribes. For
 * `onBeforeQuit`, main waits (a few seconds at most) until the callback's promise settles.
 */
export type BridgeSubscribe = (callback: () => Promise<void> | void) => () => void;

/**
 * What the preload exposes on `window.layerlab`: one named function per channel, and one
 * subscribe function per main → page event.
 */
export type LayerLabBridge = {
  [C in IpcChannel as IpcContract[C]['bridgeName']]: IpcRequest<C> extends undefined
    ? () => Promise<IpcResult<IpcResponse<C>>>
    : (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
} & { [E in keyof typeof bridgeEvents as (typeof bridgeEvents)[E]]: BridgeSubscribe } & {
  /** Runs `callback` with each command chosen in the native menu; answers an unsubscribe. */
  onCommand: (callback: (command: CommandId) => void) => () => void;
  /** Where a file the learner chose or dropped is on disk, or null; no request crosses to main. */
  pathForFile: (file: unknown) => string | null;
};
