import { describe, expect, it } from 'vitest';
import { lessonGraph } from '../../tests/helpers/graphs';
import { defaultTrainingSettings } from '../training/settings';
import { currentFormatVersion, parseProject, serializeProject, type Project } from '../project/project';
import { decodeWeights, encodeWeights, trainedSchema, type Trained } from './weights';

const lessonWeights = [
  { shape: [8, 50], values: Float32Array.from({ length: 400 }, (_, index) => Math.sin(index) / 3) },
  { shape: [50, 50], values: Float32Array.from({ length: 2500 }, (_, index) => Math.cos(index) * 1e-3) },
  { shape: [50], values: new Float32Array(50) },
  { shape: [50, 8], values: Float32Array.from({ length: 400 }, (_, index) => (index % 2 ? -1 : 1) * 3.4e38) },
  { shape: [8], values: Float32Array.of(-0, 1e-45, 0.5, -7, 1, 2, 3, -3.4e38) },
];

function trainedLesson(trained: unknown): string {
  const project: Project = {
    formatVersion: currentFormatVersion,
    name: 'Hello world',
    graph: lessonGraph(),
    data: { kind: 'text-next-char', text: 'hello world', window: 3 },
    training: { ...defaultTrainingSettings },
  };
  return serializeProject({ ...project, trained: trained as Trained });
}

describe('trained weights in a project', () => {
  it('survive a save and a load bit for bit, in order', () => {
    const trained: Trained = {
      weights: encodeWeights(lessonWeights),
      epochs: 100,
      logs: { loss: 0.071, accuracy: 1 },
      backend: 'wasm',
    };
    const loaded = parseProject(trainedLesson(trained));
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.project.trained?.epochs).toBe(100);
    const decoded = decodeWeights(loaded.project.trained ?? { weights: [] });
    expect(decoded.map((weight) => weight.shape)).toEqual(lessonWeights.map((weight) => weight.shape));
    decoded.forEach((weight, index) => expect(weight.values).toEqual(lessonWeights[index]?.values));
    expect(Object.is(decoded[4]?.values[0], -0)).toBe(true);
  });

  it('stores float32 little-endian, whatever the machine', () => {
    // 1.0f is 00 00 80 3f in little-endian order.
    expect(encodeWeights([{ shape: [1], values: [1] }])[0]?.values).toBe(
      Buffer.from([0, 0, 0x80, 0x3f]).toString('base64'),
    );
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses a project whose weights hold %s, naming the weight and the value', (shown, bad) => {
    const weights = lessonWeights.map((weight) => ({ ...weight, values: Float32Array.from(weight.values) }));
    const poisoned = weights[2];
    if (!poisoned) throw new Error('no weight');
    poisoned.values[17] = bad;
    const loaded = parseProject(
      trainedLesson({ weights: encodeWeights(weights), epochs: 1, logs: {}, backend: 'cpu' }),
    );
    expect(loaded).toEqual({
      ok: false,
      message: `trained.weights.2.values: value 17 is ${shown}; weights must be finite numbers`,
    });
  });

  it('refuses NaN in the weights a layer carries from another network', () => {
    const graph = lessonGraph();
    const dense = graph.nodes[2];
    if (!dense) throw new Error('no layer');
    graph.nodes[2] = {
      ...dense,
      carried: { from: 'base', weights: encodeWeights([{ shape: [2], values: [1, Number.NaN] }]) },
    };
    const loaded = parseProject(
      serializeProject({
        formatVersion: currentFormatVersion,
        name: 'x',
        graph,
        data: null,
        training: { ...defaultTrainingSettings },
      }),
    );
    expect(loaded).toEqual({
      ok: false,
      message: 'graph.nodes.2.carried.weights.0.values: value 1 is NaN; weights must be finite numbers',
    });
  });

  it('keeps projects without them opening as before', () => {
    const loaded = parseProject(trainedLesson(undefined));
    expect(loaded.ok && loaded.project.trained).toBe(undefined);
  });

  const valid = () => ({
    weights: encodeWeights([{ shape: [2], values: [1, 2] }]),
    epochs: 1,
    logs: { loss: 1 },
    backend: 'cpu',
  });

  it.each([
    [
      'a log that is not finite',
      (trained: ReturnType<typeof valid>) => ({ ...trained, logs: { loss: '1e999' } }),
      'trained.logs.loss',
    ],
    [
      'a zero in a shape',
      (trained: ReturnType<typeof valid>) => ({ ...trained, weights: [{ ...trained.weights[0], shape: [0] }] }),
      'trained.weights.0.shape.0',
    ],
    [
      'a fraction in a shape',
      (trained: ReturnType<typeof valid>) => ({ ...trained, weights: [{ ...trained.weights[0], shape: [1.5] }] }),
      'trained.weights.0.shape.0',
    ],
    [
      'values that are not base64',
      (trained: ReturnType<typeof valid>) => ({ ...trained, weights: [{ shape: [2], values: 'AAAA!AAAAAA=' }] }),
      'trained.weights.0.values',
    ],
    [
      'values that do not fill the shape',
      (trained: ReturnType<typeof valid>) => ({ ...trained, weights: [{ ...trained.weights[0], shape: [3] }] }),
      'trained.weights.0.values',
    ],
  ])('refuses %s, naming the place', (_name, spoil, where) => {
    const text = trainedLesson(spoil(valid())).replace('"1e999"', '1e999');
    const loaded = parseProject(text);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.message.startsWith(`${where}:`)).toBe(true);
  });

  it('allows at most 32 million values in all, judged from the shapes before the text', () => {
    const weights = Array.from({ length: 2 }, () => ({ shape: [4_000, 4_001], values: '' }));
    const result = trainedSchema.safeParse({ weights, epochs: 1, logs: {}, backend: 'cpu' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['weights', '32,008,000 weights, more than the 32,000,000 a project may hold'],
    ]);
  });
});
