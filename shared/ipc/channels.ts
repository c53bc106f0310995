/**
 * The IPC channels and the name each has on the preload's bridge, without their schemas: the
 * sandboxed preload needs only these names, and should not carry a schema library to get them.
 */
export const bridgeNames = {
  'app:info': 'appInfo',
  'settings:load': 'loadSettings',
  'settings:save': 'saveSettings',
  'shell:open-external': 'openExternal',
} as const;

export type IpcChannel = keyof typeof bridgeNames;
export const ipcChannels = Object.keys(bridgeNames) as IpcChannel[];

/** Name of the global the preload defines in the page. */
export const bridgeGlobalName = 'layerlab';
