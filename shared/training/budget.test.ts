/**
 * Networks too big to train here are refused before training, with the numbers: a learner sees
 * "about 4.1 GB; LayerLab trains up to 3.5 GB on wasm" on the layer, not a failed run.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph } from '../../tests/helpers/graphs';
import { buildDataset } from '../data/build';
import { analyzeGraph } from '../graph/analyze';
import { describeProblem } from '../vocabulary/problems';
import type { Graph } from '../graph/types';
import { emptyProject, formatProject, maxProjectBytes } from '../project/project';
import { encodeWeights } from '../vocabulary/weights';
import { checkTrainingBudget, estimateTrainingMemory, maxTrainedLayers, maxTrainedParams } from './budget';
import { runTraining } from './run';
import { defaultTrainingSettings, type TrainingSettings } from './settings';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const settings: TrainingSettings = { ...defaultTrainingSettings, loss: 'sparse_categorical_crossentropy' };

function denseChain(count: number): Graph {
  const layers = Array.from({ length: count }, (_, index) =>
    layer('Dense', `dense_${index}`, { units: index === count - 1 ? 1 : 4 }),
  );
  return chain(layer('Input', 'in', { shape: [2] }), ...layers);
}

describe('the training memory estimate', () => {
  it('adds up the course lesson by hand', () => {
    const graph = lessonGraph();
    const built = buildDataset({ kind: 'text-next-char', text: 'hello world', window: 3 });
    if (!built.ok) throw new Error('data');
    const estimate = estimateTrainingMemory(graph, analyzeGraph(graph), built.dataset, settings);
    // 3,358 weights × 4 bytes × (weight, gradient, Adam's two moments).
    expect(estimate.weights).toBe(3358 * 4 * 4);
    // Per sample: the Input's 3×8, SimpleRNN's 3 steps × 50 units × (1 gate + state), Dense's 8;
    // kept with their gradients for a batch of 32.
    expect(estimate.activations).toBe((24 + 300 + 8) * 2 * 32 * 4);
    // 8 windows of 3×8 and their 8 targets.
    expect(estimate.data).toBe((8 * 24 + 8) * 4);
    expect(estimate.heaviestNodeId).toBe('simple_rnn');
    expect(checkTrainingBudget(graph, analyzeGraph(graph), built.dataset, settings, 'wasm')).toEqual([]);
  });
});

describe('limits checked before training', () => {
  it('refuses a network of a trillion weights at its biggest layer, with both counts', () => {
    const graph = chain(
      layer('Input', 'in', { shape: [1_000_000] }),
      layer('Dense', 'huge', { units: 1_000_000 }),
      layer('Dense', 'out', { units: 1 }),
    );
    const analysis = analyzeGraph(graph);
    expect(analysis.errorCount).toBe(0);
    const [found] = checkTrainingBudget(graph, analysis, null, settings, 'wasm');
    expect(found).toMatchObject({ code: 'train.too-many-params', nodeId: 'huge', severity: 'error' });
    expect(describeProblem(found ?? { code: 'train.too-many-params', values: {} }, 'en')).toBe(
      'The network has 1,000,002,000,001 weights; LayerLab trains up to 32,000,000, what a project file can keep. ' +
        'huge alone has 1,000,001,000,000: give it fewer units or filters, or export the network to train it with Keras or PyTorch.',
    );
  });

  it('allows as many weights as a project file can keep, trained', () => {
    const weights = encodeWeights([{ shape: [maxTrainedParams], values: new Float32Array(maxTrainedParams) }]);
    const text = formatProject({ ...emptyProject('Full'), trained: { weights, epochs: 1, logs: {}, backend: 'cpu' } });
    expect(text.length).toBeLessThan(0.96 * maxProjectBytes);
  });

  it(`refuses more than ${maxTrainedLayers} layers, and trains ${maxTrainedLayers}`, async () => {
    const deep = denseChain(maxTrainedLayers);
    const [found] = checkTrainingBudget(deep, analyzeGraph(deep), null, settings, 'cpu');
    expect(found).toMatchObject({ code: 'train.too-many-layers', nodeId: null });
    expect(describeProblem(found ?? { code: 'train.too-many-layers', values: {} }, 'en')).toContain(
      'The network has 1,001 layers; LayerLab trains networks of up to 1,000',
    );

    const allowed = denseChain(maxTrainedLayers - 1);
    expect(allowed.nodes).toHaveLength(maxTrainedLayers);
    const run = await runTraining(tf, {
      graph: allowed,
      data: {
        kind: 'table',
        columns: ['a', 'b'],
        rows: [
          [0, 1, 1],
          [1, 0, 2],
        ],
        target: 'value',
      },
      settings: { ...defaultTrainingSettings, epochs: 1, batch_size: 2 },
    });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    expect(run.outcome.status).toBe('completed');
    run.model.dispose();
  }, 60_000);

  it('estimates a long LSTM over a big batch past the budget, and offers a batch size that fits', () => {
    const graph = chain(
      layer('Input', 'in', { shape: [2000, 64] }),
      layer('LSTM', 'lstm', { units: 512, return_sequences: true }),
      layer('Dense', 'out', { units: 1 }),
    );
    const analysis = analyzeGraph(graph);
    const big = { ...settings, batch_size: 256 };
    const [found] = checkTrainingBudget(graph, analysis, null, big, 'wasm');
    expect(found).toMatchObject({ code: 'train.memory', nodeId: 'lstm' });
    const message = describeProblem(found ?? { code: 'train.memory', values: {} }, 'en');
    // Per sample: the Input's 2,000 × 64, the LSTM's 2,000 steps × 512 units × (4 gates + state),
    // the output's 2,000; with their gradients, × 256 samples × 4 bytes: 10.75 GB.
    expect(message).toMatch(/^Training this network needs about 10\.8 GB \(19 MB for the weights/);
    expect(message).toContain('10.8 GB for what a batch of 256 keeps at each layer, 0 kB for the data');
    expect(message).toContain('LayerLab trains up to 3.5 GB on wasm. A batch size of 64 fits');
    expect(found?.fix).toEqual({ kind: 'set-setting', setting: 'batch_size', value: 64 });
    expect(checkTrainingBudget(graph, analysis, null, { ...big, batch_size: 64 }, 'wasm')).toEqual([]);
    // The GPU of a laptop holds less: a smaller batch is offered there.
    const onWebgl = checkTrainingBudget(graph, analysis, null, big, 'webgl')[0];
    expect(onWebgl?.fix).toEqual({ kind: 'set-setting', setting: 'batch_size', value: 32 });
  });

  it('is a problem of the run, not of the network: the graph analysis and exports do not see it', () => {
    const graph = denseChain(maxTrainedLayers);
    expect(analyzeGraph(graph).problems.filter((found) => found.code.startsWith('train.'))).toEqual([]);
  });
});
