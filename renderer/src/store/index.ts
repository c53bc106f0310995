/** One store made of typed slices (zustand's slices pattern); what can be derived is not stored. */
import { create, useStore } from 'zustand';
import { temporal } from 'zundo';
import { partializeEdits, sameEdits, type Edited } from './history';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { createProjectSlice, type ProjectSlice } from './project-slice';
import { createTrainingSlice, type TrainingSlice } from './training-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = GraphSlice & UiSlice & TrainingSlice & LessonSlice & ProjectSlice;

export function createAppStore() {
  return create<AppState>()(
    temporal(
      (...args) => ({
        ...createGraphSlice(...args),
        ...createUiSlice(...args),
        ...createTrainingSlice(...args),
        ...createLessonSlice(...args),
        ...createProjectSlice(...args),
      }),
      { partialize: partializeEdits, equality: sameEdits, limit: 200 },
    ),
  );
}

export const useAppStore = createAppStore();

/** Undo/redo state (zundo), for the toolbar and the menus. */
export function useHistory<T>(selector: (history: ReturnType<typeof useAppStore.temporal.getState>) => T): T {
  return useStore(useAppStore.temporal, selector);
}

export type { Edited };
