/**
 * The network against its data: a class loss needs an output that gives probabilities. The
 * course's own slip (Dense(8) left linear under sparse categorical cross-entropy) trained to 12.5 %
 * and showed negative "percentages"; each such mismatch is pinned to the output layer with a fix.
 */
import { describe, expect, it } from 'vitest';
import { chain, layer } from '../../tests/helpers/graphs';
import { buildDataset, type Dataset } from '../data/build';
import type { DataSpec } from '../data/spec';
import { analyzeGraph } from '../graph/analyze';
import { describeProblem } from '../vocabulary/problems';
import type { Graph } from '../graph/types';
import { checkDataFit } from './modes/index';
import { decodeAnswer, displayLabel } from './predict';
import { defaultTrainingSettings, type Loss } from './settings';

const hello: DataSpec = { kind: 'text-next-char', text: 'hello world', window: 3 };
const xor: DataSpec = {
  kind: 'table',
  columns: ['a', 'b'],
  rows: [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ],
  target: 'class',
};

function dataset(spec: DataSpec): Dataset {
  const built = buildDataset(spec);
  if (!built.ok) throw new Error('data');
  return built.dataset;
}

function seedNetwork(activation: string, units = 8): Graph {
  return chain(
    layer('Input', 'input', { shape: [3, 8] }),
    layer('SimpleRNN', 'simple_rnn', { units: 50 }),
    layer('Dense', 'dense', { units, activation: activation as never }),
  );
}

const problemsOf = (graph: Graph, spec: DataSpec, loss: Loss) =>
  checkDataFit(graph, analyzeGraph(graph), dataset(spec), { ...defaultTrainingSettings, loss });

describe('a class loss needs probabilities from the output', () => {
  it.each(['linear', 'relu', 'sigmoid', 'tanh'])(
    'sparse categorical cross-entropy on a %s output: pinned to it, fixed with softmax',
    (activation) => {
      const [found] = problemsOf(seedNetwork(activation), hello, 'sparse_categorical_crossentropy');
      expect(found).toMatchObject({
        code: 'data.output-activation',
        nodeId: 'dense',
        severity: 'error',
        param: 'activation',
      });
      expect(found?.fix).toEqual({ kind: 'set-param', nodeId: 'dense', param: 'activation', value: 'softmax' });
      expect(describeProblem(found ?? { code: 'data.output-activation', values: {} }, 'en')).toBe(
        `sparse_categorical_crossentropy compares probabilities, but dense ends with ${activation}, so what it gives are not probabilities: they can be negative or above 1, and need not add up to 1. Set its activation to softmax.`,
      );
    },
  );

  it('binary cross-entropy on one softmax or linear unit: fixed with sigmoid', () => {
    const graph = (activation: string) =>
      chain(
        layer('Input', 'input', { shape: [2] }),
        layer('Dense', 'out', { units: 1, activation: activation as never }),
      );
    for (const activation of ['softmax', 'linear']) {
      const found = problemsOf(graph(activation), xor, 'binary_crossentropy');
      expect(found.map((problem) => [problem.code, problem.fix])).toEqual([
        ['data.output-activation', { kind: 'set-param', nodeId: 'out', param: 'activation', value: 'sigmoid' }],
      ]);
    }
    expect(problemsOf(graph('sigmoid'), xor, 'binary_crossentropy')).toEqual([]);
  });

  it('mean squared error on class labels asks for a class loss', () => {
    const found = problemsOf(seedNetwork('softmax'), hello, 'mean_squared_error');
    expect(found.map((problem) => problem.code)).toEqual(['data.loss-for-classes']);
  });

  it('looks through a Dropout after the output layer, and accepts the course network as it is', () => {
    const graph = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('SimpleRNN', 'simple_rnn', { units: 50 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
      layer('Dropout', 'dropout', { rate: 0.1 }),
    );
    expect(problemsOf(graph, hello, 'sparse_categorical_crossentropy')).toEqual([]);
    expect(problemsOf(seedNetwork('softmax'), hello, 'sparse_categorical_crossentropy')).toEqual([]);
    const linear = chain(
      ...(graph.nodes.map((node) =>
        node.id === 'dense' ? { ...node, params: { ...node.params, activation: 'linear' } } : node,
      ) as [never]),
    );
    expect(problemsOf(linear, hello, 'sparse_categorical_crossentropy')[0]).toMatchObject({
      nodeId: 'dense',
      code: 'data.output-activation',
    });
  });
});

describe('the playground shows percentages only for probabilities', () => {
  const data = dataset(hello);
  it('reads softmax outputs as probabilities, and a linear layer’s as scores', () => {
    const softmax = [0.05, 0.7, 0.05, 0.05, 0.05, 0.04, 0.03, 0.03];
    expect(decodeAnswer(data, softmax)).toMatchObject({ kind: 'classes', probabilities: true });
    const linear = [-0.073, 2.5, 0.4, 0.1, -1.2, 0.3, 0.2, 0.1];
    const answer = decodeAnswer(data, linear);
    expect(answer).toMatchObject({ kind: 'classes', probabilities: false });
    expect(answer.kind === 'classes' && answer.top[0]).toEqual({ label: 'd', probability: 2.5 });
  });

  it('shows a space as ␣ and other invisible labels quoted', () => {
    expect(displayLabel(' ')).toBe('␣');
    expect(displayLabel('l')).toBe('l');
    expect(displayLabel('\n')).toBe('"\\n"');
    expect(displayLabel('a b')).toBe('"a b"');
  });
});
