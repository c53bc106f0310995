/** The network a learner draws, as plain data. Reads nothing but its arguments. */
import { defaultParamsOf, isLayerKind, type LayerKind, type ParamsOf } from '../layers/registry.js';
import type { EncodedWeight } from '../vocabulary/weights.js';

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
    /** Keras' `trainable = False`: training leaves this layer's weights as they are. */
    frozen?: boolean;
    /** Trained weights the layer starts from instead of drawn ones, carried from another network. */
    carried?: CarriedWeights;
    /**
     * A GAN's generator ends here: the layers up to this one make an image from noise, the layers
     * after it (the discriminator) say whether an image is real. Set on one layer at most.
     */
    generatorEnd?: boolean;
  };
}[LayerKind];

/**
 * Weights trained elsewhere (a base lesson, another project) that a layer starts from: transfer
 * learning. In tf.js' `layer.getWeights()` order, which is Keras' `get_weights()` order.
 */
export interface CarriedWeights {
  /** Where they were trained, for the learner: a lesson's title or a project's name. */
  from: string;
  weights: EncodedWeight[];
}

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

/**
 * A layer read from a file, with the settings its kind gained since the file was written filled in
 * with their defaults (a Dense from before `kernel_l2` has none). Settings it has are kept as they
 * are, good or bad, for the analysis to check and pin.
 */
export function withDefaultParams(node: {
  id: string;
  kind: string;
  name: string;
  params: Record<string, unknown>;
  position: Position;
  frozen?: boolean;
  carried?: CarriedWeights;
  generatorEnd?: boolean;
}): LayerNode {
  const defaults = isLayerKind(node.kind) ? (defaultParamsOf(node.kind) as Record<string, unknown>) : {};
  return { ...node, params: { ...defaults, ...node.params } } as LayerNode;
}

/** A new layer of `kind` with Keras' defaults, `params` over them; its id is its name. */
export function newLayer(
  kind: LayerKind,
  name: string,
  params: object = {},
  position: Position = { x: 0, y: 0 },
): LayerNode {
  return { id: name, kind, name, params: { ...defaultParamsOf(kind), ...params }, position } as LayerNode;
}
