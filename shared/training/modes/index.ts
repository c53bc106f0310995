/**
 * The registry of training modes, the most particular first: the first that applies to a network
 * and its data is the one that checks, trains and answers for them. Nothing else names a mode.
 */
import type { Dataset } from '../../data/dataset.js';
import type { Analysis } from '../../graph/analyze.js';
import type { Graph } from '../../graph/types.js';
import { severityOf, type Problem } from '../../vocabulary/problems.js';
import type { TrainingSettings } from '../settings.js';
import { ganMode } from './gan.js';
import type { TrainingMode } from './mode.js';
import { ordinaryMode } from './ordinary.js';

export type { Asked, TrainingMode } from './mode.js';

export const trainingModes: readonly TrainingMode[] = [ganMode, ordinaryMode];

export function modeOf(graph: Graph, dataset: Dataset): TrainingMode {
  return trainingModes.find((mode) => mode.applies(graph, dataset)) ?? ordinaryMode;
}

/**
 * Does the network fit its data? One Input and one output, then the mode's own checks; each
 * mismatch is pinned to the layer to change, with the fix.
 */
export function checkDataFit(
  graph: Graph,
  analysis: Analysis,
  dataset: Dataset,
  settings: TrainingSettings,
): Problem[] {
  if (analysis.inputs.length === 0 || analysis.outputs.length === 0) return [];
  // A table's columns can be shared out among several Inputs (dataset.inputs); one output checks them.
  if (analysis.inputs.length > 1 && analysis.outputs.length === 1 && !dataset.inputs) {
    return [
      {
        code: 'data.several-inputs',
        severity: severityOf('data.several-inputs'),
        nodeId: null,
        wireIds: [],
        values: { inputs: analysis.inputs.length },
      },
    ];
  }
  if ((analysis.inputs.length > 1 && !dataset.inputs) || analysis.outputs.length !== 1) {
    const values = { inputs: analysis.inputs.length, outputs: analysis.outputs.length };
    return [
      {
        code: 'data.one-input-output',
        severity: severityOf('data.one-input-output'),
        nodeId: null,
        wireIds: [],
        values,
      },
    ];
  }
  return modeOf(graph, dataset).checkFit(graph, analysis, dataset, settings);
}
