/**
 * Whatever a model.json holds, the importer answers: a network or a message, never an exception,
 * never its "LayerLab bug" message. Random mutations of a valid export: keys deleted, values of
 * another type, huge and negative numbers, entries doubled.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { branchedGraph } from '../../tests/helpers/tfjs-graphs';
import { analyzeGraph } from '../graph/analyze';
import { compileGraph } from '../graph/compile';
import { encodeWeights } from '../vocabulary/weights';
import { exportTfjsModel } from './export';
import { importTfjsModel } from './import';
import { graphWeights } from '../graph/weight-order';

type Path = (string | number)[];

let original = '';
let weightsBin: Uint8Array = new Uint8Array();

beforeAll(async () => {
  await tf.setBackend('cpu');
  const graph = branchedGraph();
  const compiled = compileGraph(graph, tf);
  if (!compiled.ok) throw new Error('compiles');
  const values = compiled.model.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() }));
  compiled.model.dispose();
  const exported = await exportTfjsModel(tf, graph, { weights: encodeWeights(values) });
  if (!exported.ok) throw new Error(exported.message);
  original = JSON.stringify(exported.modelJson);
  weightsBin = exported.weightsBin;
});

/** Every place in `value` a mutation can reach, the root aside. */
function pathsOf(value: unknown, path: Path = [], found: Path[] = []): Path[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      found.push([...path, index]);
      pathsOf(item, [...path, index], found);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      found.push([...path, key]);
      pathsOf(item, [...path, key], found);
    }
  }
  return found;
}

const replacements: unknown[] = [
  null,
  true,
  0,
  -1,
  0.5,
  2 ** 53,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  '../weights.bin',
  'MultiHeadAttention',
  [],
  [null],
  [[[[[[[[1]]]]]]]],
  {},
  { class_name: 'Dense', config: {} },
];

interface Mutation {
  place: number;
  operation: 'delete' | 'replace' | 'stringify' | 'double';
  replacement: number;
}

function mutate(json: unknown, mutation: Mutation): void {
  const paths = pathsOf(json);
  if (paths.length === 0) return;
  const path = paths[mutation.place % paths.length] ?? [];
  const key = path[path.length - 1];
  let parent = json as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  if (key === undefined) return;
  const value = parent[key];
  switch (mutation.operation) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
      break;
    case 'replace':
      parent[key] = replacements[mutation.replacement % replacements.length];
      break;
    case 'stringify':
      parent[key] = typeof value === 'string' ? Number(value) : JSON.stringify(value);
      break;
    case 'double':
      if (Array.isArray(parent)) parent.splice(Number(key), 0, value);
      else if (Array.isArray(value)) parent[key] = [...value, ...value];
      else parent[key] = [value, value];
      break;
  }
}

const mutationArbitrary = fc.record({
  place: fc.nat(),
  operation: fc.constantFrom('delete', 'replace', 'stringify', 'double') as fc.Arbitrary<Mutation['operation']>,
  replacement: fc.nat(),
});

describe('importTfjsModel on mutated files', () => {
  it('answers with a network or a message, never throws', () => {
    fc.assert(
      fc.property(fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), (mutations) => {
        const json: unknown = JSON.parse(original);
        for (const mutation of mutations) mutate(json, mutation);
        const result = importTfjsModel(json, (path) => (path === 'weights.bin' ? weightsBin : null));
        if (!result.ok) {
          expect(result.message.length).toBeGreaterThan(0);
          expect(result.code).not.toBe('internal');
          return;
        }
        const analysis = analyzeGraph(result.graph);
        expect(analysis.errorCount).toBe(0);
        expect(result.trained.weights.map((weight) => weight.shape)).toEqual(
          graphWeights(result.graph, analysis).map(({ weight }) => weight.shape),
        );
      }),
      { seed: 20_240_606, numRuns: 300 },
    );
  });
});
