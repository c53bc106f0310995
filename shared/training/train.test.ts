import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph } from '../../tests/helpers/graphs';
import { buildDataset } from '../data/build';
import { compileGraph } from '../graph/compile';
import type { Graph } from '../graph/types';
import { defaultTrainingSettings, type TrainingSettings } from './settings';
import { trainModel } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const helloWorld = () => {
  const built = buildDataset({ kind: 'text-next-char', text: 'hello world', window: 3 });
  if (!built.ok) throw new Error('dataset');
  return built.dataset;
};

const lessonSettings: TrainingSettings = {
  ...defaultTrainingSettings,
  loss: 'sparse_categorical_crossentropy',
  metrics: ['accuracy'],
  epochs: 100,
  batch_size: 32,
};

function compiled(graph: Graph, seed = 1) {
  const result = compileGraph(graph, tf, { seed });
  if (!result.ok) throw new Error('graph must compile');
  return result.model;
}

describe('trainModel', () => {
  it('learns the course lesson: after "hel" comes "l"', async () => {
    const model = compiled(lessonGraph());
    const dataset = helloWorld();
    const epochs: number[] = [];
    const outcome = await trainModel(tf, model, dataset, lessonSettings, {
      onEpoch: (update) => epochs.push(update.logs.loss ?? NaN),
    });
    expect(outcome.status).toBe('completed');
    expect(outcome.epochsCompleted).toBe(100);
    expect(outcome.finalLogs.accuracy).toBe(1);
    expect(epochs[99]).toBeLessThan(epochs[0] ?? 0);
    const labels = dataset.target.kind === 'class' ? dataset.target.labels : [];
    const input = tf.tensor3d([[...'hel'].map((char) => labels.map((label) => (label === char ? 1 : 0)))]);
    const output = model.predict(input) as tf.Tensor;
    expect(labels[output.argMax(-1).dataSync()[0] ?? -1]).toBe('l');
    tf.dispose([input, output]);
    model.dispose();
  });

  it('stops within one batch when asked, and the next run starts cleanly', async () => {
    const dataset = helloWorld();
    const model = compiled(lessonGraph());
    let batches = 0;
    const outcome = await trainModel(
      tf,
      model,
      dataset,
      { ...lessonSettings, batch_size: 1, epochs: 50 },
      {
        onBatch: () => {
          batches += 1;
        },
        shouldStop: () => batches >= 5,
      },
    );
    expect(outcome.status).toBe('stopped');
    expect(batches).toBe(5);
    model.dispose();
    const again = compiled(lessonGraph());
    const second = await trainModel(tf, again, dataset, { ...lessonSettings, epochs: 3 });
    expect(second.status).toBe('completed');
    expect(second.epochsCompleted).toBe(3);
    again.dispose();
  });

  it('stops a diverging run within one batch, keeping the last good weights', async () => {
    const built = buildDataset({
      kind: 'sequence-next-value',
      values: [1, 1e30, 3, 1e30, 5, 6],
      window: 2,
      scale: 'none',
    });
    if (!built.ok) throw new Error('dataset');
    const model = compiled(
      chain(
        layer('Input', 'in', { shape: [2, 1] }),
        layer('SimpleRNN', 'rnn', { units: 4 }),
        layer('Dense', 'out', { units: 1 }),
      ),
    );
    const before = model.getWeights().map((weight) => Array.from(weight.dataSync()));
    let batches = 0;
    const outcome = await trainModel(
      tf,
      model,
      built.dataset,
      { ...defaultTrainingSettings, batch_size: 1, epochs: 20, learning_rate: 1 },
      {
        onBatch: () => {
          batches += 1;
        },
      },
    );
    expect(outcome.status).toBe('diverged');
    expect(outcome.detail).toMatch(/loss became (NaN|Infinity)/);
    const after = model.getWeights().map((weight) => Array.from(weight.dataSync()));
    expect(after.flat().every(Number.isFinite)).toBe(true);
    expect(after).toEqual(before);
    expect(batches).toBeLessThan(4);
    model.dispose();
  });

  it('stops early when validation stops improving, and restores the best weights', async () => {
    const values = Array.from({ length: 40 }, (_, index) => Math.sin(index / 3));
    const built = buildDataset({ kind: 'sequence-next-value', values, window: 4, scale: 'none' });
    if (!built.ok) throw new Error('dataset');
    const model = compiled(
      chain(layer('Input', 'in', { shape: [4, 1] }), layer('Flatten', 'flat'), layer('Dense', 'out', { units: 1 })),
    );
    const outcome = await trainModel(tf, model, built.dataset, {
      ...defaultTrainingSettings,
      epochs: 500,
      learning_rate: 0.5,
      validation_split: 0.3,
      early_stopping: true,
      patience: 2,
      restore_best_weights: true,
    });
    expect(outcome.status).toBe('early-stopped');
    expect(outcome.epochsCompleted).toBeLessThan(500);
    expect(outcome.finalLogs.val_loss).toBeDefined();
    model.dispose();
  });

  it('leaves no tensors behind after 50 build, fit, predict and dispose cycles', async () => {
    const dataset = helloWorld();
    const cycle = async (seed: number) => {
      const model = compiled(lessonGraph(), seed);
      await trainModel(tf, model, dataset, { ...lessonSettings, epochs: 1 });
      const input = tf.zeros([1, 3, 8]);
      const output = model.predict(input) as tf.Tensor;
      tf.dispose([input, output]);
      model.dispose();
    };
    await cycle(0);
    const baseline = tf.memory().numTensors;
    for (let round = 1; round <= 50; round += 1) await cycle(round);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('a lost GPU', () => {
  it('ends the run as interrupted, keeping the last epoch’s weights', async () => {
    const model = compiled(lessonGraph());
    let epochs = 0;
    let kept: number[][] = [];
    const outcome = await trainModel(
      tf,
      model,
      helloWorld(),
      { ...lessonSettings, batch_size: 4, epochs: 10 },
      {
        onEpoch: () => {
          epochs += 1;
          kept = model.getWeights().map((weight) => Array.from(weight.dataSync()));
        },
        isInterrupted: () => epochs >= 2,
      },
    );
    expect(outcome.status).toBe('interrupted');
    expect(outcome.epochsCompleted).toBe(2);
    expect(model.getWeights().map((weight) => Array.from(weight.dataSync()))).toEqual(kept);
    model.dispose();
  });
});

describe('speed', () => {
  it('counts the samples really trained on, not batch_size per batch', async () => {
    const model = compiled(lessonGraph());
    let clock = 0;
    // A simulated clock; 4 epochs of the lesson's 8 samples, each epoch one batch of up to 32.
    const outcome = await trainModel(
      tf,
      model,
      helloWorld(),
      { ...lessonSettings, epochs: 4 },
      { now: () => (clock += 500) },
    );
    expect(outcome.samplesPerSecond * outcome.seconds).toBeCloseTo(4 * 8, 6);
    model.dispose();
  });
});

describe('repeatability', () => {
  it('gives the same curve twice for the same seed, shuffling included', async () => {
    const values = Array.from({ length: 30 }, (_, index) => Math.sin(index / 2));
    const built = buildDataset({ kind: 'sequence-next-value', values, window: 3, scale: 'none' });
    if (!built.ok) throw new Error('dataset');
    const graph = chain(
      layer('Input', 'in', { shape: [3, 1] }),
      layer('SimpleRNN', 'rnn', { units: 6 }),
      layer('Dense', 'out', { units: 1 }),
    );
    const settings = {
      ...defaultTrainingSettings,
      epochs: 5,
      batch_size: 4,
      shuffle: true,
      validation_split: 0.2,
      seed: 9,
    };
    const run = async () => {
      const model = compiled(graph, settings.seed);
      const losses: number[] = [];
      await trainModel(tf, model, built.dataset, settings, {
        onEpoch: (update) => losses.push(update.logs.loss ?? NaN, update.logs.val_loss ?? NaN),
      });
      model.dispose();
      return losses;
    };
    const first = await run();
    expect(first).toHaveLength(10);
    expect(await run()).toEqual(first);
  });
});
