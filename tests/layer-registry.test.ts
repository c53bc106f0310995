/**
 * A layer kind is one file and one line. A kind LayerLab does not have (LeakyReLU, in
 * tests/fixtures/leaky-relu-layer.ts), added with one line of shared/layers/kinds.ts, is then
 * checked on the canvas with its shape and its mistakes pinned, compiled, exported in TypeScript,
 * Keras and PyTorch (the exported module computes what tf.js does), imported from a tf.js or
 * Keras 3 model file, and probed by the tests that go through every kind. The palette and the
 * inspector show it too: renderer/src/palette/new-layer.test.tsx.
 */
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import ts from 'typescript';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Graph } from '../shared/graph/types';

// The one registry line: the table as it is, and the new kind after it.
vi.mock('../shared/layers/kinds.js', async (importOriginal) =>
  (await import('./fixtures/leaky-relu-layer')).kindsWithLeakyRelu(await importOriginal()),
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

const leaky = (alpha?: number) => layer('LeakyReLU' as never, 'leaky', (alpha === undefined ? {} : { alpha }) as never);

/** 4 features, the new layer, and nothing else: what it computes is what comes out. */
const alone = (alpha?: number): Graph => chain(layer('Input', 'input', { shape: [4] }), leaky(alpha));
const values = [-2, -0.5, 0, 3];

describe('a layer kind added as one file and one registry line', () => {
  it('is a kind: in the palette’s group, and in the tables the every-kind tests go through', () => {
    expect(isLayerKind('LeakyReLU')).toBe(true);
    expect(layerKinds.at(-1)).toBe('LeakyReLU');
    expect(layersByCategory().find((group) => group.category === 'core')?.kinds).toContain('LeakyReLU');
    expect(layerProbes.filter((probe) => probe.kind === ('LeakyReLU' as never)).map((probe) => probe.label)).toEqual([
      'LeakyReLU',
      'LeakyReLU, steep',
    ]);
    // It carries no weights, so the PyTorch export's list of kinds it loads leaves it out.
    expect(kindsPytorchLoads()).not.toContain('LeakyReLU');
  });

  it('is saved in projects, and checked on the canvas: its shape, its weights, its bad setting pinned', () => {
    const graph = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      leaky(0.1),
      layer('Flatten', 'flatten'),
      layer('Dense', 'dense', { units: 2, activation: 'softmax' }),
    );
    const reopened = loadProject(saveProject({ ...emptyProject('Leaky'), graph }));
    expect(reopened.ok && reopened.project.graph.nodes[1]).toMatchObject({ kind: 'LeakyReLU', params: { alpha: 0.1 } });

    const analysis = analyzeGraph(graph);
    expect(analysis.problems).toEqual([]);
    expect(analysis.nodes.get('leaky')).toMatchObject({ shape: [null, 3, 8], params: 0 });
    expect(analysis.nodes.get('dense')?.shape).toEqual([null, 2]);

    const bad = analyzeGraph(chain(layer('Input', 'input', { shape: [4] }), leaky(2)));
    expect(bad.problems).toEqual([expect.objectContaining({ nodeId: 'leaky', param: 'alpha', severity: 'error' })]);
    expect(describeProblem(bad.problems[0] ?? { code: 'graph.no-input', values: {} }, 'en')).toMatch(/alpha/);
  });

  it('compiles into the tf.js layer, which computes what it says', () => {
    const compiled = compileGraph(alone(0.25), tf, { seed: 1 });
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(compiled.model.getLayer('leaky').getClassName()).toBe('LeakyReLU');
    const output = tf.tidy(() => Array.from((compiled.model.predict(tf.tensor2d([values])) as tf.Tensor).dataSync()));
    expect(output).toEqual([-0.5, -0.125, 0, 3]);
    compiled.model.dispose();
  });

  it('is exported in all three languages, and the TypeScript and PyTorch compute what LayerLab does', async () => {
    const source = {
      name: 'Leaky',
      graph: chain(
        layer('Input', 'input', { shape: [3, 8] }),
        leaky(0.25),
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
    expect(typescript.ok && typescript.files['model.ts']).toContain(".leakyReLU({ alpha: 0.25, name: 'leaky' })");
    expect(keras.ok && keras.code).toContain('layers.LeakyReLU(negative_slope=0.25, name="leaky")');
    expect(pytorch.ok && pytorch.code).toContain('nn.LeakyReLU(negative_slope=0.25)');

    const planned = planNetwork(alone(0.25));
    if (!planned.ok) throw new Error('plans');
    const javascript = ts.transpileModule(writeTypeScriptModel(planned.network, 1), {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const model = new Function('tf', `${javascript}\nreturn model;`)(tf) as tf.LayersModel;
    log.mockRestore();
    const fromTypeScript = tf.tidy(() => Array.from((model.predict(tf.tensor2d([values])) as tf.Tensor).dataSync()));
    expect(fromTypeScript).toEqual([-0.5, -0.125, 0, 3]);
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
    expect(fromPytorch).toEqual([-0.5, -0.125, 0, 3]);
  }, 120_000);

  it('is imported from a tf.js model file, and from a Keras 3 one that names its setting otherwise', async () => {
    const exported = await exportTfjsModel(tf, alone(0.7), { weights: encodeWeights([]) });
    if (!exported.ok) throw new Error(exported.message);
    const json = JSON.parse(JSON.stringify(exported.modelJson)) as {
      modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    };
    const imported = importTfjsModel(json, (path) => (path === 'weights.bin' ? exported.weightsBin : null));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.nodes.map((node) => [node.kind, node.params])).toContainEqual(['LeakyReLU', { alpha: 0.7 }]);

    const entry = json.modelTopology.config.layers.find((candidate) => candidate.class_name === 'LeakyReLU');
    if (!entry) throw new Error('no LeakyReLU in the file');
    delete entry.config['alpha'];
    entry.config['negative_slope'] = 0.2;
    const keras3 = importTfjsModel(json, (path) => (path === 'weights.bin' ? exported.weightsBin : null));
    if (!keras3.ok) throw new Error(keras3.message);
    expect(keras3.graph.nodes.map((node) => [node.kind, node.params])).toContainEqual(['LeakyReLU', { alpha: 0.2 }]);
  });
});
