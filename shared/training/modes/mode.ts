/**
 * What a training mode is: how a network is checked against its data, trained, and asked in the
 * playground. The ordinary mode trains one network on inputs and targets; the GAN mode trains a
 * generator and a discriminator in turns on real images. Each mode is one file beside this one;
 * `index.ts` picks the mode a network and its data call for.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../../data/dataset.js';
import type { DataSpec } from '../../data/spec.js';
import type { Analysis } from '../../graph/analyze.js';
import type { Graph } from '../../graph/types.js';
import type { CheckedGraph } from '../../graph/checked.js';
import type { TfModule } from '../../layers/types.js';
import type { Localized } from '../../vocabulary/localized.js';
import type { Problem } from '../../vocabulary/problems.js';
import type { Answer } from '../predict.js';
import type { TrainingSettings } from '../settings.js';
import type { TrainCallbacks, TrainingOutcome } from '../train.js';

export type Asked = { ok: true; answer: Answer } | { ok: false; problem: Localized };

export interface TrainingMode {
  id: 'ordinary' | 'gan';
  /** Whether this mode is the one for a network and its data. */
  applies: (graph: Graph, dataset: Dataset) => boolean;
  /** The network against its data: what stops a run, pinned to the layer to change. */
  checkFit: (graph: Graph, analysis: Analysis, dataset: Dataset, settings: TrainingSettings) => Problem[];
  /** Trains the model compiled from `checked`. */
  train: (
    tf: TfModule,
    model: Tf.LayersModel,
    checked: CheckedGraph,
    dataset: Dataset,
    settings: TrainingSettings,
    callbacks: TrainCallbacks,
  ) => Promise<TrainingOutcome>;
  /** The playground's question to the trained network, answered in the data's terms (`top` classes at most). */
  ask: (
    tf: TfModule,
    model: Tf.LayersModel,
    checked: CheckedGraph,
    data: DataSpec,
    dataset: Dataset,
    text: string,
    top?: number,
  ) => Asked;
  /**
   * What the playground asks for: a `question` about the data (a sample, a text, numbers), or a
   * noise `seed` the network draws a new sample from.
   */
  question: 'question' | 'seed';
  /** Whether a lesson can expect an answer to a question, besides the run's metrics. */
  answersQuestions: boolean;
}
