/**
 * The lesson slice: the open lesson template and its current step, the gallery, and what a step
 * asked to highlight. Opening a lesson replaces the canvas, the data and the training settings.
 */
import type { StateCreator } from 'zustand';
import type { LayerNode } from '../../../shared/graph/types';
import { changeLayer, variantGraph, type Expectation, type Template } from '../../../shared/templates/template';
import type { Graph } from '../../../shared/graph/types';
import { defaultTrainingSettings } from '../../../shared/training/settings';
import { localize } from '../../../shared/vocabulary/localized';
import { partializeEdits } from './history';
import type { AppState } from './index';
import { flowOf } from './graph-slice';

export type Highlight =
  | { kind: 'layer'; name: string; at: number }
  | { kind: 'setting'; name: string; at: number }
  /** A view inside the network ('training', 'playground', 'by-hand'), with an LSTM's gates shown. */
  | { kind: 'inside'; name: string; gates: boolean; at: number };
/** What a step asks to highlight; the slice stamps it, so asking twice flashes twice. */
export type HighlightRequest =
  { kind: 'layer' | 'setting'; name: string } | { kind: 'inside'; name: string; gates: boolean };

export interface LessonSlice {
  lesson: { template: Template; step: number; variant: string | null } | null;
  galleryOpen: boolean;
  highlight: Highlight | null;
  /** A query the playground runs by itself when it next opens (after a lesson's run). */
  pendingQuery: string | null;
  openGallery: () => void;
  closeGallery: () => void;
  openTemplate: (template: Template) => void;
  /** An empty canvas with default settings (undoable, like any edit). */
  newProject: () => void;
  setLessonStep: (step: number) => void;
  applyVariant: (variantId: string) => void;
  setHighlight: (highlight: HighlightRequest | null) => void;
  takePendingQuery: () => string | null;
}

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => ({
  lesson: null,
  galleryOpen: false,
  highlight: null,
  pendingQuery: null,

  openGallery: () => set({ galleryOpen: true }),
  closeGallery: () => set({ galleryOpen: false }),

  openTemplate: (template) => {
    const { nodes, edges } = flowOf(template.graph);
    set({
      nodes,
      edges,
      data: structuredClone(template.data),
      training: { ...template.training },
      runs: [],
      lesson: { template, step: 0, variant: null },
      galleryOpen: false,
      rightPanel: 'lesson',
      dockTab: 'training',
      highlight: null,
      pendingQuery: null,
      projectName: localize(template.title, get().language),
      projectPath: null,
      readOnly: false,
      dataSource: null,
      dataSought: null,
    });
    // A lesson just opened is not unsaved work; changing it is.
    set({ savedEdits: partializeEdits(get()) });
    get().frameNetwork();
  },

  newProject: () =>
    set({
      nodes: [],
      edges: [],
      data: null,
      training: { ...defaultTrainingSettings },
      runs: [],
      lesson: null,
      rightPanel: 'inspector',
      highlight: null,
      pendingQuery: null,
      dataSource: null,
      dataSought: null,
    }),

  setLessonStep: (step) => {
    const lesson = get().lesson;
    if (!lesson) return;
    set({ lesson: { ...lesson, step: Math.max(0, Math.min(step, lesson.template.steps.length - 1)) } });
  },

  applyVariant: (variantId) => {
    const lesson = get().lesson;
    const variant = lesson?.template.variants.find((candidate) => candidate.id === variantId);
    if (!lesson || !variant) return;
    // Layers the variant changes keep their place, name and wires; only kind and settings change.
    const nodes = variant.layers
      ? get().nodes.map((node) => {
          const change = variant.layers?.find((candidate) => candidate.layer === node.data.name);
          if (!change) return node;
          const {
            id: _id,
            position: _position,
            ...data
          } = changeLayer({ id: node.id, position: node.position, ...node.data } as LayerNode, change);
          return { ...node, data };
        })
      : null;
    set({
      lesson: { ...lesson, variant: variantId },
      ...(nodes ? { nodes } : {}),
      ...(variant.data ? { data: structuredClone(variant.data) } : {}),
      ...(variant.training ? { training: { ...get().training, ...variant.training } } : {}),
      dockTab: 'training',
    });
  },

  setHighlight: (request) => set({ highlight: request ? ({ ...request, at: Date.now() } as Highlight) : null }),

  takePendingQuery: () => {
    const query = get().pendingQuery;
    if (query !== null) set({ pendingQuery: null });
    return query;
  },
});

/** The input the open lesson (or its applied variant) asks the playground to try. */
export function lessonInput(state: AppState): string | null {
  return lessonExpected(state)?.input ?? null;
}

/** The result the open lesson asks for: its applied variant's, or the lesson's own; null without a lesson. */
export function lessonExpected(state: AppState): Expectation | null {
  const lesson = state.lesson;
  if (!lesson) return null;
  const variant = lesson.template.variants.find((candidate) => candidate.id === lesson.variant);
  return variant?.expected ?? lesson.template.expected;
}

/** The network the open lesson builds: its applied variant's layers, or the lesson's own graph. */
export function lessonGraph(state: AppState): Graph | null {
  const lesson = state.lesson;
  if (!lesson) return null;
  const variant = lesson.template.variants.find((candidate) => candidate.id === lesson.variant);
  return variantGraph(lesson.template.graph, variant?.layers);
}
