/** Small graphs for tests, written the way a learner would wire them. */
import type { Graph, LayerNode, Wire } from '../../shared/graph/types';
import { defaultParamsOf, type LayerKind, type ParamsOf } from '../../shared/layers/registry';

let counter = 0;

/** A layer with Keras' defaults overridden by `params`; its id and name default to `name`. */
export function layer<K extends LayerKind>(kind: K, name: string, params: Partial<ParamsOf<K>> = {}): LayerNode {
  counter += 1;
  return {
    id: name,
    kind,
    name,
    params: { ...defaultParamsOf(kind), ...params },
    position: { x: counter * 200, y: 0 },
  } as LayerNode;
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
