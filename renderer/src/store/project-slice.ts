/**
 * The project slice: which file the work belongs to, whether it changed since it was saved, and
 * whether it may be saved over (a file from a newer LayerLab may not). What counts as a change is
 * what undo records (history.ts).
 */
import type { StateCreator } from 'zustand';
import { partializeEdits, sameEdits, type Edited } from './history';
import type { AppState } from './index';
import type { DataFile, FoundData } from '../../../shared/data/data-file';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface ProjectSlice {
  projectName: string;
  /** The file on disk (desktop), or null for a project never saved or opened in the browser. */
  projectPath: string | null;
  /** Opened from a newer LayerLab: Save goes to Save As, never over the file. */
  readOnly: boolean;
  /** The edits as last saved or opened; the work is unsaved while they differ. */
  savedEdits: Edited | null;
  notice: Notice | null;
  /**
   * The file the data was read from, with the text it gave (the data's spec holds the same
   * string): saving keeps a large table outside the project by it (shared/data/data-file.ts).
   */
  dataSource: { file: DataFile; text: string } | null;
  /** The data file a project keeps outside itself, not found as it was saved: the Data tab asks for it. */
  dataSought: { file: DataFile; found: Exclude<FoundData, { status: 'found' }> } | null;
  markSaved: (file: { name: string; path: string | null }) => void;
  setNotice: (notice: Notice | null) => void;
}

export const untitled = 'Untitled';

export const createProjectSlice: StateCreator<AppState, [], [], ProjectSlice> = (set, get) => ({
  projectName: untitled,
  projectPath: null,
  readOnly: false,
  savedEdits: null,
  notice: null,
  dataSource: null,
  dataSought: null,
  markSaved: (file) =>
    set({ projectName: file.name, projectPath: file.path, readOnly: false, savedEdits: partializeEdits(get()) }),
  setNotice: (notice) => set({ notice }),
});

/** Unsaved work: edits since the last save or open (an empty new canvas is not work). */
export function selectDirty(state: AppState): boolean {
  const current = partializeEdits(state);
  if (state.savedEdits === null) return current.nodes.length > 0 || current.data !== null;
  return !sameEdits(state.savedEdits, current);
}
