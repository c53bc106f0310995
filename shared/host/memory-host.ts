/**
 * A Host that keeps everything in memory, for tests and for the command line. Its "disk" is a map
 * from path to text, its dialogs answer what a test put in `dialogs`, and it follows the same
 * rules as the desktop Host: a `.bak` of the previous version, no save over a newer format's file
 * or over a path it did not hand out, at most ten recent files.
 */
import {
  defaultSettings,
  settingsSchema,
  type AppInfo,
  type Autosave,
  type ProjectFile,
  type RecentProject,
  type SavedProject,
  type Settings,
} from '../ipc/contract.js';
import { utf8ByteLength } from '../vocabulary/utf8.js';
import type { CommandId } from '../vocabulary/commands.js';
import type { Host, SaveProjectOptions } from './host.js';
import { isAllowedExternalUrl } from './external-links.js';
import {
  addRecent,
  checkMayOverwrite,
  checkReadableSize,
  checkSavable,
  fileNameOf,
  ProjectFileError,
  withProjectExtension,
} from './project-files.js';

export class MemoryHost implements Host {
  readonly kind = 'memory' as const;
  readonly opened: string[] = [];
  /** The files, by path; a save keeps the previous text under `<path>.bak`. */
  readonly files = new Map<string, string>();
  /** What the next open and save dialogs answer: a path, or null for Cancel. */
  readonly dialogs: { open: string | null; saveAs: string | null } = { open: null, saveAs: null };
  private settings: Settings;
  private recent: RecentProject[] = [];
  /** Paths handed out by a dialog or the recent list: the only ones a save may write to. */
  private readonly granted = new Set<string>();
  private autosave: Autosave | null = null;
  private readonly quitListeners = new Set<() => Promise<void> | void>();

  constructor(
    private readonly info: AppInfo = { name: 'LayerLab', version: '0.0.0', platform: 'memory', locale: 'en-US' },
    settings: Settings = defaultSettings,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.settings = { ...settings };
  }

  async appInfo(): Promise<AppInfo> {
    return { ...this.info };
  }

  async loadSettings(): Promise<Settings> {
    return { ...this.settings };
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = settingsSchema.parse(settings);
  }

  async openExternal(url: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url)) return false;
    this.opened.push(url);
    return true;
  }

  private read(path: string): ProjectFile {
    const content = this.files.get(path);
    const name = fileNameOf(path);
    if (content === undefined) {
      this.recent = this.recent.filter((entry) => entry.path !== path);
      throw new ProjectFileError('NotFound', `${name} is no longer there.`);
    }
    checkReadableSize(name, utf8ByteLength(content));
    this.granted.add(path);
    this.recent = addRecent(this.recent, { name, path });
    return { name, path, content };
  }

  async openProject(): Promise<ProjectFile | null> {
    const path = this.dialogs.open;
    return path === null ? null : this.read(path);
  }

  async openRecent(path: string): Promise<ProjectFile | null> {
    if (!this.recent.some((entry) => entry.path === path)) {
      throw new ProjectFileError('ForbiddenPath', 'Only files of the recent list can be reopened.');
    }
    return this.read(path);
  }

  async saveProject(content: string, options: SaveProjectOptions): Promise<SavedProject | null> {
    let path = options.path ?? null;
    if (path === null) {
      const chosen = this.dialogs.saveAs;
      if (chosen === null) return null;
      path = withProjectExtension(chosen);
      this.granted.add(path);
    } else if (!this.granted.has(path)) {
      throw new ProjectFileError('ForbiddenPath', 'LayerLab saves only to files chosen in this session; use Save As.');
    }
    const name = fileNameOf(path);
    checkSavable(content);
    const previous = this.files.get(path) ?? null;
    checkMayOverwrite(name, previous);
    if (previous !== null) this.files.set(`${path}.bak`, previous);
    this.files.set(path, content);
    this.recent = addRecent(this.recent, { name, path });
    return { name, path };
  }

  async recentProjects(): Promise<RecentProject[]> {
    return this.recent.map((entry) => ({ ...entry }));
  }

  async writeAutosave(content: string): Promise<void> {
    checkReadableSize('The unsaved work', utf8ByteLength(content));
    this.autosave = { content, savedAt: this.now() };
  }

  async readAutosave(): Promise<Autosave | null> {
    return this.autosave && { ...this.autosave };
  }

  async clearAutosave(): Promise<void> {
    this.autosave = null;
  }

  onBeforeQuit(callback: () => Promise<void> | void): () => void {
    this.quitListeners.add(callback);
    return () => this.quitListeners.delete(callback);
  }

  /** Stands for the app quitting: runs every `onBeforeQuit` callback and waits for them. */
  async quit(): Promise<void> {
    await Promise.allSettled([...this.quitListeners].map(async (callback) => callback()));
  }

  /** The commands a test plays as if chosen in a native menu. */
  private readonly menuListeners = new Set<(command: CommandId) => void>();

  onMenuCommand(callback: (command: CommandId) => void): () => void {
    this.menuListeners.add(callback);
    return () => this.menuListeners.delete(callback);
  }

  chooseMenuCommand(command: CommandId): void {
    for (const listener of this.menuListeners) listener(command);
  }
}
