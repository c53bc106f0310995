/** The ui slice: preferences that shape the interface but not the network. */
import type { StateCreator } from 'zustand';
import type { HostKind } from '../../../shared/host/host';
import type { Language } from '../../../shared/vocabulary/localized';
import type { AppState } from './index';

export type DockTab = 'problems' | 'data' | 'training' | 'playground';

export interface UiSlice {
  language: Language;
  hostKind: HostKind;
  /** The open tab of the dock under the canvas; null when the dock is folded. */
  dockTab: DockTab | null;
  setDockTab: (tab: DockTab | null) => void;
  /** The right-hand panel: the selected layer, or the open lesson's steps. */
  rightPanel: 'inspector' | 'lesson';
  setRightPanel: (panel: 'inspector' | 'lesson') => void;
  setLanguage: (language: Language) => void;
  setHostKind: (hostKind: HostKind) => void;
  /**
   * Fields whose typed text is refused right now (`training.batch_size`, `<layer id>.units`): the
   * model keeps the last good value, but Train waits until the learner has put each one right.
   */
  refusedFields: readonly string[];
  /**
   * Counts the times the canvas got a new network to show (a lesson, a file, a new project, an
   * arrangement): the canvas frames the whole network each time it changes.
   */
  viewEpoch: number;
  frameNetwork: () => void;
  /** The minimap, off until asked for: it would cover the layers in its corner. */
  minimapOpen: boolean;
  setMinimapOpen: (open: boolean) => void;
  setFieldRefused: (field: string, refused: boolean) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'en',
  hostKind: 'browser',
  // Folded at first: the canvas is where a new network is drawn; problems show on the layers.
  dockTab: null,
  setDockTab: (dockTab) => set({ dockTab }),
  rightPanel: 'inspector',
  setRightPanel: (rightPanel) => set({ rightPanel }),
  setLanguage: (language) => set({ language }),
  setHostKind: (hostKind) => set({ hostKind }),
  refusedFields: [],
  viewEpoch: 0,
  frameNetwork: () => set((state) => ({ viewEpoch: state.viewEpoch + 1 })),
  minimapOpen: false,
  setMinimapOpen: (minimapOpen) => set({ minimapOpen }),
  setFieldRefused: (field, refused) =>
    set((state) => {
      const listed = state.refusedFields.includes(field);
      if (listed === refused) return state;
      return {
        refusedFields: refused
          ? [...state.refusedFields, field]
          : state.refusedFields.filter((other) => other !== field),
      };
    }),
});
