/**
 * The weights a LayerLab graph's tf.js model holds, in `model.getWeights()` order, worked out
 * without building it: which weights each layer kind makes, of which shapes, and the order tf.js'
 * functional model lists its layers in (each layer's own `weights`, in shared/layers/). An imported
 * model's weights are matched against this, an export without data loads them layer by layer from
 * it, and a test holds it to what compiling the graph gives. Reads nothing but its arguments.
 */
import type { Analysis } from './analyze.js';
import type { Shape } from '../vocabulary/shape.js';
import { layerDef } from '../layers/registry.js';
import type { LayerWeight } from '../layers/types.js';
import type { CarriedWeights, Graph, LayerNode } from './types.js';

/** The weights of `node`, in the order its tf.js layer lists them, for inputs of `inputs` shapes: its layer's own account. */
export function expectedWeights(node: LayerNode, inputs: readonly Shape[]): LayerWeight[] {
  return layerDef(node.kind).weights?.(inputs, node.params as never) ?? [];
}

/**
 * Node ids in the order tf.js' functional model (`tf.model`) lists its layers, as compileGraph
 * builds it: deepest first (the longest way to an output), ties in the order a depth-first walk
 * from the outputs, through each layer's inputs in wire order, first meets them. This is tf.js'
 * Container constructor, for graphs where every layer is called once.
 */
export function tfjsLayerOrder(graph: Graph, outputs: readonly string[]): string[] {
  const incoming = new Map<string, string[]>();
  for (const wire of graph.wires) incoming.set(wire.target, [...(incoming.get(wire.target) ?? []), wire.source]);
  const firstSeen = new Map<string, number>();
  const finished = new Set<string>();
  const postOrder: string[] = [];
  // Iterative, so a chain of thousands of layers cannot overflow the stack.
  for (const output of outputs) {
    const stack: { id: string; next: number }[] = [];
    const onStack = new Set<string>();
    const enter = (id: string) => {
      if (finished.has(id) || onStack.has(id)) return;
      if (!firstSeen.has(id)) firstSeen.set(id, firstSeen.size);
      stack.push({ id, next: 0 });
      onStack.add(id);
    };
    enter(output);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (!frame) break;
      const sources = incoming.get(frame.id) ?? [];
      const source = sources[frame.next];
      if (source !== undefined) {
        frame.next += 1;
        enter(source);
        continue;
      }
      stack.pop();
      onStack.delete(frame.id);
      finished.add(frame.id);
      postOrder.push(frame.id);
    }
  }
  const depth = new Map<string, number>();
  for (const id of [...postOrder].reverse()) {
    const own = depth.get(id) ?? 0;
    depth.set(id, own);
    for (const source of incoming.get(id) ?? []) depth.set(source, Math.max(depth.get(source) ?? 0, own + 1));
  }
  return [...postOrder].sort(
    (a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0) || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0),
  );
}

/**
 * Every weight of the graph's model in `model.getWeights()` order, with the node it belongs to:
 * as tf.js' model lists them, the trainable weights of every layer in layer order, then the others.
 */
export function graphWeights(graph: Graph, analysis: Analysis): { node: LayerNode; weight: LayerWeight }[] {
  return orderedWeights(graph, analysis).map(({ node, weight }) => ({ node, weight }));
}

/**
 * Each layer's weights in its own order (the order Keras' `set_weights` takes them), as positions
 * in `model.getWeights()`: how a program that loads layer by layer finds a layer's trained weights.
 * Layers without weights are left out.
 */
export function weightPositionsByNode(graph: Graph, analysis: Analysis): Map<string, number[]> {
  const positions = new Map<string, { own: number; position: number }[]>();
  orderedWeights(graph, analysis).forEach(({ node, own }, position) => {
    positions.set(node.id, [...(positions.get(node.id) ?? []), { own, position }]);
  });
  return new Map(
    [...positions].map(([id, entries]) => [id, entries.sort((a, b) => a.own - b.own).map((entry) => entry.position)]),
  );
}

/** The weights in `model.getWeights()` order, each with its node and its index among its layer's own. */
function orderedWeights(graph: Graph, analysis: Analysis): { node: LayerNode; weight: LayerWeight; own: number }[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const sources = new Map<string, string[]>();
  for (const wire of graph.wires) sources.set(wire.target, [...(sources.get(wire.target) ?? []), wire.source]);
  const all = tfjsLayerOrder(graph, analysis.outputs).flatMap((id) => {
    const node = byId.get(id);
    if (!node) return [];
    const inputs = (sources.get(id) ?? []).map((source) => analysis.nodes.get(source)?.shape ?? []);
    return expectedWeights(node, inputs).map((weight, own) => ({ node, weight, own }));
  });
  return [...all.filter(({ weight }) => weight.trainable), ...all.filter(({ weight }) => !weight.trainable)];
}

/**
 * A whole network's trained weights (`model.getWeights()` order, as a project keeps them) handed
 * to its layers as weights each carries (`from` names where they came from), by layer name: what
 * lets an imported model train on from its own weights, some layers frozen (transfer learning).
 * Layers without weights get none.
 */
export function carriedFromTrained(
  graph: Graph,
  analysis: Analysis,
  trained: { weights: readonly CarriedWeights['weights'][number][] },
  from: string,
): Record<string, CarriedWeights> {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  return Object.fromEntries(
    [...weightPositionsByNode(graph, analysis)].flatMap(([id, positions]) => {
      const node = byId.get(id);
      const weights = positions.flatMap((position) => trained.weights[position] ?? []);
      return node && weights.length === positions.length ? [[node.name, { from, weights }]] : [];
    }),
  );
}
