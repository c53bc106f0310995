/** One store made of typed slices (zustand's slices pattern); what can be derived is not stored. */
import { create } from 'zustand';
import { temporal } from 'zundo';
import { oneStepOver, partializeEdits, sameEdits, type Edited, type HistorySlice } from './history';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { createProjectSlice, type ProjectSlice } from './project-slice';
import { createTrainingSlice, type TrainingSlice } from './training-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = GraphSlice & UiSlice & TrainingSlice & LessonSlice & ProjectSlice & HistorySlice;

/** Undo steps kept. */
const historyLimit = 200;

export function createAppStore() {
  return create<AppState>()(
    temporal(
      (...args) => ({
        ...createGraphSlice(...args),
        ...createUiSlice(...args),
        ...createTrainingSlice(...args),
        ...createLessonSlice(...args),
        ...createProjectSlice(...args),
        // zundo gives the store its timeline before this creator runs.
        asOneStep: oneStepOver(() => args[2].temporal, args[1], historyLimit),
      }),
      { partialize: partializeEdits, equality: sameEdits, limit: historyLimit },
    ),
  );
}

export const useAppStore = createAppStore();

export type { Edited };
