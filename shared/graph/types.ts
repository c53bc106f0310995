/** The network a learner draws, as plain data. Reads nothing but its arguments. */
import type { LayerKind, ParamsOf } from '../layers/registry.js';

export interface Position {
  x: number;
  y: number;
}

/** One layer on the canvas, discriminated on `kind` so its parameters are typed. */
export type LayerNode = {
  [K in LayerKind]: {
    id: string;
    kind: K;
    /** The Keras layer name, unique in the graph: `dense`, `dense_1`. */
    name: string;
    params: ParamsOf<K>;
    position: Position;
  };
}[LayerKind];

/** A wire carries the output of `source` into an input of `target`. */
export interface Wire {
  id: string;
  source: string;
  target: string;
}

export interface Graph {
  nodes: LayerNode[];
  wires: Wire[];
}
