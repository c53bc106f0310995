/**
 * New, Open, Open recent, Save, Save As and autosave, through the Host (native dialogs and
 * atomic writes on the desktop; file picker, download and IndexedDB in the browser). A file that
 * fails to load changes nothing on screen; the reason is shown as it came.
 */
import type { Host, ProjectFile } from '../../../shared/host/host';
import { loadProject, saveProject } from '../../../shared/project/load';
import { projectFileExtension } from '../../../shared/vocabulary/project-format';
import i18next from 'i18next';
import { useAppStore } from '../store';
import { selectDirty, untitled } from '../store/project-slice';
import { loadIntoStore, projectFromState, trainedForSave } from './convert';
import { maxProjectWeights } from '../../../shared/vocabulary/project-format';
import { weightCount } from '../../../shared/vocabulary/weights';
import { formatBytes } from '../../../shared/training/budget';
import { soughtText } from '../data/open-data';
import { heldFileOf } from '../../../shared/project/schema';
import { recipeOf } from '../../../shared/data/recipes';
import type { FoundData } from '../../../shared/data/data-file';

/** The most characters of data an autosave keeps inside: writing more would hold the window up. */
const autosavedDataChars = 8_000_000;

const t = (key: string, options: Record<string, unknown> = {}): string => i18next.t(key, options);

/** Asks before unsaved work is replaced; true to go on. */
function mayDiscard(): boolean {
  return !selectDirty(useAppStore.getState()) || window.confirm(t('project.discardQuestion'));
}

function fail(action: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  useAppStore.getState().setNotice({ kind: 'error', text: t('project.failed', { action, reason }) });
}

function openText(host: Host, file: ProjectFile): void {
  const loaded = loadProject(file.content);
  if (!loaded.ok) {
    useAppStore
      .getState()
      .setNotice({ kind: 'error', text: t('project.cannotOpen', { name: file.name, reason: loaded.message }) });
    return;
  }
  loadIntoStore(loaded.project, { name: file.name, path: file.path, readOnly: loaded.readOnly, data: file.data });
  useAppStore
    .getState()
    .setNotice(
      loaded.readOnly
        ? { kind: 'info', text: t('project.readOnly', { name: file.name, version: loaded.newerFormat }) }
        : loaded.migratedFrom
          ? { kind: 'info', text: t('project.migrated', { name: file.name, version: loaded.migratedFrom }) }
          : null,
    );
  sayDataSought();
  void host.clearAutosave();
}

/** A large table kept outside the project, not found as saved: said, and the Data tab open on it. */
function sayDataSought(): void {
  const { dataSought, language } = useAppStore.getState();
  if (!dataSought) return;
  useAppStore.getState().setNotice({ kind: 'error', text: soughtText(dataSought, language) });
  useAppStore.getState().setDockTab('data');
}

export async function newProject(): Promise<void> {
  if (!mayDiscard()) return;
  useAppStore.getState().newProject();
  useAppStore.setState({ projectName: untitled, projectPath: null, readOnly: false, savedEdits: null, notice: null });
  useAppStore.temporal.getState().clear();
}

export async function openProject(host: Host): Promise<void> {
  if (!mayDiscard()) return;
  try {
    const file = await host.openProject();
    if (file) openText(host, file);
  } catch (error) {
    fail(t('project.open'), error);
  }
}

export async function openRecent(host: Host, path: string): Promise<void> {
  if (!mayDiscard()) return;
  try {
    const file = await host.openRecent(path);
    if (file) openText(host, file);
  } catch (error) {
    fail(t('project.open'), error);
  }
}

export async function save(host: Host, saveAs = false): Promise<void> {
  const state = useAppStore.getState();
  const path = saveAs || state.readOnly ? null : state.projectPath;
  const base =
    state.projectName === untitled && state.lesson
      ? i18next.t('project.lessonName', { title: state.lesson.template.title[state.language] })
      : state.projectName;
  try {
    // The last run's weights go with the project, so it reopens ready to answer.
    const trained = await trainedForSave(state);
    const fits = trained !== null && weightCount(trained.weights) <= maxProjectWeights;
    const saved = await host.saveProject(
      saveProject({ ...projectFromState(state), name: base, ...(trained && fits ? { trained } : {}) }),
      { path, suggestedName: `${base}.${projectFileExtension}` },
    );
    if (!saved) return;
    useAppStore
      .getState()
      .markSaved({ name: saved.name.replace(new RegExp(`\\.${projectFileExtension}$`), ''), path: saved.path });
    const count = trained ? weightCount(trained.weights) : 0;
    const text =
      trained === null
        ? t('project.saved', { name: saved.name })
        : fits
          ? t('project.savedTrained', {
              name: saved.name,
              count,
              weights: count.toLocaleString(state.language === 'es' ? 'es-ES' : 'en-US'),
              size: formatBytes(trained.weights.reduce((sum, weight) => sum + weight.values.length, 0)),
            })
          : t('project.savedUntrained', { name: saved.name });
    useAppStore.getState().setNotice({ kind: 'info', text });
    await host.clearAutosave();
  } catch (error) {
    fail(t('project.save'), error);
  }
}

/** Every few seconds while there is unsaved work, and on quit: a copy the next start can restore. */
export function startAutosave(host: Host, intervalMs = 4000): () => void {
  let lastWritten: unknown = null;
  // `quitting`: written on the window, so the write has begun before the page goes; a worker's
  // write could still be on its way to the worker when it is ended with the page.
  const write = async (quitting = false) => {
    const state = useAppStore.getState();
    if (!selectDirty(state)) return;
    const edits = [state.nodes, state.edges, state.data, state.training];
    if (lastWritten && (lastWritten as unknown[]).every((part, index) => part === edits[index])) return;
    lastWritten = edits;
    // A table's text too, up to a size whose writing leaves the window free: restored work then
    // needs no file. A larger one is kept outside, as a save keeps it, and looked for on restore.
    const held = heldFileOf(state.data);
    const dataInside = held !== null && held.text.length <= autosavedDataChars;
    const whole = projectFromState(state);
    // A text kept outside is not handed over either: 200 MB of it is half a second of the window's.
    const outside =
      !dataInside && held && whole.data && whole.dataFile
        ? recipeOf(whole.data).opens?.reopen(whole.data, held.name, '')
        : undefined;
    const project = outside ? { ...whole, data: outside } : whole;
    // Made off the window where the host can: a large folder's pixels are half a second of text.
    const written =
      host.writeAutosaveProject && !quitting
        ? host.writeAutosaveProject(project, { dataInside })
        : host.writeAutosave(saveProject(project, { dataInside }));
    await written.catch(() => undefined);
  };
  const timer = setInterval(() => void write(), intervalMs);
  const unsubscribe = host.onBeforeQuit(() => write(true));
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

/** Unsaved work from last time, if any, as a project the restore prompt can describe. */
export async function findAutosave(
  host: Host,
): Promise<{ name: string; savedAt: number; content: string; data?: FoundData } | null> {
  const kept = await host.readAutosave().catch(() => null);
  if (!kept) return null;
  const loaded = loadProject(kept.content);
  if (!loaded.ok) {
    await host.clearAutosave();
    return null;
  }
  return {
    name: loaded.project.name,
    savedAt: kept.savedAt,
    content: kept.content,
    ...(kept.data ? { data: kept.data } : {}),
  };
}

/** `data`: what the host found of a large table the work keeps outside itself. */
export function restoreAutosave(content: string, data?: FoundData): void {
  const loaded = loadProject(content);
  if (!loaded.ok) return;
  loadIntoStore(loaded.project, { name: loaded.project.name, path: null, readOnly: false, ...(data ? { data } : {}) });
  // Restored work is unsaved until the learner saves it.
  useAppStore.setState({ savedEdits: null });
  sayDataSought();
}
