import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph, wire } from '../../tests/helpers/graphs';
import { compileGraph } from './compile';
import type { Graph } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('compileGraph', () => {
  it('builds the course lesson with the counts and shapes the canvas shows', () => {
    const result = compileGraph(lessonGraph(), tf);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.model.countParams()).toBe(3358);
    expect(result.model.outputs[0]?.shape).toEqual([null, 8]);
    expect(result.model.layers.map((entry) => entry.name)).toEqual(['input', 'simple_rnn', 'dense']);
    const prediction = result.model.predict(tf.zeros([2, 3, 8])) as tf.Tensor;
    expect(prediction.shape).toEqual([2, 8]);
    // softmax rows sum to one
    expect(Array.from(prediction.sum(1).dataSync()).every((total) => Math.abs(total - 1) < 1e-5)).toBe(true);
    prediction.dispose();
    result.model.dispose();
  });

  it('builds branches, merges, several inputs and several outputs', () => {
    const graph: Graph = {
      nodes: [
        layer('Input', 'left', { shape: [6] }),
        layer('Input', 'right', { shape: [6] }),
        layer('Dense', 'a', { units: 4 }),
        layer('Dense', 'b', { units: 4 }),
        layer('Add', 'sum'),
        layer('Concatenate', 'joined'),
        layer('Dense', 'head_one', { units: 1 }),
        layer('Dense', 'head_two', { units: 3, activation: 'softmax' }),
      ],
      wires: [
        wire('left', 'a'),
        wire('right', 'b'),
        wire('a', 'sum'),
        wire('b', 'sum'),
        wire('sum', 'joined'),
        wire('a', 'joined'),
        wire('joined', 'head_one'),
        wire('sum', 'head_two'),
      ],
    };
    const result = compileGraph(graph, tf);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.inputNames).toEqual(['left', 'right']);
    expect(result.outputNames.sort()).toEqual(['head_one', 'head_two']);
    expect(result.model.countParams()).toBe(result.analysis.totalParams);
    result.model.dispose();
  });

  it('refuses a graph with errors, returning the same problems the canvas shows', () => {
    const result = compileGraph(chain(layer('Input', 'in', { shape: [4] }), layer('LSTM', 'lstm')), tf);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((found) => [found.code, found.nodeId])).toEqual([['shape.needs-sequence', 'lstm']]);
  });

  it('gives the same starting weights for the same seed', () => {
    const first = compileGraph(lessonGraph(), tf, { seed: 7 });
    const second = compileGraph(lessonGraph(), tf, { seed: 7 });
    const third = compileGraph(lessonGraph(), tf, { seed: 8 });
    if (!first.ok || !second.ok || !third.ok) throw new Error('lesson graph must compile');
    const weights = (result: typeof first) => result.model.getWeights().map((tensor) => Array.from(tensor.dataSync()));
    expect(weights(second)).toEqual(weights(first));
    expect(weights(third)).not.toEqual(weights(first));
    for (const result of [first, second, third]) result.model.dispose();
  });
});

describe('memory', () => {
  it('leaves no tensors behind after building and disposing models, LSTMs included', () => {
    const graph = chain(
      layer('Input', 'in', { shape: [5, 3] }),
      layer('LSTM', 'lstm', { units: 8, bidirectional: true }),
      layer('Dense', 'out', { units: 2 }),
    );
    const first = compileGraph(graph, tf);
    if (first.ok) first.model.dispose();
    const baseline = tf.memory().numTensors;
    for (let round = 0; round < 10; round += 1) {
      const result = compileGraph(graph, tf, { seed: round });
      if (!result.ok) throw new Error('graph must compile');
      result.model.dispose();
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
