/**
 * A layer kind is one file and one line. A kind LayerLab does not have (ThresholdedReLU, in
 * tests/fixtures/thresholded-relu-layer.ts), added with one line of shared/layers/kinds.ts, is then
 * checked on the canvas with its shape and its mistakes pinned, compiled, exported in TypeScript,
 * Keras and PyTorch (the exported module computes what tf.js does), imported from a tf.js model
 * file, and probed by the tests that go through every kind. The palette and the
 * inspector show it too: renderer/src/palette/new-layer.test.tsx.
 */
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Graph } from '../shared/graph/types';

// The one registry line: the table as it is, and the new kind after it.
vi.mock('../shared/layers/kinds.js', async (importOriginal) =>
  (await import('./fixtures/thresholded-relu-layer')).kindsWithThresholdedRelu(await importOriginal()),
);

const { layerKinds, layersByCategory, isLayerKind } = await import('../shared/layers/registry');
const { analyzeGraph } = await import('../shared/graph/analyze');
const { compileGraph } = await import('../shared/graph/compile');
const { planNetwork } = await import('../shared/codegen/plan');
const { exportTypeScript, writeTypeScriptModel } = await import('../shared/codegen/typescript');
const { exportKeras } = await import('../shared/codegen/keras');
const { exportPytorch, writePytorchModule, kindsPytorchLoads } = await import('../shared/codegen/pytorch');
const { exportTfjsModel } = await import('../shared/tfjs-model/export');
const { importTfjsModel } = await import('../shared/tfjs-model/import');
const { loadProject, saveProject } = await import('../shared/project/load');
const { emptyProject } = await import('../shared/project/project');
const { encodeWeights } = await import('../shared/vocabulary/weights');
const { describeProblem } = await import('../shared/vocabulary/problems');
const { defaultTrainingSettings } = await import('../shared/training/settings');
const { layerProbes } = await import('./helpers/layer-probes');
const { chain, layer } = await import('./helpers/graphs');

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

const thresholded = (theta?: number) =>
  layer('ThresholdedReLU' as never, 'thresholded', (theta === undefined ? {} : { theta }) as never);

/** 4 features, the new layer, and nothing else: what it computes is what comes out. */
const alone = (theta?: number): Graph => chain(layer('Input', 'input', { shape: [4] }), thresholded(theta));
const values = [0.25, 0.5, 1, 3];
/** What the layer gives for `values` with theta 0.75. */
const thresholdedValues = [0, 0, 1, 3];

describe('a layer kind added as one file and one registry line', () => {
  it('is a kind: in the palette’s group, and in the tables the every-kind tests go through', () => {
    expect(isLayerKind('ThresholdedReLU')).toBe(true);
    expect(layerKinds.at(-1)).toBe('ThresholdedReLU');
    expect(layersByCategory().find((group) => group.category === 'core')?.kinds).toContain('ThresholdedReLU');
    expect(
      layerProbes.filter((probe) => probe.kind === ('ThresholdedReLU' as never)).map((probe) => probe.label),
    ).toEqual(['ThresholdedReLU', 'ThresholdedReLU, low']);
    // It carries no weights, so the PyTorch export's list of kinds it loads leaves it out.
    expect(kindsPytorchLoads()).not.toContain('ThresholdedReLU');
  });

  it('is saved in projects, and checked on the canvas: its shape, its weights, its bad setting pinned', () => {
    const graph = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      thresholded(0.1),
      layer('Flatten', 'flatten'),
      layer('Dense', 'dense', { units: 2, activation: 'softmax' }),
    );
    const reopened = loadProject(saveProject({ ...emptyProject('Thresholded'), graph }));
    expect(reopened.ok && reopened.project.graph.nodes[1]).toMatchObject({
      kind: 'ThresholdedReLU',
      params: { theta: 0.1 },
    });

    const analysis = analyzeGraph(graph);
    expect(analysis.problems).toEqual([]);
    expect(analysis.nodes.get('thresholded')).toMatchObject({ shape: [null, 3, 8], params: 0 });
    expect(analysis.nodes.get('dense')?.shape).toEqual([null, 2]);

    const bad = analyzeGraph(chain(layer('Input', 'input', { shape: [4] }), thresholded(20)));
    expect(bad.problems).toEqual([
      expect.objectContaining({ nodeId: 'thresholded', param: 'theta', severity: 'error' }),
    ]);
    expect(describeProblem(bad.problems[0] ?? { code: 'graph.no-input', values: {} }, 'en')).toMatch(/theta/);
  });

  it('compiles into the tf.js layer, which computes what it says', () => {
    const compiled = compileGraph(alone(0.75), tf, { seed: 1 });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(compiled.model.getLayer('thresholded').getClassName()).toBe('ThresholdedReLU');
    const output = tf.tidy(() => Array.from((compiled.model.predict(tf.tensor2d([values])) as tf.Tensor).dataSync()));
    expect(output).toEqual(thresholdedValues);
    compiled.model.dispose();
  });

  it('is exported in all three languages, and the TypeScript and PyTorch compute what LayerLab does', async () => {
    const source = {
      name: 'Thresholded',
      graph: chain(
        layer('Input', 'input', { shape: [3, 8] }),
        thresholded(0.75),
        layer('Flatten', 'flatten'),
        layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
      ),
      data: { kind: 'text-next-char', text: 'hello world', window: 3 } as const,
      training: {
        ...defaultTrainingSettings,
        loss: 'sparse_categorical_crossentropy' as const,
        metrics: ['accuracy' as const],
      },
    };
    const typescript = await exportTypeScript(source);
    const keras = exportKeras(source);
    const pytorch = exportPytorch(source);
    for (const exported of [typescript, keras, pytorch]) expect(exported.ok, JSON.stringify(exported)).toBe(true);
    expect(typescript.ok && typescript.files['model.ts']).toContain(
      ".thresholdedReLU({ theta: 0.75, name: 'thresholded' })",
    );
    expect(keras.ok && keras.code).toContain('layers.ThresholdedReLU(theta=0.75, name="thresholded")');
    expect(pytorch.ok && pytorch.code).toContain('nn.Threshold(0.75, 0.0)');

    const planned = planNetwork(alone(0.75));
    if (!planned.ok) throw new Error('plans');
    const javascript = ts.transpileModule(writeTypeScriptModel(planned.network, 1), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const model = new Function('tf', `${javascript}\nreturn model;`)(tf) as tf.LayersModel;
    log.mockRestore();
    const fromTypeScript = tf.tidy(() => Array.from((model.predict(tf.tensor2d([values])) as tf.Tensor).dataSync()));
    expect(fromTypeScript).toEqual(thresholdedValues);
    model.dispose();

    const script = [
      'import json, torch',
      'from torch import nn',
      'import torch.nn.functional as F',
      writePytorchModule(planned.network),
      `print(json.dumps(Network()(torch.tensor([${values.join(', ')}])).tolist()))`,
    ].join('\n');
    const fromPytorch = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8', timeout: 120_000 }),
    );
    expect(fromPytorch).toEqual(thresholdedValues);
  }, 120_000);

  it('is imported from a tf.js model file, its setting read, or Keras’ default where the file leaves it out', async () => {
    const exported = await exportTfjsModel(tf, alone(0.7), { weights: encodeWeights([]) });
    if (!exported.ok) throw new Error(exported.message);
    const json = JSON.parse(JSON.stringify(exported.modelJson)) as {
      modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    };
    const imported = importTfjsModel(json, (path) => (path === 'weights.bin' ? exported.weightsBin : null));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.nodes.map((node) => [node.kind, node.params])).toContainEqual([
      'ThresholdedReLU',
      { theta: 0.7 },
    ]);

    const entry = json.modelTopology.config.layers.find((candidate) => candidate.class_name === 'ThresholdedReLU');
    if (!entry) throw new Error('no ThresholdedReLU in the file');
    delete entry.config['theta'];
    const plain = importTfjsModel(json, (path) => (path === 'weights.bin' ? exported.weightsBin : null));
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.graph.nodes.map((node) => [node.kind, node.params])).toContainEqual(['ThresholdedReLU', { theta: 1 }]);
  });
});
