/**
 * Undo and redo (zundo) over what the learner edits: the layers, the wires, the data recipe and the
 * training settings. Selection, measurements and training runs are not history. A drag is one
 * step, not one per pixel; so is a typed value.
 */
import type { DataSpec } from '../../../shared/data/spec';
import type { TrainingSettings } from '../../../shared/training/settings';
import type { LayerFlowNode, WireEdge } from './graph-slice';
import type { AppState } from './index';

export interface Edited {
  nodes: LayerFlowNode[];
  edges: WireEdge[];
  data: DataSpec | null;
  training: TrainingSettings;
}

/** Keeps what an undo should restore, with the layers stripped of React Flow's view state. */
export function partializeEdits(state: AppState): Edited {
  return { nodes: state.nodes, edges: state.edges, data: state.data, training: state.training };
}

const isDragging = (nodes: readonly LayerFlowNode[]) => nodes.some((node) => node.dragging === true);

function sameLayers(a: readonly LayerFlowNode[], b: readonly LayerFlowNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((node, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      node.id === other.id &&
      node.data === other.data &&
      node.position.x === other.position.x &&
      node.position.y === other.position.y
    );
  });
}

function sameWires(a: readonly WireEdge[], b: readonly WireEdge[]): boolean {
  return a === b || (a.length === b.length && a.every((edge, index) => edge.id === b[index]?.id));
}

/**
 * True when nothing worth an undo step changed. While a drag is under way (the previous state
 * had a layer dragging) nothing is recorded: the step recorded when it began holds the position
 * from before the drag, so one undo puts the layer back.
 */
export function sameEdits(past: Edited, current: Edited): boolean {
  if (isDragging(past.nodes)) return true;
  return (
    sameLayers(past.nodes, current.nodes) &&
    sameWires(past.edges, current.edges) &&
    past.data === current.data &&
    past.training === current.training
  );
}

/** What the store adds for actions made of several changes. */
export interface HistorySlice {
  /**
   * Runs `action` as one undo step, however many changes it makes: one user action is one step,
   * whatever the input (key, button, menu, palette, a fix).
   */
  asOneStep: (action: () => void) => void;
}

/** The part of zundo's temporal store `asOneStep` uses. */
interface Timeline {
  getState(): { isTracking: boolean; pause(): void; resume(): void; pastStates: Edited[] };
  setState(partial: { pastStates: Edited[]; futureStates: Edited[] }): void;
}

/** `asOneStep` over a store's timeline: changes made while paused, then one step recorded. */
export function oneStepOver(timeline: () => unknown, get: () => AppState, limit: number) {
  return (action: () => void): void => {
    // zundo types the timeline as unknown inside the store's own creator; it is its temporal store.
    const history = timeline() as Timeline;
    // Inside another one-step action, or while undoing: just run.
    if (!history.getState().isTracking) {
      action();
      return;
    }
    const before = partializeEdits(get());
    history.getState().pause();
    try {
      action();
    } finally {
      history.getState().resume();
    }
    if (sameEdits(before, partializeEdits(get()))) return;
    history.setState({ pastStates: [...history.getState().pastStates, before].slice(-limit), futureStates: [] });
  };
}
