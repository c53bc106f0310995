import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fuseRecurrent, fuseRecurrentLayers, stepThrough, type FusedCell } from './fused-recurrent';
import { defaultParamsOf, layerDef } from './registry';

beforeAll(async () => {
  setWasmPaths(`${path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`);
  await tf.setBackend('wasm');
});

type RecurrentArgs = Parameters<typeof tf.layers.lstm>[0];

const factories: Record<FusedCell, (args: RecurrentArgs) => tf.layers.Layer> = {
  simpleRNN: (args) => tf.layers.simpleRNN(args),
  lstm: (args) => tf.layers.lstm(args),
  gru: (args) => tf.layers.gru(args),
};

const cases: { name: string; cell: FusedCell; input: [number, number, number]; args: RecurrentArgs }[] = [
  { name: 'LSTM, last state', cell: 'lstm', input: [5, 7, 3], args: { units: 6, recurrentActivation: 'sigmoid' } },
  {
    name: 'LSTM, every state, read backwards',
    cell: 'lstm',
    input: [4, 6, 5],
    args: { units: 3, recurrentActivation: 'sigmoid', returnSequences: true, goBackwards: true },
  },
  {
    name: 'LSTM without bias, ReLU',
    cell: 'lstm',
    input: [3, 5, 2],
    args: { units: 4, activation: 'relu', recurrentActivation: 'sigmoid', useBias: false, returnSequences: true },
  },
  { name: 'GRU, last state', cell: 'gru', input: [5, 8, 3], args: { units: 6, recurrentActivation: 'sigmoid' } },
  {
    name: 'GRU, every state, tanh gates',
    cell: 'gru',
    input: [3, 4, 6],
    args: { units: 5, recurrentActivation: 'tanh', returnSequences: true },
  },
  // tf.js' own default gates, and Keras' before 2.3: what recurrent models saved from tf.js use.
  {
    name: 'LSTM, hard sigmoid gates',
    cell: 'lstm',
    input: [4, 6, 3],
    args: { units: 5, recurrentActivation: 'hardSigmoid' },
  },
  {
    name: 'GRU, hard sigmoid gates, every state',
    cell: 'gru',
    input: [4, 6, 3],
    args: { units: 4, recurrentActivation: 'hardSigmoid', returnSequences: true },
  },
  { name: 'SimpleRNN, last state', cell: 'simpleRNN', input: [6, 9, 4], args: { units: 7 } },
  {
    name: 'SimpleRNN, every state, ReLU, backwards',
    cell: 'simpleRNN',
    input: [2, 5, 3],
    args: { units: 4, activation: 'relu', returnSequences: true, goBackwards: true },
  },
];

/** The layer's output, and the gradients of a weighted sum of it for its input and each weight. */
function outputAndGradients(layer: tf.layers.Layer, x: tf.Tensor, probe: tf.Tensor) {
  return tf.tidy(() => {
    const output = (layer.apply(x) as tf.Tensor).arraySync();
    const loss = () => tf.sum(tf.mul(layer.apply(x) as tf.Tensor, probe)) as tf.Scalar;
    const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input) as tf.Tensor, probe)))(x);
    const { grads } = tf.variableGrads(loss);
    const weights = layer.trainableWeights.map((weight) => grads[weight.name]?.arraySync());
    return { output, dx: dx.arraySync(), weights };
  });
}

/** Every number of a nested array, flat. */
function flat(values: unknown): number[] {
  return Array.isArray(values) ? values.flatMap(flat) : [values as number];
}

function expectClose(actual: unknown, expected: unknown) {
  const a = flat(actual);
  const e = flat(expected);
  expect(a.length).toBe(e.length);
  const worst = Math.max(
    ...a.map((value, index) => Math.abs(value - (e[index] ?? Number.NaN)) / Math.max(1, Math.abs(e[index] ?? 0))),
  );
  expect(worst).toBeLessThan(2e-5);
}

describe('recurrent layers fused into one operation on WASM', () => {
  it.each(cases)('$name: the same outputs and gradients as tf.js’ own cell', ({ cell, input, args }) => {
    const stock = factories[cell]({ ...args, returnSequences: args.returnSequences ?? false });
    const fused = factories[cell]({ ...args });
    const x = tf.randomNormal(input, 0, 1, 'float32', 7);
    stock.apply(x);
    fused.apply(x);
    // Weights large enough that the gates leave their linear middle.
    fused.setWeights(
      stock.getWeights().map((weight, index) => tf.randomNormal(weight.shape, 0, 0.8, 'float32', index + 1)),
    );
    stock.setWeights(fused.getWeights());
    fuseRecurrent(tf, fused, cell);

    const outputShape = (stock.apply(x) as tf.Tensor).shape;
    const probe = tf.randomNormal(outputShape, 0, 1, 'float32', 11);
    const theirs = outputAndGradients(stock, x, probe);
    const ours = outputAndGradients(fused, x, probe);
    expect(ours.weights).toHaveLength(stock.trainableWeights.length);
    expectClose(ours.output, theirs.output);
    expectClose(ours.dx, theirs.dx);
    ours.weights.forEach((gradient, index) => expectClose(gradient, theirs.weights[index]));
  });

  it('runs a step as a few kernels instead of a dozen, and leaves the CPU backend to tf.js', async () => {
    const x = tf.randomNormal([4, 20, 3]);
    const stock = tf.layers.lstm({ units: 8, recurrentActivation: 'sigmoid' });
    const fused = tf.layers.lstm({ units: 8, recurrentActivation: 'sigmoid' });
    fuseRecurrent(tf, fused, 'lstm');
    // Built first: making the weights runs kernels of its own.
    stock.apply(x);
    fused.apply(x);
    const kernels = async (layer: tf.layers.Layer) =>
      (await tf.profile(() => layer.apply(x) as tf.Tensor)).kernels.length;
    const theirs = await kernels(stock);
    const ours = await kernels(fused);
    // tf.js: about ten kernels for each of the 20 steps; fused: one product and its copies a step.
    expect(theirs).toBeGreaterThan(200);
    expect(ours).toBeLessThan(theirs / 3);
    await tf.setBackend('cpu');
    const onCpu = await kernels(fused);
    await tf.setBackend('wasm');
    expect(onCpu).toBeGreaterThan(200);
  });

  it('LayerLab’s Bidirectional LSTM fuses both directions and agrees with tf.js’ own', () => {
    const x = tf.randomNormal([3, 6, 4], 0, 1, 'float32', 3);
    const params = { ...defaultParamsOf('LSTM'), units: 5, bidirectional: true, return_sequences: true };
    let seed = 1;
    const context = { tf, name: 'bi', inputs: [[null, 6, 4]], nextSeed: () => seed++ };
    const ours = layerDef('LSTM').build(params as never, context);
    const theirs = tf.layers.bidirectional({
      layer: tf.layers.lstm({ units: 5, recurrentActivation: 'sigmoid', returnSequences: true }) as never,
    });
    ours.apply(x);
    theirs.apply(x);
    theirs.setWeights(ours.getWeights());
    const probe = tf.randomNormal([3, 6, 10], 0, 1, 'float32', 5);
    const expected = outputAndGradients(theirs, x, probe);
    const actual = outputAndGradients(ours, x, probe);
    expectClose(actual.output, expected.output);
    expectClose(actual.dx, expected.dx);
    actual.weights.forEach((gradient, index) => expectClose(gradient, expected.weights[index]));
  });

  it('fuses a bare tf.js model’s recurrent layers, both directions of a Bidirectional', async () => {
    const model = () =>
      tf.sequential({
        layers: [
          tf.layers.gru({ units: 4, returnSequences: true, inputShape: [12, 3], recurrentActivation: 'sigmoid' }),
          tf.layers.bidirectional({ layer: tf.layers.simpleRNN({ units: 3 }) as never }),
          tf.layers.dense({ units: 2 }),
        ],
      });
    const stock = model();
    const fused = model();
    fuseRecurrentLayers(tf, fused);
    fused.setWeights(stock.getWeights());
    const x = tf.randomNormal([2, 12, 3], 0, 1, 'float32', 9);
    const profiled = async (network: tf.LayersModel) => {
      let output: number[][] = [];
      const { kernels } = await tf.profile(() => {
        const y = network.predict(x) as tf.Tensor2D;
        output = y.arraySync();
        return y;
      });
      return { kernels: kernels.length, output };
    };
    const theirs = await profiled(stock);
    const ours = await profiled(fused);
    expectClose(ours.output, theirs.output);
    expect(ours.kernels).toBeLessThan(theirs.kernels / 3);
  });
});

describe('a recurrent layer stepped through one sequence', () => {
  /** The layer built and given weights big enough to leave the gates' linear middle. */
  function builtLayer(cell: FusedCell, args: RecurrentArgs, sequence: tf.Tensor2D): tf.layers.Layer {
    const layer = factories[cell]({ ...args, returnSequences: true });
    layer.apply(sequence.expandDims(0));
    layer.setWeights(
      layer.getWeights().map((weight, index) => tf.randomNormal(weight.shape, 0, 0.8, 'float32', index + 20)),
    );
    return layer;
  }

  it.each([
    { cell: 'lstm' as const, args: { units: 4, recurrentActivation: 'sigmoid' as const } },
    { cell: 'lstm' as const, args: { units: 3, recurrentActivation: 'sigmoid' as const, goBackwards: true } },
    { cell: 'gru' as const, args: { units: 5, recurrentActivation: 'sigmoid' as const } },
    { cell: 'simpleRNN' as const, args: { units: 6 } },
  ])('$cell $args.goBackwards: each step’s state is the one tf.js outputs, and the gates make it', ({ cell, args }) => {
    const sequence = tf.randomNormal([7, 3], 0, 1, 'float32', 4) as tf.Tensor2D;
    const layer = builtLayer(cell, args, sequence);
    const steps = stepThrough(tf, layer, cell, sequence);
    if (!steps) throw new Error('no steps');
    const theirs = (layer.apply(sequence.expandDims(0)) as tf.Tensor3D).arraySync()[0];
    expect(steps.states).toHaveLength(7);
    expect(steps.backwards).toBe(args.goBackwards === true);
    expectClose(steps.states, theirs);
    const gate = (name: string) => steps.gates.find((entry) => entry.name === name)?.values ?? [];
    if (cell === 'lstm') {
      expect(steps.gates.map((entry) => entry.name)).toEqual(['input', 'forget', 'candidate', 'output']);
      const memory = steps.memory ?? [];
      steps.states.forEach((state, t) =>
        state.forEach((h, j) => {
          const c =
            (gate('forget')[t]?.[j] ?? 0) * (memory[t - 1]?.[j] ?? 0) +
            (gate('input')[t]?.[j] ?? 0) * (gate('candidate')[t]?.[j] ?? 0);
          expect(memory[t]?.[j]).toBeCloseTo(c, 5);
          expect(h).toBeCloseTo((gate('output')[t]?.[j] ?? 0) * Math.tanh(c), 5);
        }),
      );
    } else if (cell === 'gru') {
      expect(steps.gates.map((entry) => entry.name)).toEqual(['update', 'reset', 'candidate']);
      steps.states.forEach((state, t) =>
        state.forEach((h, j) => {
          const z = gate('update')[t]?.[j] ?? 0;
          expect(h).toBeCloseTo(z * (steps.states[t - 1]?.[j] ?? 0) + (1 - z) * (gate('candidate')[t]?.[j] ?? 0), 5);
        }),
      );
    } else {
      expect(steps.gates).toEqual([]);
      expect(steps.memory).toBeNull();
    }
  });

  it('answers null for an activation it has no form for, and leaves no tensor behind', () => {
    const sequence = tf.randomNormal([4, 2], 0, 1, 'float32', 6) as tf.Tensor2D;
    const elu = builtLayer('simpleRNN', { units: 3, activation: 'elu' }, sequence);
    expect(stepThrough(tf, elu, 'simpleRNN', sequence)).toBeNull();
    const lstm = builtLayer('lstm', { units: 3, recurrentActivation: 'sigmoid' }, sequence);
    const before = tf.memory().numTensors;
    stepThrough(tf, lstm, 'lstm', sequence);
    expect(tf.memory().numTensors).toBe(before);
  });
});
