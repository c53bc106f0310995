/**
 * One training run of a project, from recipe to trained model: build the data, check the network
 * against it, compile with the run's seed, train. The app's worker and the command line both call
 * this, so they train the same way. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import { buildDataset, type Dataset } from '../data/build.js';
import type { DataSpec } from '../data/spec.js';
import { checkGraph, type CheckedGraph } from '../graph/checked.js';
import { compileGraph } from '../graph/compile.js';
import type { Problem } from '../vocabulary/problems.js';
import type { Graph } from '../graph/types.js';
import type { TfModule } from '../layers/types.js';
import type { Localized } from '../vocabulary/localized.js';
import { installFastKernels } from './fast-kernels.js';
import { backendNames } from './backends.js';
import { checkTrainingBudget } from './budget.js';
import type { TrainingSettings } from './settings.js';
import { checkDataFit, modeOf, type TrainingMode } from './modes/index.js';
import type { TrainCallbacks, TrainingOutcome } from './train.js';

export interface RunRequest {
  graph: Graph;
  data: DataSpec;
  settings: TrainingSettings;
  /** The data already built from `data` (the app's large data, built off the window): not built again. */
  built?: Dataset;
}

/**
 * A run ready to train: its graph checked (analysed once, for every step after), its model
 * compiled, its data built, and the mode that trains them.
 */
export interface ReadyRun {
  ok: true;
  checked: CheckedGraph;
  model: Tf.LayersModel;
  dataset: Dataset;
  mode: TrainingMode;
}

export type PreparedRun = ReadyRun | { ok: false; problems: Problem[]; dataProblem?: Localized };

/** Builds the data and the model, or says what stops the run. */
export function prepareRun(tf: TfModule, request: RunRequest): PreparedRun {
  const built = request.built ? { ok: true as const, dataset: request.built } : buildDataset(request.data);
  if (!built.ok) return { ok: false, problems: [], dataProblem: built.problem };
  const result = checkGraph(request.graph);
  if (!result.ok) return { ok: false, problems: result.problems };
  const { checked } = result;
  const { analysis } = checked;
  const backend = backendNames.find((name) => name === tf.getBackend()) ?? null;
  const problems = [
    ...checkDataFit(request.graph, analysis, built.dataset, request.settings),
    ...checkTrainingBudget(request.graph, analysis, built.dataset, request.settings, backend),
  ];
  if (problems.length > 0) return { ok: false, problems };
  installFastKernels(tf);
  const compiled = compileGraph(checked, tf, { seed: request.settings.seed });
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  const mode = modeOf(request.graph, built.dataset);
  return { ok: true, checked, model: compiled.model, dataset: built.dataset, mode };
}

/** Trains a prepared run the way its mode trains: the step after `prepareRun`, for the worker too. */
export function trainPrepared(
  tf: TfModule,
  prepared: ReadyRun,
  request: RunRequest,
  callbacks: TrainCallbacks = {},
): Promise<TrainingOutcome> {
  return prepared.mode.train(tf, prepared.model, prepared.checked, prepared.dataset, request.settings, callbacks);
}

export type RunResult =
  (ReadyRun & { outcome: TrainingOutcome }) | { ok: false; problems: Problem[]; dataProblem?: Localized };

/** Prepares and trains. The caller owns (and disposes) the returned model. */
export async function runTraining(
  tf: TfModule,
  request: RunRequest,
  callbacks: TrainCallbacks = {},
): Promise<RunResult> {
  const prepared = prepareRun(tf, request);
  if (!prepared.ok) return prepared;
  const outcome = await trainPrepared(tf, prepared, request, callbacks);
  return { ...prepared, outcome };
}
