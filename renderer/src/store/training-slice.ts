/**
 * The training slice: the data recipe, the training settings, and every run of this session with
 * its curves, so earlier runs stay on the chart. The worker does the work; this slice only keeps
 * what it reports.
 */
import type { StateCreator } from 'zustand';
import type { DataSpec } from '../../../shared/data/spec';
import type { Problem } from '../../../shared/vocabulary/problems';
import type { Localized } from '../../../shared/vocabulary/localized';
import type { Trained } from '../../../shared/vocabulary/weights';
import type { AnyParamValue } from '../../../shared/layers/params';
import type { BackendAttempt, BatchPoint, FromWorker } from '../../../shared/ipc/worker-protocol';
import type { BackendName, BackendPreference } from '../../../shared/training/backends';
import {
  defaultTrainingSettings,
  suggestLoss,
  trainingParams,
  type MetricName,
  type TrainingSettings,
} from '../../../shared/training/settings';
import { lessonInput } from './lesson-slice';
import { selectAnalysis, selectDataCheck } from './selectors';
import type { BatchUpdate, EpochUpdate, RunStatus, TrainingOutcome } from '../../../shared/training/train';
import type { AppState } from './index';
import type { ExpectationCheck } from '../../../shared/templates/expectation';

export type RunPhase = 'starting' | 'running' | RunStatus | 'refused';

export interface Run {
  id: string;
  number: number;
  settings: TrainingSettings;
  phase: RunPhase;
  backend: { name: BackendName; reason: Localized; attempts: BackendAttempt[] } | null;
  batches: BatchPoint[];
  epochs: EpochUpdate[];
  latest: BatchUpdate | null;
  outcome: TrainingOutcome | null;
  problems: Problem[];
  dataProblem: Localized | null;
  failure: string | null;
  /** The lesson variant the network was trained as ("LSTM"), to tell compared runs apart. */
  variant: Localized | null;
  /** Whether the finished run gave the open lesson's result, with the numbers; null outside a lesson. */
  lessonCheck: ExpectationCheck | null;
  /** Not trained here: the weights a project file kept, built back into the network. */
  restored: boolean;
}

/** Batch points kept per run; beyond it every other point is dropped, so long runs stay light. */
const maxBatchPoints = 4000;

export interface TrainingSlice {
  data: DataSpec | null;
  training: TrainingSettings;
  backendPreference: BackendPreference;
  runs: Run[];
  /**
   * The network the worker holds trained: its last finished run, and the lesson (or project) it
   * was. Its layers can be kept with their weights, or taken by a later lesson (transfer
   * learning). Null once another run starts, since the worker then lets go of that model.
   */
  lastTrained: { runId: string; templateId: string | null; title: Localized } | null;
  /**
   * Trained weights an opened project file or an imported model came with, and the network they
   * belong to (its layers and wires as JSON): saved and exported while the network is unchanged,
   * even where no run can rebuild them (a project without data).
   */
  keptTrained: { structure: string; trained: Trained } | null;
  setData: (data: DataSpec | null) => void;
  /** Large data's build arrived from off the window: readers of the data check again. */
  dataBuilt: () => void;
  /** Counts those arrivals (what changes the store, so that its readers look again). */
  dataBuilds: number;
  setTrainingParam: (name: keyof typeof trainingParams, value: AnyParamValue) => boolean;
  setMetrics: (metrics: MetricName[]) => void;
  setBackendPreference: (preference: BackendPreference) => void;
  /** Whether the learner watches inside the network while it trains (each epoch is then measured). */
  watchInside: boolean;
  setWatchInside: (on: boolean) => void;
  /**
   * The layer the playground looks inside, and the step it shows ("2 of 3: e") for a recurrent
   * one, so the canvas marks that layer; null while the playground shows none.
   */
  lookingInside: { layer: string; step: string | null } | null;
  setLookingInside: (looking: { layer: string; step: string | null } | null) => void;
  /** Records a new run as starting; returns its id for the worker. */
  /** Starts a run entry; `restored` for weights a project file kept rather than a training run. */
  beginRun: (options?: { restored?: boolean }) => Run;
  receive: (message: FromWorker) => void;
  clearRuns: () => void;
}

let runCounter = 0;

function currentVariantLabel(state: AppState): Localized | null {
  const lesson = state.lesson;
  return lesson?.template.variants.find((variant) => variant.id === lesson.variant)?.label ?? null;
}

function updateRun(runs: Run[], runId: string, change: (run: Run) => Partial<Run>): Run[] {
  return runs.map((run) => (run.id === runId ? { ...run, ...change(run) } : run));
}

function thin(points: BatchPoint[]): BatchPoint[] {
  return points.length <= maxBatchPoints ? points : points.filter((_, index) => index % 2 === 0);
}

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set, get) => ({
  data: null,
  dataBuilds: 0,
  dataBuilt: () => set({ dataBuilds: get().dataBuilds + 1 }),
  training: { ...defaultTrainingSettings },
  backendPreference: 'auto',
  runs: [],
  lastTrained: null,
  keptTrained: null,

  setData: (data) => {
    const previous = get().data;
    set({ data });
    // A new kind of data brings the loss and metrics that suit it, as Keras users would pick them.
    if (!data || previous?.kind === data.kind) return;
    // Built once: the data check the canvas draws keeps this same dataset.
    const built = selectDataCheck(get()).dataset;
    if (!built?.ok) return;
    const analysis = selectAnalysis(get());
    const outputId = analysis.outputs.length === 1 ? analysis.outputs[0] : undefined;
    const output = get().nodes.find((node) => node.id === outputId);
    const params = (output?.data.params ?? {}) as Record<string, unknown>;
    const activation = typeof params.activation === 'string' ? params.activation : null;
    const units = typeof params.units === 'number' ? params.units : null;
    const suggested = suggestLoss(built.dataset.target, activation, units);
    set({ training: { ...get().training, loss: suggested.loss, metrics: suggested.metrics } });
  },

  setTrainingParam: (name, value) => {
    if (!trainingParams[name].schema.safeParse(value).success) return false;
    set({ training: { ...get().training, [name]: value } });
    return true;
  },

  setMetrics: (metrics) => set({ training: { ...get().training, metrics } }),

  setBackendPreference: (backendPreference) => set({ backendPreference }),

  watchInside: false,
  setWatchInside: (watchInside) => set({ watchInside }),

  lookingInside: null,
  setLookingInside: (lookingInside) => set({ lookingInside }),

  beginRun: (options = {}) => {
    runCounter += 1;
    const run: Run = {
      id: `run-${Date.now()}-${runCounter}`,
      number: get().runs.length + 1,
      settings: { ...get().training },
      phase: 'starting',
      backend: null,
      batches: [],
      epochs: [],
      latest: null,
      outcome: null,
      problems: [],
      dataProblem: null,
      failure: null,
      variant: currentVariantLabel(get()),
      lessonCheck: null,
      restored: options.restored ?? false,
    };
    // The worker lets go of the model it held when this run starts.
    set({ runs: [...get().runs, run], lastTrained: null });
    return run;
  },

  receive: (message) => {
    switch (message.type) {
      case 'backend':
        set({
          runs: updateRun(get().runs, message.runId, () => ({
            phase: 'running',
            backend: { name: message.name, reason: message.reason, attempts: message.attempts },
          })),
        });
        return;
      case 'progress':
        set({
          runs: updateRun(get().runs, message.runId, (run) => ({
            batches: message.points.length > 0 ? thin([...run.batches, ...message.points]) : run.batches,
            epochs: message.epochs.length > 0 ? [...run.epochs, ...message.epochs] : run.epochs,
            latest: message.latest ?? run.latest,
          })),
        });
        return;
      case 'done': {
        set({
          runs: updateRun(get().runs, message.runId, () => ({
            phase: message.outcome.status,
            outcome: message.outcome,
            lessonCheck: message.lesson ?? null,
          })),
        });
        const finished = message.outcome.status === 'completed' || message.outcome.status === 'early-stopped';
        const lesson = get().lesson;
        if (finished) {
          const name = get().projectName;
          set({
            lastTrained: {
              runId: message.runId,
              templateId: lesson?.template.id ?? null,
              title: lesson?.template.title ?? { en: name, es: name },
            },
          });
        }
        // In a lesson, a finished run goes straight to the playground with the lesson's question
        // (not weights just read from a file: opening a project leaves the screen as it was).
        const input = lessonInput(get());
        const restored = get().runs.find((run) => run.id === message.runId)?.restored === true;
        if (input !== null && finished && !restored) {
          set({ dockTab: 'playground', pendingQuery: input });
        }
        return;
      }
      case 'refused':
        set({
          runs: updateRun(get().runs, message.runId, () => ({
            phase: 'refused',
            problems: message.problems,
            dataProblem: message.dataProblem ?? null,
          })),
        });
        return;
      case 'failed':
        if (message.runId) {
          set({ runs: updateRun(get().runs, message.runId, () => ({ phase: 'failed', failure: message.message })) });
        }
        return;
      case 'answer':
      case 'layer-weights':
      case 'generated':
      case 'query-problem':
        // The playground waits for these itself (training/client.ts).
        return;
    }
  },

  clearRuns: () => set({ runs: get().runs.filter((run) => run.phase === 'starting' || run.phase === 'running') }),
});

export function isRunActive(run: Run | undefined): boolean {
  return run?.phase === 'starting' || run?.phase === 'running';
}
