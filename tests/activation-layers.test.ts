/**
 * The layers real models use around their weighted ones (ReLU and ReLU6, LeakyReLU, ELU, Softmax,
 * ZeroPadding2D, Cropping2D, Multiply, Average, Maximum, Minimum, LayerNormalization, Permute): each
 * probe's network run by
 * tf.js as LayerLab compiles it and by the PyTorch module the export writes, on the same numbers,
 * gives the same values; and each is read from a model file as Keras and tf.js write it.
 */
import { execFileSync } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../shared/graph/analyze';
import { compileGraph } from '../shared/graph/compile';
import { describeProblem } from '../shared/vocabulary/problems';
import { planNetwork } from '../shared/codegen/plan';
import { writePytorchModule } from '../shared/codegen/pytorch';
import { exportTfjsModel } from '../shared/tfjs-model/export';
import { importTfjsModel } from '../shared/tfjs-model/import';
import { encodeWeights } from '../shared/vocabulary/weights';
import { createRandom } from '../shared/math/random';
import { layerDef, type LayerKind } from '../shared/layers/registry';
import type { Graph } from '../shared/graph/types';
import { chain, layer, wire } from './helpers/graphs';

const kinds = new Set([
  'ReLU',
  'LeakyReLU',
  'ELU',
  'Softmax',
  'ZeroPadding2D',
  'Cropping2D',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  // Its gamma and beta start at 1 and 0 on both sides.
  'LayerNormalization',
  'Permute',
  // Its alphas start at 0 on both sides.
  'PReLU',
]);
/**
 * Each example of the new kinds alone, with nothing learned around it: its Input (two for a
 * merge) straight into the layer, so both sides compute from the same numbers only.
 */
const probes = [...kinds].flatMap((kind) =>
  layerDef(kind as LayerKind).examples.map((example) => {
    const inputs = (layerDef(kind as LayerKind).inputs === 'many' ? ['a', 'b'] : ['input']).map((name) =>
      layer('Input', name, { shape: [...example.input] }),
    );
    const probe = layer(kind as LayerKind, 'probe', (example.params ?? {}) as never);
    const graph: Graph = {
      nodes: [...inputs, probe],
      wires: inputs.map((input) => wire(input.id, probe.id)),
    };
    return { kind, label: example.label, graph };
  }),
);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('computed alike by tf.js and by the PyTorch export', () => {
  it('gives the same values for the same inputs, probe by probe', () => {
    const random = createRandom(11);
    const cases = probes.map((probe) => {
      const compiled = compileGraph(probe.graph, tf, { seed: 3 });
      if (!compiled.ok) throw new Error(`${probe.label} does not compile`);
      const inputs = compiled.model.inputs.map((input) => {
        const shape = [2, ...input.shape.slice(1).map((size) => size ?? 1)];
        const size = shape.reduce((a, b) => a * b, 1);
        // Values around zero, so both sides of every activation show, and ReLU6's cap (×8).
        return tf.tensor(
          Array.from({ length: size }, () => (random() - 0.5) * 16),
          shape,
        );
      });
      const output = compiled.model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs) as tf.Tensor;
      const planned = planNetwork(probe.graph);
      if (!planned.ok) throw new Error(`${probe.label} does not plan`);
      const result = {
        label: probe.label,
        module: writePytorchModule(planned.network),
        inputs: inputs.map((input) => ({ shape: input.shape, values: Array.from(input.dataSync()) })),
        expected: Array.from(output.dataSync()),
      };
      tf.dispose([...inputs, output]);
      compiled.model.dispose();
      return result;
    });
    const script = `
import json, sys
import torch
from torch import nn
import torch.nn.functional as F

answers = {}
for case in json.loads(sys.stdin.read()):
    namespace = {"torch": torch, "nn": nn, "F": F}
    exec(case["module"], namespace)
    network = namespace["Network"]()
    network.eval()
    inputs = [torch.tensor(entry["values"], dtype=torch.float32).reshape(entry["shape"]) for entry in case["inputs"]]
    with torch.no_grad():
        answers[case["label"]] = network(*inputs).flatten().tolist()
print(json.dumps(answers))
`;
    const answers = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script], {
        input: JSON.stringify(cases),
        encoding: 'utf8',
        timeout: 120_000,
      }),
    ) as Record<string, number[]>;
    for (const { label, expected } of cases) {
      const theirs = answers[label] ?? [];
      expect(theirs, label).toHaveLength(expected.length);
      theirs.forEach((value, index) => expect(value, `${label} [${index}]`).toBeCloseTo(expected[index] ?? NaN, 5));
    }
  }, 120_000);
});

describe('read from model files', () => {
  /** The graph saved as tf.js saves it, then the config of its one layer changed as another writer would. */
  async function importedWith(kind: string, params: Record<string, unknown>, config: Record<string, unknown>) {
    const graph = chain(layer('Input', 'input', { shape: [4, 4, 2] }), layer(kind as never, 'probe', params as never));
    const exported = await exportTfjsModel(tf, graph, { weights: encodeWeights([]) });
    if (!exported.ok) throw new Error(exported.message);
    const json = JSON.parse(JSON.stringify(exported.modelJson)) as {
      modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    };
    const entry = json.modelTopology.config.layers.find((candidate) => candidate.class_name === kind);
    if (!entry) throw new Error(`no ${kind} in the file`);
    Object.assign(entry.config, config);
    return importTfjsModel(json, () => exported.weightsBin);
  }
  const paramsOf = (imported: Awaited<ReturnType<typeof importedWith>>) =>
    imported.ok ? imported.graph.nodes.find((node) => node.name === 'probe')?.params : imported.message;

  it('ReLU6 from tf.js and from Keras, which writes max_value as a float', async () => {
    expect(paramsOf(await importedWith('ReLU', { max_value: 6 }, {}))).toEqual({ max_value: 6 });
    expect(paramsOf(await importedWith('ReLU', {}, { max_value: 6.0 }))).toEqual({ max_value: 6 });
  });

  it('refuses a ReLU with a slope or a threshold, naming what to use instead', async () => {
    expect(paramsOf(await importedWith('ReLU', {}, { negative_slope: 0.1 }))).toBe(
      "layer 'probe' (ReLU) sets negative_slope to 0.1, which LayerLab cannot draw: tf.js’ ReLU has no slope or threshold; use LeakyReLU for a slope",
    );
  });

  it('LeakyReLU’s slope as tf.js writes it (alpha) and as Keras 3 does (negative_slope)', async () => {
    expect(paramsOf(await importedWith('LeakyReLU', { alpha: 0.7 }, {}))).toEqual({ alpha: 0.7 });
    expect(paramsOf(await importedWith('LeakyReLU', {}, { alpha: undefined, negative_slope: 0.2 }))).toEqual({
      alpha: 0.2,
    });
  });

  it('ZeroPadding2D and Cropping2D in each of Keras’ spellings: one number, a pair, or pairs', async () => {
    expect(paramsOf(await importedWith('ZeroPadding2D', {}, { padding: 2 }))).toEqual({ padding: [2, 2, 2, 2] });
    expect(paramsOf(await importedWith('ZeroPadding2D', {}, { padding: [1, 2] }))).toEqual({
      padding: [1, 1, 2, 2],
    });
    expect(
      paramsOf(
        await importedWith(
          'ZeroPadding2D',
          {},
          {
            padding: [
              [0, 1],
              [0, 1],
            ],
          },
        ),
      ),
    ).toEqual({ padding: [0, 1, 0, 1] });
    expect(paramsOf(await importedWith('Cropping2D', {}, { cropping: [1, 0] }))).toEqual({ cropping: [1, 1, 0, 0] });
  });

  it('refuses an ELU whose alpha tf.js cannot compute, and a Softmax over another axis', async () => {
    expect(paramsOf(await importedWith('ELU', {}, { alpha: 0.5 }))).toMatch(/alpha to 0\.5.*only alpha 1/);
    expect(paramsOf(await importedWith('Softmax', {}, { axis: 1 }))).toMatch(/axis to 1.*over the last axis/);
  });
});

describe('Permute’s order checked on the canvas', () => {
  it('pins an order that does not name each axis once, with an example that fits the input', () => {
    const graph = chain(layer('Input', 'input', { shape: [3, 8] }), layer('Permute', 'probe', { dims: [1, 1] }));
    const [found] = analyzeGraph(graph).problems;
    expect(found).toMatchObject({ code: 'shape.permute-dims', nodeId: 'probe' });
    expect(describeProblem(found ?? { code: 'graph.no-input', values: {} }, 'en')).toBe(
      "Permute's dims (1, 1) must list each axis from 1 to 2 once, in the new order, for an input (None, 3, 8). For example (2, 1) swaps the last two.",
    );
    const image = chain(layer('Input', 'input', { shape: [4, 5, 2] }), layer('Permute', 'probe', { dims: [2, 1] }));
    expect(describeProblem(analyzeGraph(image).problems[0] ?? { code: 'graph.no-input', values: {} }, 'en')).toContain(
      'For example (1, 3, 2) swaps the last two.',
    );
  });
});

describe('SpatialDropout1D while training', () => {
  it('drops whole features, every step of one at once, and scales the rest as Dropout does', () => {
    const compiled = compileGraph(
      chain(layer('Input', 'input', { shape: [5, 40] }), layer('SpatialDropout1D', 'probe', { rate: 0.5 })),
      tf,
      { seed: 4 },
    );
    if (!compiled.ok) throw new Error('compiles');
    const dropped = tf.tidy(() => {
      const output = compiled.model.getLayer('probe').apply(tf.ones([1, 5, 40]), { training: true }) as tf.Tensor;
      return output.arraySync() as number[][][];
    });
    const steps = dropped[0] ?? [];
    const features = Array.from({ length: 40 }, (_, feature) => steps.map((step) => step[feature]));
    // Each feature is 0 at every step or 2 (1 / (1 − 0.5)) at every step; both happen.
    for (const column of features) expect(new Set(column).size).toBe(1);
    expect(new Set(features.map((column) => column[0]))).toEqual(new Set([0, 2]));
    compiled.model.dispose();
  });
});

describe('saved as tf.js saves them, and read back', () => {
  const kinds = [
    'ReLU',
    'LeakyReLU',
    'ELU',
    'Softmax',
    'ZeroPadding2D',
    'Cropping2D',
    'DepthwiseConv2D',
    'SeparableConv2D',
    'LayerNormalization',
    'Permute',
    'SpatialDropout1D',
    'PReLU',
  ] as const;
  const examples = kinds.flatMap((kind) =>
    layerDef(kind).examples.map((example) => ({ kind, label: example.label, example })),
  );

  it.each(examples)('$label: the same settings and weights back', async ({ kind, example }) => {
    const graph = chain(
      layer('Input', 'input', { shape: [...example.input] }),
      layer(kind, 'probe', (example.params ?? {}) as never),
    );
    const compiled = compileGraph(graph, tf, { seed: 2 });
    if (!compiled.ok) throw new Error('compiles');
    const weights = compiled.model.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() }));
    compiled.model.dispose();
    const exported = await exportTfjsModel(tf, graph, { weights: encodeWeights(weights) });
    if (!exported.ok) throw new Error(exported.message);
    const imported = importTfjsModel(JSON.parse(JSON.stringify(exported.modelJson)), () => exported.weightsBin);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.nodes.find((node) => node.name === 'probe')?.params).toEqual(graph.nodes[1]?.params);
    expect(imported.trained.weights).toEqual(encodeWeights(weights));
  });
});
