/**
 * A layer's examples (its LayerDef's `examples`) as small networks: what the tests that go through
 * every kind build, export and run, and how the exports learn which kinds they can load weights
 * into. The layer of the example is always the one named `probe`.
 */
import { defaultParamsOf, layerDef, layerKinds, type LayerKind } from '../layers/registry.js';
import type { LayerExample } from '../layers/types.js';
import type { Graph, LayerNode } from './types.js';

function node(kind: LayerKind, name: string, params: object, x: number): LayerNode {
  return {
    id: name,
    kind,
    name,
    params: { ...defaultParamsOf(kind), ...params },
    position: { x, y: 0 },
  } as LayerNode;
}

/** The network around `example`, as LayerExample describes it for each kind of input. */
export function exampleGraph(kind: LayerKind, example: LayerExample<object>): Graph {
  const params = example.params ?? {};
  const input = node('Input', 'input', { shape: [...example.input], dtype: example.dtype ?? 'float32' }, 0);
  const wire = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });
  switch (layerDef(kind).inputs) {
    case 'none':
      return {
        nodes: [node(kind, 'probe', params, 0), node('Dense', 'dense', { units: 2 }, 200)],
        wires: [wire('probe', 'dense')],
      };
    case 'one':
      return { nodes: [input, node(kind, 'probe', params, 200)], wires: [wire('input', 'probe')] };
    case 'many':
      return {
        nodes: [
          input,
          node('Dense', 'left', { units: 4 }, 200),
          node('Dense', 'right', { units: 4 }, 200),
          node(kind, 'probe', params, 400),
        ],
        wires: [wire('input', 'left'), wire('input', 'right'), wire('left', 'probe'), wire('right', 'probe')],
      };
  }
}

export interface ExampleNetwork {
  label: string;
  kind: LayerKind;
  graph: Graph;
}

/** Every example of every kind, in registry order. */
export function exampleNetworks(): ExampleNetwork[] {
  return layerKinds.flatMap((kind) =>
    layerDef(kind).examples.map((example) => ({ label: example.label, kind, graph: exampleGraph(kind, example) })),
  );
}
