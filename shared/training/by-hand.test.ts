/**
 * Forward and backward by hand equals tf.js: the outputs, the loss, the gradient of every weight
 * and one step of each optimiser, to 1e-6, for the course's small networks.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { handLayersOf, maxHandWeights, targetOf, traceByHand, type HandActivation } from './by-hand';
import { createOptimizer } from './train';
import type { Loss, TrainingSettings } from './settings';

await tf.setBackend('cpu');

const tfLoss: Record<Loss, string> = {
  mean_squared_error: 'meanSquaredError',
  mean_absolute_error: 'meanAbsoluteError',
  binary_crossentropy: 'binaryCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
};

function network(inputs: number, layers: [number, HandActivation, boolean?][], seed: number): tf.LayersModel {
  const input = tf.input({ shape: [inputs] });
  let output: tf.SymbolicTensor = input;
  layers.forEach(([units, activation, useBias = true], index) => {
    output = tf.layers
      .dense({
        units,
        activation,
        useBias,
        name: `layer${index + 1}`,
        kernelInitializer: tf.initializers.randomUniform({ minval: -1, maxval: 1, seed: seed + index }),
        biasInitializer: tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed: seed + 10 + index }),
      })
      .apply(output) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs: output });
}

/** tf.js' own Keras loss function of that name, as `model.compile` resolves it. */
function compiledLoss(model: tf.LayersModel, name: string): (target: tf.Tensor, output: tf.Tensor) => tf.Tensor {
  model.compile({ optimizer: 'sgd', loss: name });
  const lossFunction = model.lossFunctions[0];
  if (!lossFunction) throw new Error('compiled');
  return lossFunction;
}

function expectClose(actual: number[], expected: ArrayLike<number>): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => expect(Math.abs(value - (expected[index] ?? Number.NaN))).toBeLessThan(1e-6));
}

const cases: {
  name: string;
  inputs: number;
  layers: [number, HandActivation, boolean?][];
  loss: Loss;
  x: number[];
  y: number[];
}[] = [
  { name: 'the perceptron (AND)', inputs: 2, layers: [[1, 'sigmoid']], loss: 'binary_crossentropy', x: [1, 1], y: [1] },
  {
    name: 'XOR 2-8-1, tanh then sigmoid',
    inputs: 2,
    layers: [
      [8, 'tanh'],
      [1, 'sigmoid'],
    ],
    loss: 'binary_crossentropy',
    x: [0, 1],
    y: [1],
  },
  {
    name: 'a regression, relu then linear, mean squared error',
    inputs: 3,
    layers: [
      [4, 'relu'],
      [2, 'linear'],
    ],
    loss: 'mean_squared_error',
    x: [0.5, -1, 2],
    y: [0.3, -0.7],
  },
  {
    name: 'mean absolute error, a layer without bias',
    inputs: 2,
    layers: [
      [3, 'tanh', false],
      [1, 'linear'],
    ],
    loss: 'mean_absolute_error',
    x: [0.2, 0.9],
    y: [2],
  },
  {
    name: 'three classes, softmax, sparse categorical cross-entropy',
    inputs: 2,
    layers: [
      [3, 'sigmoid'],
      [3, 'softmax'],
    ],
    loss: 'sparse_categorical_crossentropy',
    x: [1, -1],
    y: [2],
  },
  {
    name: 'categorical cross-entropy over sigmoid outputs, which tf.js first divides by their sum',
    inputs: 2,
    layers: [[3, 'sigmoid']],
    loss: 'categorical_crossentropy',
    x: [0.3, 0.8],
    y: [0, 0, 1],
  },
  {
    name: 'softmax with one-hot targets, categorical cross-entropy',
    inputs: 2,
    layers: [[3, 'softmax']],
    loss: 'categorical_crossentropy',
    x: [0.3, 0.8],
    y: [0, 1, 0],
  },
];

describe('forward and backward by hand, against tf.js', () => {
  it.each(cases)('$name: outputs, loss and every gradient', ({ inputs, layers, loss, x, y }) => {
    const model = network(inputs, layers, 3);
    const hand = handLayersOf(model);
    if (!hand.ok) throw new Error(hand.problem.en);
    const units = layers.at(-1)?.[0] ?? 1;
    const target = targetOf(y, units, loss);
    const trace = traceByHand(hand.layers, x, target, { optimizer: 'sgd', learning_rate: 0.1, loss }, 1e-7);

    const xs = tf.tensor2d([x]);
    const ys = loss === 'sparse_categorical_crossentropy' ? tf.tensor2d([y]) : tf.tensor2d([target]);
    const lossFunction = compiledLoss(model, tfLoss[loss]);
    const predicted = model.predict(xs) as tf.Tensor;
    expectClose(trace.forward.at(-1)?.outputs ?? [], predicted.dataSync());
    const { value, grads } = tf.variableGrads(
      () => tf.mean(lossFunction(ys, model.apply(xs) as tf.Tensor)) as tf.Scalar,
    );
    expect(Math.abs(trace.loss - (value.dataSync()[0] ?? Number.NaN))).toBeLessThan(1e-6);
    for (const layer of model.layers.slice(1)) {
      const [kernel, bias] = layer.trainableWeights.map((weight) => grads[(weight.read() as tf.Variable).name]);
      const backward = trace.backward.find((entry) => entry.name === layer.name);
      expectClose(backward?.kernelGradient.flat() ?? [], kernel?.dataSync() ?? []);
      if (bias) expectClose(backward?.biasGradient ?? [], bias.dataSync());
      else expect(backward?.biasGradient).toBeNull();
    }
    // Every gradient is used: a mutation that zeroes one layer's would fail above, and none is all zero here.
    expect(trace.backward.every((entry) => entry.kernelGradient.flat().some((g) => g !== 0))).toBe(true);
    tf.dispose([xs, ys, predicted, value, ...Object.values(grads)]);
    model.dispose();
  });

  it.each(['sgd', 'adam', 'rmsprop', 'adagrad'] as const)(
    'one step of %s from rest gives the weights tf.js gives',
    (optimizerName) => {
      const model = network(
        2,
        [
          [3, 'tanh'],
          [1, 'sigmoid'],
        ],
        11,
      );
      const hand = handLayersOf(model);
      if (!hand.ok) throw new Error(hand.problem.en);
      const settings = {
        optimizer: optimizerName,
        learning_rate: 0.05,
        loss: 'binary_crossentropy',
        momentum: 0.9,
      } as const;
      const trace = traceByHand(hand.layers, [0.4, -0.6], [1], settings, tf.backend().epsilon());
      const optimizer = createOptimizer(tf, settings as unknown as TrainingSettings);
      const xs = tf.tensor2d([[0.4, -0.6]]);
      const ys = tf.tensor2d([[1]]);
      const lossFunction = compiledLoss(model, tfLoss.binary_crossentropy);
      optimizer.minimize(() => tf.mean(lossFunction(ys, model.apply(xs) as tf.Tensor)) as tf.Scalar);
      for (const layer of model.layers.slice(1)) {
        const [kernel, bias] = layer.getWeights();
        const updated = trace.updated.find((entry) => entry.name === layer.name);
        expectClose(updated?.kernel.flat() ?? [], kernel?.dataSync() ?? []);
        expectClose(updated?.bias ?? [], bias?.dataSync() ?? []);
      }
      // The step moved every weight.
      expect(trace.updated[0]?.kernel.flat()).not.toEqual(trace.forward[0]?.kernel.flat());
      tf.dispose([xs, ys]);
      optimizer.dispose();
      model.dispose();
    },
  );

  it('refuses a network it cannot follow, saying why, in both languages', () => {
    const big = network(
      4,
      [
        [8, 'relu'],
        [1, 'sigmoid'],
      ],
      1,
    );
    expect(handLayersOf(big)).toEqual({
      ok: false,
      problem: {
        en: `Forward and backward by hand follows networks of up to ${maxHandWeights} weights; this one has 49.`,
        es: `Hacia delante y hacia atrás a mano sigue redes de hasta ${maxHandWeights} pesos; esta tiene 49.`,
      },
    });
    const elu = network(2, [[1, 'elu' as HandActivation]], 1);
    const refused = handLayersOf(elu);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problem.en).toContain('layer1 is a Dense with elu');
    big.dispose();
    elu.dispose();
  });
});
