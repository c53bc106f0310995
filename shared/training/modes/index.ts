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
 * Does the network fit its data? One Input and one output (or a table's columns shared out among
 * several), then the mode's own checks; each
 * mismatch is pinned to the layer to change, with the fix.
 */
export function checkDataFit(
  graph: Graph,
  analysis: Analysis,
  dataset: Dataset,
  settings: TrainingSettings,
): Problem[] {
  if (analysis.inputs.length === 0 || analysis.outputs.length === 0) return [];
  // A table's columns can be shared out among several Inputs (dataset.inputs) and predicted by
  // several outputs (dataset.outputs); other data feeds one Input and checks one output.
  const inputsUnfed = analysis.inputs.length > 1 && !dataset.inputs;
  const outputsUnfed = analysis.outputs.length > 1 && !dataset.outputs;
  const code = inputsUnfed
    ? outputsUnfed
      ? 'data.one-input-output'
      : 'data.several-inputs'
    : outputsUnfed
      ? 'data.several-outputs'
      : null;
  if (code)
    return [
      {
        code,
        severity: severityOf(code),
        nodeId: null,
        wireIds: [],
        values: { inputs: analysis.inputs.length, outputs: analysis.outputs.length },
      },
    ];
  return modeOf(graph, dataset).checkFit(graph, analysis, dataset, settings);
}
