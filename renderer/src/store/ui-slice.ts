/** The ui slice: preferences that shape the interface but not the network. */
import type { StateCreator } from 'zustand';
import type { HostKind } from '../../../shared/host/host';
import type { Language } from '../../../shared/localized';
import type { AppState } from './index';

export interface UiSlice {
  language: Language;
  hostKind: HostKind;
  setLanguage: (language: Language) => void;
  setHostKind: (hostKind: HostKind) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  language: 'en',
  hostKind: 'browser',
  setLanguage: (language) => set({ language }),
  setHostKind: (hostKind) => set({ hostKind }),
});
