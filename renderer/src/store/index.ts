/** One store made of typed slices (zustand's slices pattern); what can be derived is not stored. */
import { create } from 'zustand';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = GraphSlice & UiSlice;

export function createAppStore() {
  return create<AppState>()((...args) => ({
    ...createGraphSlice(...args),
    ...createUiSlice(...args),
  }));
}

export const useAppStore = createAppStore();
