/**
 * Checks plus shape inference on every edit: how long `analyzeGraph` takes on generated graphs of
 * 100, 500 and 1,000 layers. Target: under 16 ms for 500 layers (one frame at 60 Hz). Baseline,
 * run side by side: a structured clone of the same graph, the least work any edit costs.
 * Run with `npm run bench`.
 */
import { bench, describe } from 'vitest';
import { analyzeGraph } from '../shared/graph/analyze';
import { generatedGraph } from './graphs';

for (const size of [100, 500, 1000]) {
  const graph = generatedGraph(size);
  describe(`${size} layers`, () => {
    bench('analyzeGraph (checks + shapes + counts)', () => {
      analyzeGraph(graph);
    });
    bench('baseline: structuredClone of the graph', () => {
      structuredClone(graph);
    });
  });
}
