/**
 * SLOW (about 40 s): a project without data (an imported model, or a network drawn and trained
 * elsewhere) exported as a program that builds the network, loads its trained weights from
 * weights.bin and answers one input. TypeScript: type-checked strictly and run with tsx; PyTorch:
 * run on Debian's torch; both answer the made-up sample and a sample given with --input as
 * LayerLab's own tf.js model with the same weights does. Keras: parsed (TensorFlow is not here).
 */
import { execFile, execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKeras } from '../shared/codegen/keras';
import type { ExportSource } from '../shared/codegen/plan';
import { exportPytorch } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import { analyzeGraph } from '../shared/graph/analyze';
import { compileGraph } from '../shared/graph/compile';
import type { Graph } from '../shared/graph/types';
import { createRandom } from '../shared/math/random';
import { defaultTrainingSettings } from '../shared/training/settings';
import { encodeWeights, type Trained } from '../shared/vocabulary/weights';
import { describeProblem } from '../shared/vocabulary/problems';
import { exportFolder, runExportedProgram } from './helpers/exported-program';
import { chain, layer, wire } from './helpers/graphs';

const run = promisify(execFile);
const python = '/usr/bin/python3';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The graph's model with weights drawn from `seed` (uniform in ±0.5), as trained weights, and the model to ask. */
function trainedModel(graph: Graph, seed: number): { trained: Trained; model: tf.LayersModel } {
  const compiled = compileGraph(graph, tf);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const random = createRandom(seed);
  const weights = compiled.model.getWeights().map((weight) => ({
    shape: weight.shape,
    // Moving variances stay positive.
    values: Array.from({ length: weight.size }, () => random() * 0.5 + (weight.shape.length === 1 ? 0.5 : -0.25)),
  }));
  compiled.model.setWeights(weights.map((weight) => tf.tensor(weight.values, weight.shape)));
  return {
    trained: { weights: encodeWeights(weights), epochs: 0, logs: {}, backend: 'imported' },
    model: compiled.model,
  };
}

/** The `OUTPUT [...]` line a program without data prints. */
function outputOf(stdout: string): unknown {
  const line = stdout.split('\n').find((entry) => entry.startsWith('OUTPUT '));
  if (line === undefined) throw new Error(`no OUTPUT line in:\n${stdout}`);
  return JSON.parse(line.slice('OUTPUT '.length));
}

/** Flat numbers of a nested answer. */
const flat = (value: unknown): number[] => (Array.isArray(value) ? value.flatMap(flat) : [value as number]);

function expectClose(theirs: unknown, ours: number[], digits: number): void {
  const values = flat(theirs);
  expect(values).toHaveLength(ours.length);
  values.forEach((value, index) => expect(value).toBeCloseTo(ours[index] ?? Number.NaN, digits));
}

/** The made-up sample every language gives an Input of `shape`: (i × 37 mod 101) / 100, or i × 37 mod `below`. */
function madeUp(shape: number[], below: number | null): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: size }, (_, i) => (below === null ? ((i * 37) % 101) / 100 : (i * 37) % below));
  return tf.tensor(values, [1, ...shape], below === null ? 'float32' : 'int32');
}

/** LayerLab's answer for the inputs, flat, output after output. */
function answerOf(model: tf.LayersModel, inputs: tf.Tensor[]): number[] {
  const answer = model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs);
  return (Array.isArray(answer) ? answer : [answer]).flatMap((part) => [...part.dataSync()]);
}

interface Case {
  title: string;
  graph: Graph;
  samples: { shape: number[]; below: number | null }[];
}

const cases: Case[] = [
  {
    title: 'an image classifier (Conv2D, BatchNormalization, pooling, Dense)',
    graph: chain(
      layer('Input', 'image', { shape: [8, 8, 1] }),
      layer('Conv2D', 'conv', { filters: 4, kernel_size: [3, 3], activation: 'relu' }),
      layer('BatchNormalization', 'norm'),
      layer('MaxPooling2D', 'pool'),
      layer('Flatten', 'flat'),
      layer('Dense', 'classes', { units: 3, activation: 'softmax' }),
    ),
    samples: [{ shape: [8, 8, 1], below: null }],
  },
  {
    title: 'a MobileNet block (ZeroPadding2D, DepthwiseConv2D, ReLU6, a 1×1 Conv2D), a SeparableConv2D, global pooling',
    graph: chain(
      layer('Input', 'image', { shape: [9, 9, 3] }),
      layer('ZeroPadding2D', 'pad', { padding: [0, 1, 0, 1] }),
      layer('DepthwiseConv2D', 'depthwise', { strides: [2, 2], depth_multiplier: 2, use_bias: false }),
      layer('BatchNormalization', 'depthwise_norm'),
      layer('ReLU', 'depthwise_relu', { max_value: 6 }),
      layer('Conv2D', 'pointwise', { filters: 4, kernel_size: [1, 1] }),
      layer('SeparableConv2D', 'separable', { filters: 3, padding: 'same', depth_multiplier: 2 }),
      layer('GlobalAveragePooling2D', 'pool'),
      layer('Dense', 'classes', { units: 2, activation: 'softmax' }),
    ),
    samples: [{ shape: [9, 9, 3], below: null }],
  },
  {
    title: 'a text model (Embedding, LSTM, Dense) fed token indices, of any length (None)',
    graph: chain(
      layer('Input', 'tokens', { shape: [null], dtype: 'int32' }),
      layer('Embedding', 'embedding', { input_dim: 20, output_dim: 4 }),
      layer('LSTM', 'lstm', { units: 6 }),
      layer('Dense', 'next', { units: 2, activation: 'softmax' }),
    ),
    // A sequence of 10 made up (openSampleLength); the one given with --input is as long.
    samples: [{ shape: [10], below: 20 }],
  },
  {
    title: 'two Inputs joined, normalised (LayerNormalization), a learned PReLU, two outputs',
    graph: {
      nodes: [
        layer('Input', 'left', { shape: [3] }),
        layer('Input', 'right', { shape: [2] }),
        layer('Concatenate', 'joined'),
        layer('Dense', 'hidden', { units: 4, activation: 'tanh' }),
        layer('LayerNormalization', 'norm'),
        layer('PReLU', 'prelu'),
        layer('Dense', 'score', { units: 1 }),
        layer('Dense', 'kind', { units: 2, activation: 'softmax' }),
      ],
      wires: [
        wire('left', 'joined'),
        wire('right', 'joined'),
        wire('joined', 'hidden'),
        wire('hidden', 'norm'),
        wire('norm', 'prelu'),
        wire('prelu', 'score'),
        wire('prelu', 'kind'),
      ],
    },
    samples: [
      { shape: [3], below: null },
      { shape: [2], below: null },
    ],
  },
];

describe.each(cases)('$title, without data', ({ graph, samples }) => {
  let folder = '';
  let source: ExportSource;
  let ours: number[] = [];
  let oursGiven: number[] = [];
  // A sample of the learner's own, given with --input: the made-up one reversed.
  let given: unknown;
  beforeAll(async () => {
    folder = await exportFolder('layerlab-model-only-');
    const { trained, model } = trainedModel(graph, 7);
    source = { name: 'Imported "model"', graph, data: null, training: defaultTrainingSettings, trained };
    const made = samples.map((sample) => madeUp(sample.shape, sample.below));
    ours = answerOf(model, made);
    const reversed = made.map((tensor) => tf.reverse(tensor.reshape([-1])).reshape(tensor.shape));
    oursGiven = answerOf(model, reversed);
    const nested = reversed.map((tensor) => (tensor.arraySync() as unknown[])[0]);
    given = samples.length === 1 ? nested[0] : nested;
    await writeFile(path.join(folder, 'sample.json'), JSON.stringify(given));
    model.dispose();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript loads weights.bin and answers as LayerLab does, made-up sample or given', async () => {
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    if (!exported.weights) throw new Error('no weights file');
    await writeFile(path.join(folder, 'weights.bin'), exported.weights);
    const stdout = await runExportedProgram(exported.files, folder);
    expectClose(outputOf(stdout), ours, 5);
    const { stdout: answered } = await run(
      path.join(process.cwd(), 'node_modules', '.bin', 'tsx'),
      ['model.ts', '--input', 'sample.json'],
      {
        cwd: folder,
      },
    );
    expectClose(outputOf(answered), oursGiven, 5);
  }, 120_000);

  it('PyTorch turns the weights into its layout and answers as LayerLab does', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error(exported.problems.map((found) => describeProblem(found, 'en')).join('\n'));
    if (!exported.weights) throw new Error('no weights file');
    await writeFile(path.join(folder, 'weights.bin'), exported.weights);
    await writeFile(path.join(folder, 'model_torch.py'), exported.code);
    const { stdout } = await run(python, ['model_torch.py'], { cwd: folder, timeout: 60_000 });
    expectClose(outputOf(stdout), ours, 5);
    const { stdout: answered } = await run(python, ['model_torch.py', '--input', 'sample.json'], { cwd: folder });
    expectClose(outputOf(answered), oursGiven, 5);
  }, 120_000);

  it('Keras builds the model, sets every layer’s weights from weights.bin, and parses', () => {
    const exported = exportKeras(source);
    if (!exported.ok) throw new Error('refused');
    expect(exported.weights?.byteLength).toBe(
      source.trained?.weights.reduce((sum, weight) => sum + weight.shape.reduce((a, b) => a * b, 1) * 4, 0),
    );
    const counts = analyzeGraph(graph).nodes;
    const weighted = graph.nodes.filter((node) => (counts.get(node.id)?.params ?? 0) > 0);
    expect(weighted.length).toBeGreaterThan(0);
    for (const node of weighted) expect(exported.code).toContain(`model.get_layer("${node.name}").set_weights(`);
    expect(exported.code).not.toContain('model.fit(');
    execFileSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: exported.code });
  });
});

describe('a program without data, refusing what would not run', () => {
  const graph = cases[0]?.graph ?? { nodes: [], wires: [] };

  it('an untrained network exports too: built from its seed, no weights file', async () => {
    const source: ExportSource = { name: 'Drawn', graph, data: null, training: defaultTrainingSettings };
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    expect(exported.weights).toBeUndefined();
    expect(exported.files['model.ts']).not.toContain('weights.bin');
    const keras = exportKeras(source);
    expect(keras.ok && keras.weights === undefined).toBe(true);
  });

  it('trained weights that do not fit the network are refused, saying so', () => {
    const { trained, model } = trainedModel(graph, 3);
    model.dispose();
    const source: ExportSource = {
      name: 'Edited',
      graph,
      data: null,
      training: defaultTrainingSettings,
      trained: { ...trained, weights: trained.weights.slice(1) },
    };
    const exported = exportKeras(source);
    expect(exported.ok).toBe(false);
    if (exported.ok) return;
    expect(exported.weightsProblem?.en).toMatch(
      /^The trained weights do not fit the network \(\d+ weights for a network of \d+\)/,
    );

    // As many weights, one of another shape (a layer's units changed by hand): named.
    const reshaped = trained.weights.map((weight, index) =>
      index === 0 ? { ...weight, shape: [...weight.shape].reverse() } : weight,
    );
    const edited = exportKeras({ ...source, trained: { ...trained, weights: reshaped } });
    expect(edited.ok ? 'exported' : edited.weightsProblem?.en).toMatch(
      /^The trained weights do not fit the network \(conv's kernel is \[3, 3, 1, 4\], the weights give \[4, 1, 3, 3\]\)/,
    );
  });
});
