/**
 * The typed messages between the renderer and the training worker. The renderer only draws; the
 * worker owns tf.js, the model and the data. Reads nothing but its arguments.
 */
import type { DataSpec } from '../data/spec.js';
import type { Problem } from '../vocabulary/problems.js';
import type { Graph } from '../graph/types.js';
import type { LayerKind } from '../layers/registry.js';
import type { Localized } from '../vocabulary/localized.js';
import type { EncodedWeight, Trained } from '../vocabulary/weights.js';
import type { BackendName, BackendPreference } from '../training/backends.js';
import type { Evaluation } from '../training/evaluate.js';
import type { Answer } from '../training/predict.js';
import type { LayerLook } from '../training/inspect.js';
import type { HandSample, HandTrace } from '../training/by-hand.js';
import type { TrainingSettings } from '../training/settings.js';
import type { ExpectationCheck } from '../templates/expectation.js';
import type { Expectation } from '../templates/template.js';
import type { BatchUpdate, EpochUpdate, TrainingOutcome } from '../training/train.js';
import type { Dataset } from '../data/dataset.js';
import type { Plotted } from '../data/recipe.js';

/**
 * What a run is given besides its spec when the window already built its data off its thread
 * (large data, renderer/src/data/built-off-window.ts): the dataset, so that the worker does not
 * build it again (20 s for a 200 MB table), and, when the spec comes without the large text it
 * keeps outside the project (handing 200 MB of text over was half a second of the window's), what
 * the evaluation plots from that text. The dataset is lent, its buffers transferred, not copied:
 * the worker gives it back ('data-back').
 */
export interface BuiltData {
  built?: Dataset;
  plotted?: Plotted | null;
}

export type ToWorker =
  | ({
      type: 'train';
      runId: string;
      graph: Graph;
      data: DataSpec;
      settings: TrainingSettings;
      backend: BackendPreference;
      /** The lesson's result (its variant's, when one is applied), checked when the run finishes. */
      expected?: Expectation;
      /** Whether the learner watches inside the network: each epoch then measures it (dynamics.ts). */
      watchInside?: boolean;
    } & BuiltData)
  /** The learner opened or closed the view inside the training network; read at the next epoch. */
  | { type: 'watch-inside'; on: boolean }
  | { type: 'stop'; runId: string }
  | { type: 'predict'; requestId: string; text: string }
  /** What layer `layer` of the last trained model computes for the question `text` (look inside). */
  | { type: 'inspect'; requestId: string; text: string; layer: string }
  /** Sample `sample` of the training data followed through the small trained network by hand. */
  | { type: 'by-hand'; requestId: string; sample: number }
  | { type: 'generate'; requestId: string; seedText: string; length: number; temperature: number }
  /** The last trained model as a tf.js layers model (model.json + weights.bin). */
  | { type: 'export-model'; requestId: string }
  /** The last trained model over its held-out data: a confusion matrix, a forecast, reconstructions. */
  | { type: 'evaluate'; requestId: string }
  /** The weights of these layers of the model run `runId` trained, if it is still the last one. */
  | { type: 'layer-weights'; requestId: string; runId: string; layers: string[] }
  /**
   * A trained network saved in a project: built as a run would build it and given these
   * weights, so the playground answers without training again. Answered like a run ('done').
   */
  | ({
      type: 'restore';
      runId: string;
      graph: Graph;
      data: DataSpec;
      settings: TrainingSettings;
      backend: BackendPreference;
      trained: Trained;
    } & BuiltData)
  /** The last trained model's weights, to save them in the project. */
  | { type: 'trained-weights'; requestId: string }
  /**
   * Before any run, while the learner reads: the machine probed and the backend a network of
   * these layer kinds would get started (WASM fetched and compiled), so the first click on Train
   * does not wait for them. Answered with nothing.
   */
  | { type: 'warm'; kinds: LayerKind[]; backend: BackendPreference };

/** One point of a loss curve. */
export interface BatchPoint {
  step: number;
  loss: number;
  metrics: Record<string, number>;
}

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Why it failed (an error, a time-out), in English. */
  error?: string;
}

export type FromWorker =
  | { type: 'backend'; runId: string; name: BackendName; reason: Localized; attempts: BackendAttempt[] }
  /**
   * What happened since the last report: batch points, finished epochs, the latest progress.
   * Sent at most every `progressIntervalMs` (and at the end), however fast the epochs go.
   */
  | { type: 'progress'; runId: string; points: BatchPoint[]; epochs: EpochUpdate[]; latest: BatchUpdate | null }
  /** `lesson`: whether the run gave the lesson's result, when a lesson was asked about. */
  | { type: 'done'; runId: string; outcome: TrainingOutcome; lesson?: ExpectationCheck }
  | { type: 'refused'; runId: string; problems: Problem[]; dataProblem?: Localized }
  | { type: 'answer'; requestId: string; answer: Answer }
  | { type: 'look'; requestId: string; look: LayerLook }
  | { type: 'by-hand'; requestId: string; trace: HandTrace; samples: HandSample[] }
  | { type: 'generated'; requestId: string; text: string }
  | { type: 'evaluation'; requestId: string; evaluation: Evaluation | null }
  | { type: 'query-problem'; requestId: string; problem: Localized }
  | { type: 'model-exported'; requestId: string; modelJson: unknown; weightsBin: Uint8Array }
  /** Each layer's weights, by name, in `layer.getWeights()` order, as a project stores them. */
  | { type: 'layer-weights'; requestId: string; layers: Record<string, EncodedWeight[]> }
  /** The last trained model's weights as a project keeps them, and the graph they were trained as. */
  | {
      type: 'trained-weights';
      requestId: string;
      trained: { runId: string; graph: Graph; weights: EncodedWeight[]; backend: string } | null;
    }
  | { type: 'failed'; runId: string | null; message: string }
  /**
   * The dataset a run was lent (`BuiltData.built`, handed over without a copy), given back as a
   * copy the worker made off the window: the window's data panel and checks read it again.
   */
  | { type: 'data-back'; runId: string; dataset: Dataset };

/** How often the worker sends batch progress: ten times a second is smooth, and cheap to draw. */
export const progressIntervalMs = 100;
