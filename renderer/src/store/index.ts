/** One store made of typed slices (zustand's slices pattern); what can be derived is not stored. */
import { create } from 'zustand';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createLessonSlice, type LessonSlice } from './lesson-slice';
import { createTrainingSlice, type TrainingSlice } from './training-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = GraphSlice & UiSlice & TrainingSlice & LessonSlice;

export function createAppStore() {
  return create<AppState>()((...args) => ({
    ...createGraphSlice(...args),
    ...createUiSlice(...args),
    ...createTrainingSlice(...args),
    ...createLessonSlice(...args),
  }));
}

export const useAppStore = createAppStore();
