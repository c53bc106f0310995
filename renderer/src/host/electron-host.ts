/** The Host of the desktop app: every call goes through the preload's typed bridge. */
import type { Host } from '../../../shared/host/host';
import type { AppInfo, IpcResult, LayerLabBridge, Settings } from '../../../shared/ipc/contract';

/** Errors from the main process arrive as `{ name, message }`; rethrow them as real errors. */
async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  const error = new Error(result.error.message);
  error.name = result.error.name;
  throw error;
}

export class ElectronHost implements Host {
  readonly kind = 'electron' as const;

  constructor(private readonly bridge: LayerLabBridge) {}

  appInfo(): Promise<AppInfo> {
    return unwrap(this.bridge.appInfo());
  }

  loadSettings(): Promise<Settings> {
    return unwrap(this.bridge.loadSettings());
  }

  saveSettings(settings: Settings): Promise<void> {
    return unwrap(this.bridge.saveSettings(settings));
  }

  openExternal(url: string): Promise<boolean> {
    return unwrap(this.bridge.openExternal(url));
  }
}
