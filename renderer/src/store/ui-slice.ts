/** The ui slice: preferences that shape the interface but not the network. */
import type { StateCreator } from 'zustand';
import type { HostKind } from '../../../shared/host/host';
import type { Language } from '../../../shared/localized';
import type { AppState } from './index';

export type DockTab = 'problems' | 'data' | 'training' | 'playground';

export interface UiSlice {
  language: Language;
  hostKind: HostKind;
  /** The open tab of the dock under the canvas; null when the dock is folded. */
  dockTab: DockTab | null;
  setDockTab: (tab: DockTab | null) => void;
  setLanguage: (language: Language) => void;
  setHostKind: (hostKind: HostKind) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'en',
  hostKind: 'browser',
  dockTab: 'problems',
  setDockTab: (dockTab) => set({ dockTab }),
  setLanguage: (language) => set({ language }),
  setHostKind: (hostKind) => set({ hostKind }),
});
