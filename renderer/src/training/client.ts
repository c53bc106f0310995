/**
 * The renderer's side of the training worker: starts it once, forwards its reports to the store,
 * and turns playground queries into promises.
 */
import type { Evaluation } from '../../../shared/training/evaluate';
import type { Answer } from '../../../shared/training/predict';
import type { LayerLook } from '../../../shared/training/inspect';
import type { HandSample, HandTrace } from '../../../shared/training/by-hand';
import type { BuiltData, FromWorker, ToWorker } from '../../../shared/ipc/worker-protocol';
import type { DataSpec } from '../../../shared/data/spec';
import { recipeOf } from '../../../shared/data/recipes';
import { embeddedDataChars } from '../../../shared/data/data-file';
import { buildsOffWindow, giveBackBuilt, lendBuilt, rebuildLent } from '../data/built-off-window';
import { datasetBuffers } from '../../../shared/data/dataset';
import type { Localized } from '../../../shared/vocabulary/localized';
import type { EncodedWeight, Trained } from '../../../shared/vocabulary/weights';
import { useAppStore } from '../store';
import { selectGraph } from '../store/selectors';
import { lessonExpected } from '../store/lesson-slice';

let worker: Worker | null = null;
let requestCounter = 0;
const waiting = new Map<string, (message: FromWorker) => void>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' });
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'data-back') {
      const spec = lentTo.get(message.runId);
      lentTo.delete(message.runId);
      if (spec) giveBackBuilt(spec, message.dataset);
      useAppStore.getState().dataBuilt();
      return;
    }
    if ('requestId' in message) {
      waiting.get(message.requestId)?.(message);
      waiting.delete(message.requestId);
      return;
    }
    useAppStore.getState().receive(message);
  });
  worker.addEventListener('error', (event) => {
    // The data lent to it will not come back: built again, off the window.
    lentTo.clear();
    for (const rebuilt of rebuildLent()) void rebuilt.then(() => useAppStore.getState().dataBuilt());
    const running = useAppStore.getState().runs.find((run) => run.phase === 'running' || run.phase === 'starting');
    useAppStore
      .getState()
      .receive({ type: 'failed', runId: running?.id ?? null, message: event.message || 'the training worker crashed' });
  });
  return worker;
}

/** Posts `message`; the buffers of a dataset it lends are handed over, not copied. */
function send(message: ToWorker): void {
  const lends = (message.type === 'train' || message.type === 'restore') && message.built;
  getWorker().postMessage(message, { transfer: lends ? datasetBuffers(lends) : [] });
}

/** The spec each run was lent the window's build of, until the worker gives it back. */
const lentTo = new Map<string, DataSpec>();

/**
 * The project's data as run `runId` is given it: a table kept outside the project, once the window
 * has built it off its thread, goes without its text and with its dataset, lent (its buffers
 * handed over, not copied: bench/train-table.ts) and given back by the worker, which does not
 * build it again. Other data goes as its spec, built in the worker.
 */
function runData(runId: string, data: DataSpec): { data: DataSpec } & BuiltData {
  const recipe = recipeOf(data);
  const held = recipe.opens?.file(data);
  if (!recipe.opens || !held || held.text.length <= embeddedDataChars || !buildsOffWindow(data)) return { data };
  const built = lendBuilt(data);
  if (!built) return { data };
  // Read before the buffers go: the evaluation's plot, from the text the worker is not given.
  const plotted = recipe.plotted?.(data, built) ?? null;
  lentTo.set(runId, data);
  useAppStore.getState().dataBuilt();
  return { data: recipe.opens.reopen(data, held.name, ''), built, plotted };
}

/**
 * Readies the training worker while the learner looks at the network: the machine probed and the
 * backend its layers would get started, so the first click on Train goes straight to training
 * (bench/first-epoch.ts). Asked when the page is idle after it starts; harmless to ask again.
 */
export function warmTraining(): void {
  const state = useAppStore.getState();
  send({
    type: 'warm',
    kinds: selectGraph(state).nodes.map((node) => node.kind),
    backend: state.backendPreference,
  });
}

/** Starts a run of the network on screen with the current data and settings. */
export function startTraining(): void {
  const state = useAppStore.getState();
  if (!state.data) return;
  const run = state.beginRun();
  const expected = lessonExpected(state);
  send({
    type: 'train',
    runId: run.id,
    graph: selectGraph(state),
    ...runData(run.id, state.data),
    settings: run.settings,
    backend: state.backendPreference,
    watchInside: state.watchInside,
    ...(expected ? { expected } : {}),
  });
}

/** Opens or closes the view inside the training network: the worker measures it only while open. */
export function watchInside(on: boolean): void {
  useAppStore.getState().setWatchInside(on);
  send({ type: 'watch-inside', on });
}

export function stopTraining(runId: string): void {
  send({ type: 'stop', runId });
}

export type QueryReply =
  | { ok: true; answer: Answer }
  | { ok: true; look: LayerLook }
  | { ok: true; trace: HandTrace; samples: HandSample[] }
  | { ok: true; text: string }
  | { ok: true; modelJson: unknown; weightsBin: Uint8Array }
  | { ok: true; evaluation: Evaluation | null }
  | { ok: true; layers: Record<string, EncodedWeight[]> }
  | { ok: true; trained: TrainedWeights | null }
  | { ok: false; problem: Localized };

function ask(message: ToWorker & { requestId: string }): Promise<QueryReply> {
  return new Promise((resolve) => {
    waiting.set(message.requestId, (reply) => {
      if (reply.type === 'answer') resolve({ ok: true, answer: reply.answer });
      else if (reply.type === 'look') resolve({ ok: true, look: reply.look });
      else if (reply.type === 'by-hand') resolve({ ok: true, trace: reply.trace, samples: reply.samples });
      else if (reply.type === 'generated') resolve({ ok: true, text: reply.text });
      else if (reply.type === 'model-exported')
        resolve({ ok: true, modelJson: reply.modelJson, weightsBin: reply.weightsBin });
      else if (reply.type === 'evaluation') resolve({ ok: true, evaluation: reply.evaluation });
      else if (reply.type === 'layer-weights') resolve({ ok: true, layers: reply.layers });
      else if (reply.type === 'trained-weights') resolve({ ok: true, trained: reply.trained });
      else if (reply.type === 'query-problem') resolve({ ok: false, problem: reply.problem });
    });
    send(message);
  });
}

export function predict(text: string): Promise<QueryReply> {
  requestCounter += 1;
  return ask({ type: 'predict', requestId: `query-${requestCounter}`, text });
}

/** What layer `layer` of the last trained network computes for the question `text`. */
export function inspectLayer(text: string, layer: string): Promise<QueryReply> {
  requestCounter += 1;
  return ask({ type: 'inspect', requestId: `query-${requestCounter}`, text, layer });
}

/** Sample `sample` of the training data followed by hand through the small trained network. */
export function followSample(sample: number): Promise<QueryReply> {
  requestCounter += 1;
  return ask({ type: 'by-hand', requestId: `query-${requestCounter}`, sample });
}

export function generate(seedText: string, length: number, temperature: number): Promise<QueryReply> {
  requestCounter += 1;
  return ask({ type: 'generate', requestId: `query-${requestCounter}`, seedText, length, temperature });
}

/** The last trained model over its held-out data, for the playground's pictures. */
export async function evaluateTrained(): Promise<Evaluation | null> {
  requestCounter += 1;
  const reply = await ask({ type: 'evaluate', requestId: `query-${requestCounter}` });
  return reply.ok && 'evaluation' in reply ? reply.evaluation : null;
}

/** The last trained model as tf.js files, or why there is none. */
export function exportTrainedModel(): Promise<QueryReply> {
  requestCounter += 1;
  return ask({ type: 'export-model', requestId: `query-${requestCounter}` });
}

/**
 * Gives the layers named `layers` the weights run `runId` trained them to (transfer learning),
 * if that run's model is still the worker's last: the names of the layers that received them, or
 * why none did.
 */
export async function takeTrainedLayers(
  runId: string,
  layers: string[],
  from: string,
): Promise<{ ok: true; received: string[] } | { ok: false; problem: Localized }> {
  requestCounter += 1;
  const reply = await ask({ type: 'layer-weights', requestId: `query-${requestCounter}`, runId, layers });
  if (!reply.ok) return reply;
  if (!('layers' in reply)) return { ok: false, problem: { en: 'No weights came back.', es: 'No llegaron pesos.' } };
  const carried = Object.entries(reply.layers).map(([name, weights]) => [name, { from, weights }] as const);
  return { ok: true, received: useAppStore.getState().carryWeights(Object.fromEntries(carried)) };
}

/** The last trained model's weights, with the graph it was trained as. */
export type TrainedWeights = NonNullable<Extract<FromWorker, { type: 'trained-weights' }>['trained']>;

export async function trainedWeights(): Promise<TrainedWeights | null> {
  requestCounter += 1;
  const reply = await ask({ type: 'trained-weights', requestId: `query-${requestCounter}` });
  return reply.ok && 'trained' in reply ? reply.trained : null;
}

/**
 * Builds the network on screen with the weights a project file kept (from the app or from
 * `layerlab train --save`): it shows as a finished run, ready for the playground.
 */
export function restoreTrained(trained: Trained): void {
  const state = useAppStore.getState();
  if (!state.data) return;
  const run = state.beginRun({ restored: true });
  send({
    type: 'restore',
    runId: run.id,
    graph: selectGraph(state),
    ...runData(run.id, state.data),
    settings: run.settings,
    backend: state.backendPreference,
    trained,
  });
}
