import { describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph } from '../../tests/helpers/graphs';
import { analyzeGraph } from './analyze';
import { formatSummary, summarize } from './summary';

describe('summarize', () => {
  it('lists the lesson the way Keras prints it', () => {
    const graph = lessonGraph();
    const summary = summarize(graph, analyzeGraph(graph));
    expect(summary.rows).toEqual([
      { name: 'input', kind: 'Input', outputShape: '(None, 3, 8)', params: 0, connectedTo: [] },
      { name: 'simple_rnn', kind: 'SimpleRNN', outputShape: '(None, 50)', params: 2950, connectedTo: ['input'] },
      { name: 'dense', kind: 'Dense', outputShape: '(None, 8)', params: 408, connectedTo: ['simple_rnn'] },
    ]);
    expect(summary.complete).toBe(true);
    const text = formatSummary(summary);
    expect(text).toContain('simple_rnn (SimpleRNN)  (None, 50)');
    expect(text).toContain('Total params: 3,358');
  });

  it('names a recurrent layer run both ways as the wrapper Keras prints: Bidirectional(LSTM)', () => {
    const graph = chain(
      layer('Input', 'input', { shape: [5, 3] }),
      layer('LSTM', 'both_ways', { units: 4, bidirectional: true }),
      layer('Dense', 'dense', { units: 2 }),
    );
    const text = formatSummary(summarize(graph, analyzeGraph(graph)));
    // 2 × 4 × (3 + 4 + 1) × 4 = 256 weights, both directions.
    expect(text).toContain('both_ways (Bidirectional(LSTM))  (None, 8)');
    expect(text).toContain('256');
  });
});
