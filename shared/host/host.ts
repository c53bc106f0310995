/**
 * Everything platform-specific the renderer needs, behind one interface with an Electron, a
 * browser and an in-memory implementation (Netron's pattern). The renderer never asks which one
 * it has, except to show it.
 *
 * Files cross this interface as text: the Host reads a file strictly as UTF-8, refusing one over
 * `maxProjectBytes` before reading it, and the renderer parses the text with `loadProject`
 * (shared/project/load.ts), so every platform checks a file the same way. A failure (a file
 * that is gone, too big or not UTF-8, a refused overwrite) is thrown as an Error whose message
 * can be shown as it is; a cancelled dialog is `null`, not an error.
 */
import type { CommandId } from '../vocabulary/commands.js';
import type { Project } from '../project/schema.js';
import type { SaveOptions } from '../project/load.js';
import type { AppInfo, Autosave, ProjectFile, RecentProject, SavedProject, Settings } from '../ipc/contract.js';

export type { AppInfo, Autosave, ProjectFile, RecentProject, SavedProject, Settings } from '../ipc/contract.js';

export type HostKind = 'electron' | 'browser' | 'memory';

export interface SaveProjectOptions {
  /**
   * The file to save over: the `path` an earlier open or save answered. Null or absent means
   * Save As: the Host asks where (a dialog, or a download in the browser).
   */
  readonly path?: string | null;
  /** The file name offered by Save As, e.g. `Mi primera RNN.layerlab`. */
  readonly suggestedName: string;
}

export interface Host {
  readonly kind: HostKind;
  appInfo(): Promise<AppInfo>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Opens an allow-listed https link outside the app; answers whether it was opened. */
  openExternal(url: string): Promise<boolean>;

  /** Asks for a project file and reads it; null when the learner cancels. */
  openProject(): Promise<ProjectFile | null>;
  /**
   * Writes `content` (from `saveProject`) atomically, keeping the previous version as `.bak`
   * where the platform has files; null when the learner cancels Save As. Refuses to save over a
   * file made by a newer LayerLab. Adds the file to the recent list.
   */
  saveProject(content: string, options: SaveProjectOptions): Promise<SavedProject | null>;
  /** The projects opened or saved lately, the latest first, at most 10. */
  recentProjects(): Promise<RecentProject[]>;
  /**
   * Reads a project of the recent list. In the browser, which cannot reopen by path, it asks
   * for the file as `openProject` does, and may answer null.
   */
  openRecent(path: string): Promise<ProjectFile | null>;

  /** Keeps unsaved work (the text of `saveProject`) where `readAutosave` finds it after a crash. */
  writeAutosave(content: string): Promise<void>;
  /**
   * Keeps unsaved work as `writeAutosave` does, given the project itself: a host that can makes
   * its text off the window's thread (a large folder of images is half a second of it).
   */
  writeAutosaveProject?(project: Project, options: SaveOptions): Promise<void>;
  /** The unsaved work kept last, or null when there is none. */
  readAutosave(): Promise<Autosave | null>;
  /** Forgets the unsaved work: after a real save, or when the learner declines to restore it. */
  clearAutosave(): Promise<void>;
  /**
   * Calls `callback` when the app is about to quit (or the page to close), so it can autosave;
   * the Electron Host waits for the callback's promise, a few seconds at most. Answers a
   * function that unsubscribes.
   */
  onBeforeQuit(callback: () => Promise<void> | void): () => void;
  /**
   * Calls `callback` with each command chosen in a native menu (the desktop app's); hosts
   * without one never call it. Answers a function that unsubscribes.
   */
  onMenuCommand(callback: (command: CommandId) => void): () => void;
}
