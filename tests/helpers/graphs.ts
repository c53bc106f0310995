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
