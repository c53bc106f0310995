/**
 * Export → import gives the same network and the same answers: for both lesson templates, trained
 * a few epochs; for a branched network (Concatenate, a Bidirectional LSTM); for networks with
 * every other kind of layer that holds weights. Plain tf.js loads every export too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { branchedGraph, embeddingGraph, imageGraph, initializerGraph } from '../../tests/helpers/tfjs-graphs';
import { compileGraph } from '../graph/compile';
import type { Graph } from '../graph/types';
import { decodeWeights, encodeWeights, type Trained } from '../vocabulary/weights';
import { parseTemplate } from '../templates/template';
import { runTraining } from '../training/run';
import { toTensor } from '../training/train';
import { exportTfjsModel } from './export';
import { importTfjsModel } from './import';
import type { TfjsModelJson } from './model-json';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tolerance = 1e-6;

/** What a user would compare: kinds, names, parameters and wires (each target's sources in order). */
function outline(graph: Graph) {
  const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
  const nodes = graph.nodes
    .map((node) => ({ name: node.name, kind: node.kind, params: node.params }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const inputs = Object.fromEntries(
    graph.nodes.map((node) => [
      node.name,
      graph.wires.filter((wire) => wire.target === node.id).map((wire) => names.get(wire.source)),
    ]),
  );
  return { nodes, inputs };
}

function trainedOf(model: tf.LayersModel): Trained {
  const values = model.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() }));
  return { weights: encodeWeights(values), epochs: 1, logs: {}, backend: 'cpu' };
}

function predictions(model: tf.LayersModel, inputs: tf.Tensor[]): number[][] {
  return tf.tidy(() => {
    const output = model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs);
    return (Array.isArray(output) ? output : [output]).map((tensor) => Array.from(tensor.dataSync()));
  });
}

function expectClose(actual: number[][], expected: number[][]): void {
  expect(actual.map((values) => values.length)).toEqual(expected.map((values) => values.length));
  actual.forEach((values, output) =>
    values.forEach((value, index) => {
      expect(Math.abs(value - (expected[output]?.[index] ?? Number.NaN))).toBeLessThanOrEqual(tolerance);
    }),
  );
}

/** The model the imported project builds: its graph compiled, its weights set. */
function importedModel(graph: Graph, trained: Trained): tf.LayersModel {
  const compiled = compileGraph(graph, tf);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const tensors = decodeWeights(trained).map((weight) => tf.tensor(weight.values, weight.shape));
  compiled.model.setWeights(tensors);
  tf.dispose(tensors);
  return compiled.model;
}

/** Plain tf.js reading the export, as `tf.loadLayersModel('file://…/model.json')` would. */
async function loadedByTfjs(modelJson: TfjsModelJson, weightsBin: Uint8Array): Promise<tf.LayersModel> {
  const [group] = modelJson.weightsManifest;
  const data = weightsBin.buffer.slice(weightsBin.byteOffset, weightsBin.byteOffset + weightsBin.byteLength);
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: group.weights, weightData: data }),
  );
}

/**
 * Exports `model` (built from `graph`), checks plain tf.js answers as it does, imports the export
 * as if read from disk, and checks the imported network and its answers.
 */
async function expectRoundTrip(graph: Graph, model: tf.LayersModel, inputs: tf.Tensor[]): Promise<string[]> {
  const exported = await exportTfjsModel(tf, graph, trainedOf(model));
  if (!exported.ok) throw new Error(exported.message);
  const ours = predictions(model, inputs);

  const plain = await loadedByTfjs(exported.modelJson, exported.weightsBin);
  expectClose(predictions(plain, inputs), ours);
  plain.dispose();

  const fromDisk: unknown = JSON.parse(JSON.stringify(exported.modelJson));
  const files: Record<string, Uint8Array> = { 'weights.bin': exported.weightsBin.slice() };
  const imported = importTfjsModel(fromDisk, (file) => files[file] ?? null);
  if (!imported.ok) throw new Error(imported.message);
  expect(outline(imported.graph)).toEqual(outline(graph));

  const rebuilt = importedModel(imported.graph, imported.trained);
  expect(rebuilt.weights.map((weight) => weight.shape)).toEqual(model.weights.map((weight) => weight.shape));
  expectClose(predictions(rebuilt, inputs), ours);
  rebuilt.dispose();
  return imported.warnings;
}

/** Seeded random weights, something other than a network's starting ones (variances kept positive). */
function randomised(model: tf.LayersModel, seed: number): void {
  const weights = model.weights.map((variable, index) =>
    tf.tidy(() => {
      const shape = variable.shape.map((dim) => dim ?? 1);
      const values = tf.randomNormal(shape, 0, 0.5, 'float32', seed + index);
      return variable.originalName.endsWith('moving_variance') ? values.abs().add(0.1) : values;
    }),
  );
  model.setWeights(weights);
  tf.dispose(weights);
}

function inputsFor(graph: Graph, samples: number, seed: number): tf.Tensor[] {
  return graph.nodes
    .filter((node) => node.kind === 'Input')
    .map((node, index) => {
      if (node.kind !== 'Input') throw new Error('unreachable');
      const shape = [samples, ...node.params.shape.map((dim) => dim ?? 1)];
      return node.params.dtype === 'int32'
        ? tf.randomUniform(shape, 0, 12, 'int32', seed + index)
        : tf.randomNormal(shape, 0, 1, 'float32', seed + index);
    });
}

describe('a tf.js layers model exported and imported again', () => {
  const templates = ['rnn-next-character.json', 'rnn-next-number.json'];

  it.each(templates)('keeps the lesson %s, trained, and its answers', async (file) => {
    const loaded = parseTemplate(file, readFileSync(path.join('templates', file), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.message);
    const { graph, data, training } = loaded.template;
    const run = await runTraining(tf, { graph, data, settings: { ...training, epochs: 3 } });
    if (!run.ok) throw new Error('the template did not train');
    const inputs = [toTensor(tf, run.dataset.x)];
    const warnings = await expectRoundTrip(graph, run.model, inputs);
    expect(warnings).toEqual([]);
    tf.dispose(inputs);
    run.model.dispose();
  });

  it.each([
    ['a branched network with a Bidirectional LSTM and Concatenate', branchedGraph],
    ['an image network', imageGraph],
    ['an embedding into a GRU', embeddingGraph],
    ['every kernel initialiser', initializerGraph],
  ])('keeps %s and its answers', async (_, make) => {
    const graph = make();
    const compiled = compileGraph(graph, tf, { seed: 7 });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    randomised(compiled.model, 11);
    const inputs = inputsFor(graph, 4, 3);
    expect(await expectRoundTrip(graph, compiled.model, inputs)).toEqual([]);
    tf.dispose(inputs);
    compiled.model.dispose();
  });

  it('refuses weights that do not fit the network, and a network with errors', async () => {
    const graph = branchedGraph();
    const compiled = compileGraph(graph, tf);
    if (!compiled.ok) throw new Error('compiles');
    const trained = trainedOf(compiled.model);
    compiled.model.dispose();
    const short = await exportTfjsModel(tf, graph, { weights: trained.weights.slice(1) });
    expect(short.ok ? '' : short.message).toBe(
      'the trained weights do not fit the network: it has 19 weight tensors, the project 18; train it again',
    );
    const broken = { ...graph, wires: graph.wires.filter((wire) => wire.target !== 'out') };
    const refused = await exportTfjsModel(tf, broken, trained);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? [] : refused.problems.map((found) => found.code)).toContain('graph.unconnected-input');
  });
});
