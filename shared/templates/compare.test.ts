import { describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph, wire } from '../../tests/helpers/graphs';
import type { Graph } from '../graph/types';
import { compareGraphs, describeDifference, type Difference } from './compare';

const describeAll = (differences: Difference[], language: 'en' | 'es') =>
  differences.map((difference) => describeDifference(difference, language));

describe('compareGraphs', () => {
  it('finds nothing between the lesson and a copy of it', () => {
    expect(compareGraphs(lessonGraph(), lessonGraph())).toEqual([]);
  });

  it('names a parameter set otherwise, with both values', () => {
    const yours = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('SimpleRNN', 'simple_rnn', { units: 32 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    expect(compareGraphs(yours, lessonGraph())).toEqual([
      { kind: 'param', name: 'simple_rnn', layerKind: 'SimpleRNN', param: 'units', yours: 32, lesson: 50 },
    ]);
  });

  it('compares arrays by their values', () => {
    const yours = chain(
      layer('Input', 'input', { shape: [3, 1] }),
      layer('SimpleRNN', 'simple_rnn', { units: 50 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    expect(compareGraphs(yours, lessonGraph())).toEqual([
      { kind: 'param', name: 'input', layerKind: 'Input', param: 'shape', yours: [3, 1], lesson: [3, 8] },
    ]);
    expect(compareGraphs(lessonGraph(), lessonGraph())).toEqual([]);
  });

  it('reports a deleted layer once, not the wires that went with it', () => {
    const yours = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    expect(compareGraphs(yours, lessonGraph())).toEqual([
      { kind: 'missing-layer', layerKind: 'SimpleRNN', name: 'simple_rnn' },
      // The learner wired around the missing layer: that wire is not in the lesson.
      { kind: 'extra-wire', from: 'input', to: 'dense' },
    ]);
  });

  it('finds a missing wire', () => {
    const lesson = lessonGraph();
    const yours: Graph = { nodes: lesson.nodes, wires: lesson.wires.slice(0, 1) };
    expect(compareGraphs(yours, lesson)).toEqual([{ kind: 'missing-wire', from: 'simple_rnn', to: 'dense' }]);
  });

  it('finds an extra layer, and the lesson wire it cut', () => {
    const yours = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('SimpleRNN', 'simple_rnn', { units: 50 }),
      layer('Dropout', 'dropout', { rate: 0.2 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    expect(compareGraphs(yours, lessonGraph())).toEqual([
      { kind: 'missing-wire', from: 'simple_rnn', to: 'dense' },
      { kind: 'extra-layer', layerKind: 'Dropout', name: 'dropout' },
    ]);
  });

  it('matches renamed layers by kind, and names the learner’s layer', () => {
    const yours = chain(
      layer('Input', 'x', { shape: [3, 8] }),
      layer('SimpleRNN', 'memory', { units: 32 }),
      layer('Dense', 'out', { units: 8, activation: 'softmax' }),
    );
    expect(compareGraphs(yours, lessonGraph())).toEqual([
      { kind: 'param', name: 'memory', layerKind: 'SimpleRNN', param: 'units', yours: 32, lesson: 50 },
    ]);
  });

  it('pairs renamed layers of one kind in data-flow order, not in the order they were drawn', () => {
    const lesson = chain(
      layer('Input', 'input', { shape: [4] }),
      layer('Dense', 'dense', { units: 16, activation: 'relu' }),
      layer('Dense', 'dense_1', { units: 1 }),
    );
    // Drawn output first: the array order is the reverse of the flow.
    const yours: Graph = {
      nodes: [
        layer('Dense', 'last', { units: 1 }),
        layer('Dense', 'hidden', { units: 16, activation: 'relu' }),
        layer('Input', 'features', { shape: [4] }),
      ],
      wires: [wire('features', 'hidden'), wire('hidden', 'last')],
    };
    expect(compareGraphs(yours, lesson)).toEqual([]);
  });

  it('prefers the layer of the same name and kind, wherever it sits', () => {
    const lesson = chain(
      layer('Input', 'input', { shape: [4] }),
      layer('Dense', 'dense', { units: 16 }),
      layer('Dense', 'dense_1', { units: 1 }),
    );
    const yours = chain(
      layer('Input', 'input', { shape: [4] }),
      layer('Dense', 'dense', { units: 16 }),
      layer('Dense', 'extra', { units: 4 }),
      layer('Dense', 'dense_1', { units: 1 }),
    );
    expect(compareGraphs(yours, lesson)).toEqual([
      { kind: 'missing-wire', from: 'dense', to: 'dense_1' },
      { kind: 'extra-layer', layerKind: 'Dense', name: 'extra' },
    ]);
  });

  it('does not match a layer of another kind, even by name', () => {
    const yours = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('LSTM', 'simple_rnn', { units: 50 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    expect(compareGraphs(yours, lessonGraph()).map((difference) => difference.kind)).toEqual([
      'missing-layer',
      'extra-layer',
    ]);
  });

  it('lists missing layers, parameters, missing wires, extra layers, extra wires, in that order', () => {
    const lesson = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('SimpleRNN', 'simple_rnn', { units: 50 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    const yours: Graph = {
      nodes: [
        layer('Dense', 'dense', { units: 8, activation: 'relu' }),
        layer('Input', 'input', { shape: [3, 8] }),
        layer('Dropout', 'dropout'),
      ],
      wires: [wire('input', 'dense'), wire('dense', 'dropout')],
    };
    expect(compareGraphs(yours, lesson)).toEqual([
      { kind: 'missing-layer', layerKind: 'SimpleRNN', name: 'simple_rnn' },
      { kind: 'param', name: 'dense', layerKind: 'Dense', param: 'activation', yours: 'relu', lesson: 'softmax' },
      { kind: 'extra-layer', layerKind: 'Dropout', name: 'dropout' },
      { kind: 'extra-wire', from: 'input', to: 'dense' },
    ]);
  });
});

describe('describeDifference', () => {
  const differences: Difference[] = [
    { kind: 'missing-layer', layerKind: 'SimpleRNN', name: 'simple_rnn' },
    { kind: 'param', name: 'simple_rnn', layerKind: 'SimpleRNN', param: 'units', yours: 32, lesson: 50 },
    { kind: 'param', name: 'dropout', layerKind: 'Dropout', param: 'rate', yours: 0.25, lesson: 0.5 },
    { kind: 'param', name: 'rnn', layerKind: 'SimpleRNN', param: 'return_sequences', yours: true, lesson: false },
    { kind: 'param', name: 'input', layerKind: 'Input', param: 'shape', yours: [3, 1], lesson: [null, 8] },
    { kind: 'missing-wire', from: 'simple_rnn', to: 'dense' },
    { kind: 'extra-layer', layerKind: 'Dropout', name: 'dropout' },
    { kind: 'extra-wire', from: 'input', to: 'dense' },
  ];

  it('says each difference in English', () => {
    expect(describeAll(differences, 'en')).toEqual([
      'Missing layer: SimpleRNN (simple_rnn in the lesson).',
      'simple_rnn: units is 32; the lesson uses 50.',
      'dropout: rate is 0.25; the lesson uses 0.5.',
      'rnn: return_sequences is True; the lesson uses False.',
      'input: shape is [3, 1]; the lesson uses [None, 8].',
      'Missing wire: simple_rnn → dense.',
      'Extra layer: Dropout (dropout).',
      'Extra wire: input → dense.',
    ]);
  });

  it('says each difference in Spanish, with a decimal comma', () => {
    expect(describeAll(differences, 'es')).toEqual([
      'Falta una capa: SimpleRNN (simple_rnn en la lección).',
      'simple_rnn: units vale 32; la lección usa 50.',
      'dropout: rate vale 0,25; la lección usa 0,5.',
      'rnn: return_sequences vale True; la lección usa False.',
      'input: shape vale [3, 1]; la lección usa [None, 8].',
      'Falta la conexión simple_rnn → dense.',
      'Capa de más: Dropout (dropout).',
      'Sobra la conexión input → dense.',
    ]);
  });

  it('words a whole comparison: the lesson with units changed and the output unwired', () => {
    const lesson = lessonGraph();
    const yours = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('SimpleRNN', 'simple_rnn', { units: 32 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    yours.wires.pop();
    const found = compareGraphs(yours, lesson);
    expect(describeAll(found, 'en')).toEqual([
      'simple_rnn: units is 32; the lesson uses 50.',
      'Missing wire: simple_rnn → dense.',
    ]);
    expect(describeAll(found, 'es')).toEqual([
      'simple_rnn: units vale 32; la lección usa 50.',
      'Falta la conexión simple_rnn → dense.',
    ]);
  });
});
