/** One store made of typed slices (zustand's slices pattern); what can be derived is not stored. */
import { create } from 'zustand';
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

export type { Edited };
