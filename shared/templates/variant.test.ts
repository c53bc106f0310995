import { describe, expect, it } from 'vitest';
import { chain, layer } from '../../tests/helpers/graphs';
import { buildDataset } from '../data/build';
import { analyzeGraph } from '../graph/analyze';
import { checkDataFit } from '../training/modes/index';
import { defaultTrainingSettings } from '../training/settings';
import { changeLayer, parseTemplate, variantGraph } from './template';

describe('a variant that changes layers', () => {
  const graph = chain(
    layer('Input', 'input', { shape: [3, 8] }),
    layer('SimpleRNN', 'memory', { units: 50, dropout: 0.2 }),
    layer('Dense', 'output', { units: 8, activation: 'softmax' }),
  );

  it('swaps a kind in place, keeping the settings both kinds share, its name and its wires', () => {
    const changed = variantGraph(graph, [{ layer: 'memory', kind: 'LSTM' }]);
    const memory = changed.nodes[1];
    expect(memory).toMatchObject({ id: 'memory', name: 'memory', kind: 'LSTM' });
    expect(memory?.params).toMatchObject({ units: 50, dropout: 0.2, recurrent_activation: 'sigmoid' });
    expect(changed.wires).toBe(graph.wires);
    expect(analyzeGraph(changed).totalParams).toBe(4 * (50 * (8 + 50) + 50) + 50 * 8 + 8);
  });

  it('changes settings alone, and leaves other layers as they are', () => {
    const output = graph.nodes[2];
    if (!output) throw new Error('no output');
    expect(changeLayer(output, { layer: 'output', params: { activation: 'relu' } }).params).toMatchObject({
      units: 8,
      activation: 'relu',
    });
    const changed = variantGraph(graph, [{ layer: 'output', params: { units: 4 } }]);
    expect(changed.nodes[0]).toBe(graph.nodes[0]);
    expect(changed.nodes[1]).toBe(graph.nodes[1]);
  });

  it('must name layers the template has', () => {
    const template = {
      templateVersion: 1,
      id: 'x',
      module: 4,
      lesson: '4.2',
      order: 1,
      title: { es: 'x', en: 'x' },
      summary: { es: 'x', en: 'x' },
      graph,
      data: { kind: 'text-next-char', text: 'hello world', window: 3 },
      training: { ...defaultTrainingSettings, metrics: [] },
      steps: [{ title: { es: 'x', en: 'x' }, body: { es: 'x', en: 'x' } }],
      expected: { input: 'hel', answer: 'l' },
      variants: [
        {
          id: 'lstm',
          label: { es: 'x', en: 'x' },
          layers: [{ layer: 'rnn', kind: 'LSTM' }],
          expected: { input: 'hel', answer: 'l' },
        },
      ],
    };
    expect(parseTemplate('x.json', template)).toEqual({
      ok: false,
      name: 'x.json',
      message: 'variants.0.layers.0.layer: no layer is called rnn',
    });
    const unknownKind = {
      ...template,
      variants: [{ ...template.variants[0], layers: [{ layer: 'memory', kind: 'Transformer' }] }],
    };
    expect(parseTemplate('y.json', unknownKind)).toMatchObject({ ok: false, message: /unknown layer kind/ });
  });
});

describe('an Embedding too small for the data’s words', () => {
  it('is pinned to the layer, with input_dim set to the vocabulary’s size as the fix', () => {
    const built = buildDataset({
      kind: 'text-class',
      examples: [
        { text: 'a good film', label: 'yes' },
        { text: 'a bad film', label: 'no' },
      ],
      length: 3,
    });
    if (!built.ok) throw new Error('dataset');
    const graph = chain(
      layer('Input', 'input', { shape: [3], dtype: 'int32' }),
      layer('Embedding', 'embedding', { input_dim: 4, output_dim: 2 }),
      layer('Flatten', 'flatten'),
      layer('Dense', 'dense', { units: 2, activation: 'softmax' }),
    );
    const settings = { ...defaultTrainingSettings, loss: 'sparse_categorical_crossentropy' as const };
    const problems = checkDataFit(graph, analyzeGraph(graph), built.dataset, settings);
    // <pad>, <unknown>, a, film, bad, good: 6 indices.
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'data.embedding-vocabulary',
        nodeId: 'embedding',
        fix: { kind: 'set-param', nodeId: 'embedding', param: 'input_dim', value: 6 },
      }),
    ]);
  });
});
