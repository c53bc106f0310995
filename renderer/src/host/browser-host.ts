/**
 * The Host of the web build: settings and the recent list in localStorage, links in a new tab,
 * projects opened with a file picker and saved as downloads, unsaved work in IndexedDB. A browser
 * cannot reopen a file by path or save over one, so the recent list holds names only and Save is
 * always a download.
 */
import { isAllowedExternalUrl } from '../../../shared/host/external-links';
import type { Host, SaveProjectOptions } from '../../../shared/host/host';
import { addRecent, checkReadableSize, ProjectFileError, suggestedFileName } from '../../../shared/host/project-files';
import {
  defaultSettings,
  maxRecentProjects,
  recentProjectSchema,
  settingsSchema,
  type AppInfo,
  type Autosave,
  type ProjectFile,
  type RecentProject,
  type SavedProject,
  type Settings,
} from '../../../shared/ipc/contract';
import { projectFileExtension } from '../../../shared/vocabulary/project-format';
import { decodeUtf8, utf8ByteLength } from '../../../shared/vocabulary/utf8';
import { AutosaveDatabase } from './autosave-db';
import { saveProject, type SaveOptions } from '../../../shared/project/load';
import type { Project } from '../../../shared/project/schema';
import type { FromAutosaveWorker, ToAutosaveWorker } from './autosave.worker';

/** `T` without `K`, union member by union member. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const settingsKey = 'layerlab.settings';
const recentKey = 'layerlab.recent';

/** What the browser Host reaches in the page, passed in so tests can stand in for it. */
export interface BrowserEnvironment {
  readonly document: Document;
  readonly storage: Storage;
  readonly indexedDB: IDBFactory;
  readonly window: Pick<Window, 'open' | 'addEventListener' | 'removeEventListener' | 'setTimeout'>;
  readonly url: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
  /** A worker that writes the autosave to the same IndexedDB off the window (autosave.worker.ts); none in tests. */
  readonly autosaveWorker?: () => Worker;
}

const pageEnvironment = (): BrowserEnvironment => ({
  document,
  storage: localStorage,
  indexedDB,
  window,
  url: URL,
  ...(typeof Worker === 'undefined'
    ? {}
    : {
        autosaveWorker: () =>
          new Worker(new URL('./autosave.worker.ts', import.meta.url), { type: 'module', name: 'autosave' }),
      }),
});

/** The text of a picked file: refused when too big before it is read, and when not UTF-8. */
async function readText(file: File): Promise<string> {
  checkReadableSize(file.name, file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The native decoder does not say where; the shared one does.
    const decoded = decodeUtf8(bytes);
    if (decoded.ok) return decoded.text;
    throw new ProjectFileError('NotUtf8', `${file.name} is ${decoded.message}.`);
  }
}

export class BrowserHost implements Host {
  readonly kind = 'browser' as const;
  private readonly autosave: AutosaveDatabase;
  /** The autosave worker once started, and the answers it owes. */
  private autosaveWorker: Worker | null = null;
  private autosaveAsked = 0;
  private readonly autosaveWaiting = new Map<number, (answer: FromAutosaveWorker) => void>();
  /** The data the autosave worker holds, sent with an earlier write. */
  private autosavedData: Project['data'] = null;

  constructor(private readonly environment: BrowserEnvironment = pageEnvironment()) {
    this.autosave = new AutosaveDatabase(environment.indexedDB);
  }

  async appInfo(): Promise<AppInfo> {
    return { name: 'LayerLab', version: __APP_VERSION__, platform: 'web', locale: navigator.language };
  }

  async loadSettings(): Promise<Settings> {
    try {
      const stored = this.environment.storage.getItem(settingsKey);
      if (stored === null) return { ...defaultSettings };
      const parsed = settingsSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : { ...defaultSettings };
    } catch {
      // Storage can be disabled or hold garbage; neither may stop the app from starting.
      return { ...defaultSettings };
    }
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.environment.storage.setItem(settingsKey, JSON.stringify(settingsSchema.parse(settings)));
  }

  async openExternal(url: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url)) return false;
    return this.environment.window.open(url, '_blank', 'noopener,noreferrer') !== null;
  }

  /** Shows the browser's file picker; null when the learner cancels. */
  private pickFile(): Promise<File | null> {
    const { document } = this.environment;
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = `.${projectFileExtension},application/json`;
      input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
      input.addEventListener('cancel', () => resolve(null), { once: true });
      input.click();
    });
  }

  async openProject(): Promise<ProjectFile | null> {
    const file = await this.pickFile();
    if (file === null) return null;
    const content = await readText(file);
    this.remember(file.name);
    return { name: file.name, path: null, content };
  }

  /** Always a download: a page cannot write over a file it was given. Never cancelled. */
  async saveProject(content: string, options: SaveProjectOptions): Promise<SavedProject | null> {
    checkReadableSize('This project', utf8ByteLength(content));
    const { document, url, window } = this.environment;
    const name = suggestedFileName(options.suggestedName.replace(new RegExp(`\\.${projectFileExtension}$`, 'i'), ''));
    const address = url.createObjectURL(new Blob([content], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = address;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // Some browsers start the download after click() returns; the address must live until then.
    window.setTimeout(() => url.revokeObjectURL(address), 60_000);
    this.remember(name);
    return { name, path: null };
  }

  async recentProjects(): Promise<RecentProject[]> {
    try {
      const parsed = recentProjectSchema
        .array()
        .safeParse(JSON.parse(this.environment.storage.getItem(recentKey) ?? '[]'));
      return parsed.success ? parsed.data.slice(0, maxRecentProjects) : [];
    } catch {
      return [];
    }
  }

  /** A browser cannot reopen by path: it asks for the file again. */
  openRecent(_path: string): Promise<ProjectFile | null> {
    return this.openProject();
  }

  private remember(name: string): void {
    void this.recentProjects().then((list) => {
      try {
        this.environment.storage.setItem(recentKey, JSON.stringify(addRecent(list, { name, path: null })));
      } catch {
        // A full or disabled storage loses the recent list, nothing else.
      }
    });
  }

  async writeAutosave(content: string): Promise<void> {
    checkReadableSize('The unsaved work', utf8ByteLength(content));
    await this.autosave.write({ content, savedAt: Date.now() });
  }

  /** The project's text made and written in the autosave worker where the page has one. */
  async writeAutosaveProject(project: Project, options: SaveOptions): Promise<void> {
    if (!this.environment.autosaveWorker) {
      await this.writeAutosave(saveProject(project, options));
      return;
    }
    // The data handed over only when it changed since the last write: it is most of a large project.
    const sameData = project.data !== null && project.data === this.autosavedData;
    this.autosavedData = project.data;
    try {
      await this.askAutosaveWorker({
        type: 'write',
        project: sameData ? { ...project, data: null } : project,
        sameData,
        options,
        savedAt: Date.now(),
      });
    } catch (error) {
      // Whatever the worker holds is in doubt: the next write sends the data again.
      this.autosavedData = null;
      throw error;
    }
  }

  readAutosave(): Promise<Autosave | null> {
    return this.autosave.read().catch(() => null);
  }

  /** Through the autosave worker once it writes: after the writes asked before it, never before them. */
  clearAutosave(): Promise<void> {
    return this.autosaveWorker ? this.askAutosaveWorker({ type: 'clear' }) : this.autosave.clear();
  }

  /** Asks the autosave worker (started once); rejects with its reason when it could not. */
  private async askAutosaveWorker(question: DistributiveOmit<ToAutosaveWorker, 'id'>): Promise<void> {
    if (!this.autosaveWorker) {
      const worker = this.environment.autosaveWorker?.();
      if (!worker) throw new Error('no autosave worker');
      worker.addEventListener('message', (event: MessageEvent<FromAutosaveWorker>) => {
        this.autosaveWaiting.get(event.data.id)?.(event.data);
        this.autosaveWaiting.delete(event.data.id);
      });
      worker.addEventListener('error', (event) => {
        this.autosavedData = null;
        for (const [id, resolve] of this.autosaveWaiting) resolve({ id, ok: false, message: event.message });
        this.autosaveWaiting.clear();
      });
      this.autosaveWorker = worker;
    }
    this.autosaveAsked += 1;
    const id = this.autosaveAsked;
    const answer = await new Promise<FromAutosaveWorker>((resolve) => {
      this.autosaveWaiting.set(id, resolve);
      this.autosaveWorker?.postMessage({ ...question, id } as ToAutosaveWorker);
    });
    if (!answer.ok) throw new Error(answer.message);
  }

  /**
   * A page gets no reliable "quit": `pagehide` comes when it closes or reloads. Writes started
   * then usually finish; the autosave timer covers the rest.
   */
  onBeforeQuit(callback: () => Promise<void> | void): () => void {
    const { window } = this.environment;
    const listener = () => void callback();
    window.addEventListener('pagehide', listener);
    return () => window.removeEventListener('pagehide', listener);
  }

  /** The web build has no native menu: its menu bar runs commands itself. */
  onMenuCommand(): () => void {
    return () => undefined;
  }
}
