import type { CommandId } from '../../../shared/vocabulary/commands';
/** The Host of the desktop app: every call goes through the preload's typed bridge. */
import type { Host, SaveProjectOptions } from '../../../shared/host/host';
import type {
  AppInfo,
  Autosave,
  IpcResult,
  LayerLabBridge,
  ProjectFile,
  RecentProject,
  SavedProject,
  Settings,
} from '../../../shared/ipc/contract';

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

  openProject(): Promise<ProjectFile | null> {
    return unwrap(this.bridge.openProject());
  }

  saveProject(content: string, { path, suggestedName }: SaveProjectOptions): Promise<SavedProject | null> {
    return path
      ? unwrap(this.bridge.saveProject({ path, content }))
      : unwrap(this.bridge.saveProjectAs({ suggestedName, content }));
  }

  recentProjects(): Promise<RecentProject[]> {
    return unwrap(this.bridge.recentProjects());
  }

  openRecent(path: string): Promise<ProjectFile | null> {
    return unwrap(this.bridge.openRecent(path));
  }

  writeAutosave(content: string): Promise<void> {
    return unwrap(this.bridge.writeAutosave(content));
  }

  readAutosave(): Promise<Autosave | null> {
    return unwrap(this.bridge.readAutosave());
  }

  clearAutosave(): Promise<void> {
    return unwrap(this.bridge.clearAutosave());
  }

  onBeforeQuit(callback: () => Promise<void> | void): () => void {
    return this.bridge.onBeforeQuit(callback);
  }

  onMenuCommand(callback: (command: CommandId) => void): () => void {
    return this.bridge.onCommand(callback);
  }
}
