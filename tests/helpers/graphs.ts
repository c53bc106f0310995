/** Small graphs for tests, written the way a learner would wire them. */
import { newLayer, type Graph, type LayerNode, type Wire } from '../../shared/graph/types';
import type { LayerKind, ParamsOf } from '../../shared/layers/registry';

let counter = 0;

/** A layer with Keras' defaults overridden by `params`; its id and name default to `name`. */
export function layer<K extends LayerKind>(kind: K, name: string, params: Partial<ParamsOf<K>> = {}): LayerNode {
  counter += 1;
  return newLayer(kind, name, params, { x: counter * 200, y: 0 });
}

export function wire(source: string, target: string, id = `${source}->${target}`): Wire {
  return { id, source, target };
}

/** Layers wired one after the other. */
export function chain(...nodes: LayerNode[]): Graph {
  const wires = nodes.slice(1).map((node, index) => wire(nodes[index]?.id ?? '', node.id));
  return { nodes, wires };
}

/** The course's first network: next character of "hello world". */
export function lessonGraph(): Graph {
  return chain(
    layer('Input', 'input', { shape: [3, 8] }),
    layer('SimpleRNN', 'simple_rnn', { units: 50 }),
    layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
  );
}

/** Places layers on the canvas at the given points, in order. */
function placed(nodes: LayerNode[], points: readonly (readonly [number, number])[]): LayerNode[] {
  return nodes.map((node, index) => ({
    ...node,
    position: { x: points[index]?.[0] ?? 0, y: points[index]?.[1] ?? 0 },
  }));
}

/**
 * Iris read in two parts: sepal (2 measures) → Dense 8 and petal (2) → Dense 8, joined, → 3
 * classes (`sepalShape` and `petalName` to draw it wrong).
 */
export function irisInParts(sepalShape = [2], petalName = 'petal'): Graph {
  const nodes = placed(
    [
      layer('Input', 'sepal', { shape: sepalShape }),
      layer('Input', petalName, { shape: [2] }),
      layer('Dense', 'sepal_dense', { units: 8, activation: 'relu' }),
      layer('Dense', 'petal_dense', { units: 8, activation: 'relu' }),
      layer('Concatenate', 'joined'),
      layer('Dense', 'answer', { units: 3, activation: 'softmax' }),
    ],
    [
      [0, 0],
      [0, 260],
      [320, 0],
      [320, 260],
      [640, 130],
      [960, 130],
    ],
  );
  const [sepal, petal, sepalDense, petalDense, joined, answer] = nodes.map((node) => node.id);
  return {
    nodes,
    wires: [
      wire(sepal ?? '', sepalDense ?? ''),
      wire(petal ?? '', petalDense ?? ''),
      wire(sepalDense ?? '', joined ?? ''),
      wire(petalDense ?? '', joined ?? ''),
      wire(joined ?? '', answer ?? ''),
    ],
  };
}

/**
 * Iris predicted two ways: three measures → Dense 16 → kind (3 classes, softmax) and width (one
 * number) (`kindUnits` and `widthName` to draw it wrong).
 */
export function irisTwoWays(kindUnits = 3, widthName = 'width'): Graph {
  const nodes = placed(
    [
      layer('Input', 'measures', { shape: [3] }),
      layer('Dense', 'hidden', { units: 16, activation: 'relu' }),
      layer('Dense', 'kind', { units: kindUnits, activation: 'softmax' }),
      layer('Dense', widthName, { units: 1 }),
    ],
    [
      [0, 130],
      [320, 130],
      [640, 0],
      [640, 260],
    ],
  );
  const [measures, hidden, kind, width] = nodes.map((node) => node.id);
  return {
    nodes,
    wires: [wire(measures ?? '', hidden ?? ''), wire(hidden ?? '', kind ?? ''), wire(hidden ?? '', width ?? '')],
  };
}
