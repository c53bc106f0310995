import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph, wire } from '../../tests/helpers/graphs';
import { branchedGraph, embeddingGraph, imageGraph } from '../../tests/helpers/tfjs-graphs';
import { analyzeGraph } from './analyze';
import { compileGraph } from './compile';
import type { Graph } from './types';
import { carriedFromTrained, graphWeights, tfjsLayerOrder } from './weight-order';
import { encodeWeights } from '../vocabulary/weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** What compiling gives: each weight's layer, name and shape, in `model.getWeights()` order. */
function compiledWeights(graph: Graph) {
  const compiled = compileGraph(graph, tf);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const layers = compiled.model.layers.map((modelLayer) => modelLayer.name);
  const weights = compiled.model.weights.map((variable) => ({ name: variable.originalName, shape: variable.shape }));
  compiled.model.dispose();
  return { layers, weights };
}

const graphs: [string, () => Graph][] = [
  ['the lesson', lessonGraph],
  ['a branched network', branchedGraph],
  ['an image network', imageGraph],
  ['an embedding', embeddingGraph],
  [
    'two inputs and two outputs',
    () => ({
      nodes: [
        layer('Input', 'a', { shape: [3] }),
        layer('Input', 'b', { shape: [2] }),
        layer('Dense', 'da', { units: 2 }),
        layer('Concatenate', 'cat'),
        layer('Dense', 'first', { units: 1 }),
        layer('Dense', 'second', { units: 3, use_bias: false }),
      ],
      wires: [wire('a', 'da'), wire('b', 'cat'), wire('da', 'cat'), wire('cat', 'first'), wire('da', 'second')],
    }),
  ],
];

describe('graphWeights', () => {
  it.each(graphs)('lists %s’s weights as the compiled model holds them', (_, make) => {
    const graph = make();
    const analysis = analyzeGraph(graph);
    const ours = graphWeights(graph, analysis);
    const theirs = compiledWeights(graph);
    expect(ours.map(({ weight }) => weight.shape)).toEqual(theirs.weights.map((weight) => weight.shape));
    ours.forEach(({ node, weight }, index) => {
      const name = theirs.weights[index]?.name ?? '';
      expect(name.startsWith(`${node.name}/`)).toBe(true);
      expect(name.endsWith(`/${weight.suffix}`)).toBe(true);
      if (weight.direction) expect(name).toContain(`/${weight.direction}_`);
    });
  });

  it.each(graphs)('orders %s’s layers as tf.js does', (_, make) => {
    const graph = make();
    const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
    const order = tfjsLayerOrder(graph, analyzeGraph(graph).outputs).map((id) => names.get(id));
    expect(order).toEqual(compiledWeights(graph).layers);
  });

  it('walks a chain of 3,000 layers without running out of stack', () => {
    const nodes = [
      layer('Input', 'input', { shape: [2] }),
      ...Array.from({ length: 3000 }, (_, index) => layer('Activation', `act_${index}`)),
    ];
    const graph = chain(...nodes);
    expect(tfjsLayerOrder(graph, ['act_2999'])).toHaveLength(3001);
  });
});

describe('carriedFromTrained', () => {
  it.each(graphs)(
    '%s: every layer carries its own trained weights, and the network built from them answers as the trained one',
    (_title, make) => {
      const graph = make();
      const trained = compileGraph(graph, tf, { seed: 9 });
      if (!trained.ok) throw new Error('compiles');
      const weights = encodeWeights(
        trained.model.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() })),
      );
      const carried = carriedFromTrained(graph, analyzeGraph(graph), { weights }, 'a test');
      const withCarried: Graph = {
        ...graph,
        nodes: graph.nodes.map((node) => (carried[node.name] ? { ...node, carried: carried[node.name] } : node)),
      };
      const rebuilt = compileGraph(withCarried, tf, { seed: 1 });
      if (!rebuilt.ok) throw new Error('compiles');
      const inputs = trained.model.inputs.map((input) =>
        tf
          .randomUniform([2, ...input.shape.slice(1).map((size) => size ?? 1)], 0, 3, 'float32', 4)
          .floor()
          .cast(input.dtype),
      );
      const answer = (model: tf.LayersModel) =>
        [model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)]
          .flat()
          .flatMap((out) => [...out.dataSync()]);
      expect(answer(rebuilt.model)).toEqual(answer(trained.model));
      tf.dispose(inputs);
      trained.model.dispose();
      rebuilt.model.dispose();
    },
  );
});
