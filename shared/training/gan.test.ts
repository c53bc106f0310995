/**
 * A GAN drawn as one chain: the checks that pin a badly drawn one to its layer, the loop that
 * trains its two networks in turns, the samples it draws per epoch, and the playground's seed.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../tests/helpers/graphs';
import { buildDataset, type Dataset } from '../data/build';
import type { DataSpec } from '../data/spec';
import { analyzeGraph } from '../graph/analyze';
import { splitGan } from '../graph/gan';
import type { Graph, LayerNode } from '../graph/types';
import { loadProject, saveProject } from '../project/load';
import { emptyProject } from '../project/project';
import { checkDataFit } from './modes/index';
import { askGan, ganSampleCount, nearestReal } from './gan';
import { prepareRun, runTraining } from './run';
import { defaultTrainingSettings, type TrainingSettings } from './settings';
import type { EpochUpdate } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const zeros: DataSpec = { kind: 'images', source: 'digits-8x8', task: 'generate', classes: [0] };
const settings: TrainingSettings = {
  ...defaultTrainingSettings,
  loss: 'binary_crossentropy',
  learning_rate: 0.0005,
  epochs: 3,
  batch_size: 32,
};

function marked(node: LayerNode): LayerNode {
  return { ...node, generatorEnd: true };
}

/** noise (16) → Dense 64 sigmoid → Reshape (8, 8, 1) [the generator's end] → Flatten → Dense 16 → Dense 1. */
function gan(options: { end?: boolean; dropEnd?: boolean } = {}): Graph {
  const image = layer('Reshape', 'fake_image', { target_shape: [8, 8, 1] });
  return chain(
    layer('Input', 'noise', { shape: [16] }),
    layer('Dense', 'g_pixels', { units: 64, activation: 'sigmoid' }),
    options.end === false ? image : marked(image),
    layer('Flatten', 'd_flatten'),
    layer('Dense', 'd_hidden', { units: 16, activation: 'relu' }),
    layer('Dense', 'real_or_fake', { units: 1, activation: 'sigmoid' }),
  );
}

function dataset(spec: DataSpec): Dataset {
  const built = buildDataset(spec);
  if (!built.ok) throw new Error(built.problem.en);
  return built.dataset;
}

function fitProblems(graph: Graph, spec: DataSpec = zeros, run: TrainingSettings = settings) {
  return checkDataFit(graph, analyzeGraph(graph), dataset(spec), run);
}

describe('drawing a GAN', () => {
  it('splits the chain at the marked layer', () => {
    const graph = gan();
    const split = splitGan(graph, analyzeGraph(graph).order);
    expect(split?.end.name).toBe('fake_image');
    expect(split?.generator).toEqual(['noise', 'g_pixels', 'fake_image']);
    expect(split?.discriminator).toEqual(['d_flatten', 'd_hidden', 'real_or_fake']);
  });

  it('a second end, an end at the Input or at the output, and a side wire into the discriminator are pinned to their layer', () => {
    const two = gan();
    two.nodes = two.nodes.map((node) => (node.name === 'd_hidden' ? marked(node) : node));
    const twoProblems = analyzeGraph(two).problems;
    expect(twoProblems).toEqual([
      expect.objectContaining({
        code: 'gan.two-ends',
        nodeId: 'd_hidden',
        fix: { kind: 'set-generator-end', nodeId: 'd_hidden', on: false },
      }),
    ]);

    const atInput = gan({ end: false });
    atInput.nodes = atInput.nodes.map((node) => (node.kind === 'Input' ? marked(node) : node));
    expect(analyzeGraph(atInput).problems.map((found) => [found.code, found.nodeId])).toEqual([
      ['gan.end-at-input', 'noise'],
    ]);

    const atOutput = gan({ end: false });
    atOutput.nodes = atOutput.nodes.map((node) => (node.name === 'real_or_fake' ? marked(node) : node));
    expect(analyzeGraph(atOutput).problems.map((found) => [found.code, found.nodeId])).toEqual([
      ['gan.end-at-output', 'real_or_fake'],
    ]);

    const side = gan();
    side.wires = [...side.wires, { id: 'side', source: 'g_pixels', target: 'd_hidden' }];
    side.nodes = side.nodes.map((node) =>
      node.name === 'd_hidden' ? ({ ...node, kind: 'Dense' } as LayerNode) : node,
    );
    const sideProblems = analyzeGraph(side).problems.filter((found) => found.code === 'gan.side-input');
    expect(sideProblems).toEqual([
      expect.objectContaining({
        nodeId: 'd_hidden',
        wireIds: ['side'],
        fix: { kind: 'remove-wires', wireIds: ['side'] },
      }),
    ]);
  });

  it('a well drawn GAN fits its real images', () => {
    expect(fitProblems(gan())).toEqual([]);
  });

  it('images to generate without a marked layer offer to mark the layer that gives an image', () => {
    expect(fitProblems(gan({ end: false }))).toEqual([
      expect.objectContaining({
        code: 'data.gan-no-end',
        nodeId: 'fake_image',
        fix: { kind: 'set-generator-end', nodeId: 'fake_image', on: true },
      }),
    ]);
  });

  it('a marked layer with data that is not to generate is a mistake, pinned to the layer', () => {
    const classify: DataSpec = { kind: 'images', source: 'digits-8x8', task: 'classify' };
    expect(fitProblems(gan(), classify)).toEqual([
      expect.objectContaining({ code: 'data.gan-not-generate', nodeId: 'fake_image' }),
    ]);
  });

  it('the wrong image size, noise shape, output and loss are each pinned where they are made', () => {
    const graph = chain(
      layer('Input', 'noise', { shape: [4, 4] }),
      layer('Flatten', 'flat'),
      marked(layer('Dense', 'g_pixels', { units: 32, activation: 'sigmoid' })),
      layer('Dense', 'real_or_fake', { units: 2, activation: 'softmax' }),
    );
    const found = fitProblems(graph, zeros, { ...settings, loss: 'mean_squared_error' });
    expect(found.map((problem) => [problem.code, problem.nodeId])).toEqual([
      ['data.gan-image-shape', 'g_pixels'],
      ['data.gan-noise-shape', 'noise'],
      ['data.gan-output', 'real_or_fake'],
      ['data.gan-loss', null],
    ]);
    expect(found[0]?.values).toEqual({ expected: '(None, 8, 8, 1)', name: 'g_pixels', shape: '(None, 32)' });
  });

  it('the marked layer is kept by a project file', () => {
    const saved = saveProject({ ...emptyProject(), graph: gan(), data: zeros, training: settings });
    const loaded = loadProject(saved);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.project.graph.nodes.find((node) => node.name === 'fake_image')?.generatorEnd).toBe(true);
  });
});

describe('training a GAN', () => {
  it('trains both networks in turns, draws 64 samples per epoch, and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const epochs: EpochUpdate[] = [];
    const graph = gan();
    const prepared = prepareRun(tf, { graph, data: zeros, settings });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared));
    const initial = prepared.model.getWeights().map((weight) => Array.from(weight.dataSync()));
    prepared.model.dispose();
    const result = await runTraining(
      tf,
      { graph, data: zeros, settings },
      { onEpoch: (update) => epochs.push(update) },
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    try {
      expect(result.outcome.status).toBe('completed');
      expect(epochs).toHaveLength(3);
      for (const update of epochs) {
        expect(Object.keys(update.logs).sort()).toEqual([
          'd_accuracy',
          'd_loss',
          'g_loss',
          'sample_classes',
          'sample_distance',
        ]);
        expect(update.samples?.count).toBe(ganSampleCount);
        expect(update.samples?.values).toHaveLength(ganSampleCount * 64);
        // Only zeros are real, so every sample's nearest real image is a zero.
        expect(new Set(update.samples?.nearest)).toEqual(new Set(['0']));
      }
      // Both networks learned: every weight moved from where the same seed starts it.
      const trained = result.model.getWeights().map((weight) => Array.from(weight.dataSync()));
      trained.forEach((values, index) => expect(values, `weight ${index}`).not.toEqual(initial[index]));
      // The same 64 noise vectors every epoch: the samples change because the generator does.
      expect(epochs[0]?.samples?.values).not.toEqual(epochs[2]?.samples?.values);
    } finally {
      result.model.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a frozen discriminator keeps its weights while the generator learns to fool it', async () => {
    const graph = gan();
    graph.nodes = graph.nodes.map((node) =>
      node.name.startsWith('d_') || node.name === 'real_or_fake' ? { ...node, frozen: true } : node,
    );
    const prepared = prepareRun(tf, { graph, data: zeros, settings });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared));
    const weightsOf = (model: tf.LayersModel, name: string) =>
      model
        .getLayer(name)
        .getWeights()
        .map((weight) => Array.from(weight.dataSync()));
    const before = { d: weightsOf(prepared.model, 'd_hidden'), g: weightsOf(prepared.model, 'g_pixels') };
    prepared.model.dispose();
    const result = await runTraining(tf, { graph, data: zeros, settings: { ...settings, epochs: 1 } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    try {
      expect(result.outcome.status).toBe('completed');
      expect(weightsOf(result.model, 'd_hidden')).toEqual(before.d);
      expect(weightsOf(result.model, 'g_pixels')).not.toEqual(before.g);
    } finally {
      result.model.dispose();
    }
  });

  it('the same seed trains the same GAN', async () => {
    const logs = async () => {
      const result = await runTraining(tf, { graph: gan(), data: zeros, settings: { ...settings, epochs: 1 } });
      if (!result.ok) throw new Error(JSON.stringify(result));
      result.model.dispose();
      return result.outcome.finalLogs;
    };
    expect(await logs()).toEqual(await logs());
  });
});

describe("the playground's seed", () => {
  it('draws one image per seed, says how real it looks and shows the nearest real image', async () => {
    const result = await runTraining(tf, { graph: gan(), data: zeros, settings: { ...settings, epochs: 1 } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    try {
      const ask = (text: string) => askGan(tf, result.model, result.checked, result.dataset, text);
      // Asking calls the chain's layers on tensors: however often the learner asks, the model is wired as it was.
      const wiring = () => result.model.layers.map((entry) => entry.inboundNodes.length);
      const wired = wiring();
      const first = ask('7');
      const again = ask(' 7 ');
      const other = ask('8');
      if (!first.ok || !again.ok || !other.ok || first.answer.kind !== 'sample') throw new Error('no sample');
      expect(first.answer.output).toHaveLength(64);
      expect(again.answer).toEqual(first.answer);
      expect(other.answer).not.toEqual(first.answer);
      expect(first.answer.realness).toBeGreaterThanOrEqual(0);
      expect(first.answer.realness).toBeLessThanOrEqual(1);
      expect(first.answer.nearest.label).toBe('0');
      const check = nearestReal(
        Float32Array.from(first.answer.output),
        1,
        Float32Array.from(first.answer.nearest.image),
      );
      expect(check.distances[0]).toBeCloseTo(first.answer.nearest.distance, 6);
      for (let time = 0; time < 5; time += 1) ask(String(time));
      expect(wiring()).toEqual(wired);
      for (const bad of ['seven', '-1', '1.5', '99999999999']) {
        const refused = ask(bad);
        expect(refused.ok, bad).toBe(false);
        if (!refused.ok) expect(refused.problem.en).toMatch(/whole number from 0 to 2147483647/);
      }
    } finally {
      result.model.dispose();
    }
  });
});
