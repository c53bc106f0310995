/**
 * The IPC channels and the name each has on the preload's bridge, without their schemas: the
 * sandboxed preload needs only these names, and should not carry a schema library to get them.
 */
export const bridgeNames = {
  'app:info': 'appInfo',
  'settings:load': 'loadSettings',
  'settings:save': 'saveSettings',
  'shell:open-external': 'openExternal',
  'project:open': 'openProject',
  'project:open-recent': 'openRecent',
  'project:save': 'saveProject',
  'project:save-as': 'saveProjectAs',
  'project:recent': 'recentProjects',
  'autosave:write': 'writeAutosave',
  'autosave:read': 'readAutosave',
  'autosave:clear': 'clearAutosave',
  'app:quit-ready': 'quitReady',
} as const;

export type IpcChannel = keyof typeof bridgeNames;
export const ipcChannels = Object.keys(bridgeNames) as IpcChannel[];

/**
 * Events main sends to the page, and the bridge function that subscribes to each. They carry no
 * payload, so the page learns nothing from them but that they happened.
 */
export const bridgeEvents = {
  /** The app is quitting: autosave now, then the bridge answers on `app:quit-ready`. */
  'app:before-quit': 'onBeforeQuit',
} as const;

export type IpcEvent = keyof typeof bridgeEvents;
export const ipcEvents = Object.keys(bridgeEvents) as IpcEvent[];

/** Name of the global the preload defines in the page. */
export const bridgeGlobalName = 'layerlab';

/**
 * The one main → page event that carries something: a command id from the native menu, which the
 * bridge passes on only when it is a command of the table (shared/vocabulary/commands.ts).
 */
export const commandEvent = 'app:command';
export const commandBridgeName = 'onCommand';
