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
