/**
 * A layer's examples (its LayerDef's `examples`) as small networks: what the tests that go through
 * every kind build, export and run, and how the exports learn which kinds they can load weights
 * into. The layer of the example is always the one named `probe`.
 */
import { layerDef, layerKinds, type LayerKind } from '../layers/registry.js';
import type { LayerExample } from '../layers/types.js';
import { newLayer, type Graph } from './types.js';

/** The network around `example`, as LayerExample describes it for each kind of input. */
export function exampleGraph(kind: LayerKind, example: LayerExample<object>): Graph {
  const params = example.params ?? {};
  const input = newLayer(
    'Input',
    'input',
    { shape: [...example.input], dtype: example.dtype ?? 'float32' },
    { x: 0, y: 0 },
  );
  const wire = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });
  switch (layerDef(kind).inputs) {
    case 'none':
      return {
        nodes: [
          newLayer(kind, 'probe', params, { x: 0, y: 0 }),
          newLayer('Dense', 'dense', { units: 2 }, { x: 200, y: 0 }),
        ],
        wires: [wire('probe', 'dense')],
      };
    case 'one':
      return { nodes: [input, newLayer(kind, 'probe', params, { x: 200, y: 0 })], wires: [wire('input', 'probe')] };
    case 'many':
      return {
        nodes: [
          input,
          newLayer('Dense', 'left', { units: 4 }, { x: 200, y: 0 }),
          newLayer('Dense', 'right', { units: 4 }, { x: 200, y: 0 }),
          newLayer(kind, 'probe', params, { x: 400, y: 0 }),
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
