/**
 * The weights a LayerLab graph's tf.js model holds, in `model.getWeights()` order, worked out
 * without building it: which weights each layer kind makes, of which shapes, and the order tf.js'
 * functional model lists its layers in. An imported model's weights are matched against this, and
 * a test holds it to what compiling the graph gives. Reads nothing but its arguments.
 */
import type { Analysis } from '../graph/analyze.js';
import { lastDim, type Shape } from '../vocabulary/shape.js';
import type { Graph, LayerNode } from '../graph/types.js';

/** One weight a layer makes: its name within the layer (`kernel`), its direction, its shape. */
export interface ExpectedWeight {
  /** `kernel`, `recurrent_kernel`, `bias`, `gamma`...: the last part of tf.js' weight name. */
  suffix: string;
  /** Which copy of a Bidirectional layer it belongs to; null for every other layer. */
  direction: 'forward' | 'backward' | null;
  shape: number[];
  /** False for BatchNormalization's moving statistics, which tf.js lists after every trainable weight. */
  trainable: boolean;
}

const gatesOf = { SimpleRNN: 1, LSTM: 4, GRU: 3 } as const;

function weights(list: readonly (readonly [string, number[]] | null)[], trainable = true): ExpectedWeight[] {
  return list.flatMap((entry) => (entry ? [{ suffix: entry[0], direction: null, shape: entry[1], trainable }] : []));
}

/** The weights of `node`, in the order its tf.js layer lists them, for inputs of `inputs` shapes. */
export function expectedWeights(node: LayerNode, inputs: readonly Shape[]): ExpectedWeight[] {
  const input = inputs[0] ?? [];
  const last = lastDim(input) ?? 0;
  switch (node.kind) {
    case 'Dense': {
      const { units, use_bias } = node.params;
      return weights([['kernel', [last, units]], use_bias ? ['bias', [units]] : null]);
    }
    case 'SimpleRNN':
    case 'LSTM':
    case 'GRU': {
      const { units, use_bias, bidirectional } = node.params;
      const width = gatesOf[node.kind] * units;
      const one = weights([
        ['kernel', [last, width]],
        ['recurrent_kernel', [units, width]],
        use_bias ? ['bias', [width]] : null,
      ]);
      if (!bidirectional) return one;
      return (['forward', 'backward'] as const).flatMap((direction) => one.map((weight) => ({ ...weight, direction })));
    }
    case 'Conv1D': {
      const { filters, kernel_size, use_bias } = node.params;
      return weights([['kernel', [kernel_size, last, filters]], use_bias ? ['bias', [filters]] : null]);
    }
    case 'Conv2D':
    case 'Conv2DTranspose': {
      const { filters, kernel_size, use_bias } = node.params;
      const [height = 1, width = 1] = kernel_size;
      // A transposed convolution's kernel maps outputs to inputs: its last two axes swap.
      const kernel = node.kind === 'Conv2D' ? [height, width, last, filters] : [height, width, filters, last];
      return weights([['kernel', kernel], use_bias ? ['bias', [filters]] : null]);
    }
    case 'BatchNormalization': {
      const { scale, center } = node.params;
      return [
        ...weights([scale ? ['gamma', [last]] : null, center ? ['beta', [last]] : null]),
        ...weights(
          [
            ['moving_mean', [last]],
            ['moving_variance', [last]],
          ],
          false,
        ),
      ];
    }
    case 'Embedding':
      return weights([['embeddings', [node.params.input_dim, node.params.output_dim]]]);
    default:
      return [];
  }
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
export function graphWeights(graph: Graph, analysis: Analysis): { node: LayerNode; weight: ExpectedWeight }[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const sources = new Map<string, string[]>();
  for (const wire of graph.wires) sources.set(wire.target, [...(sources.get(wire.target) ?? []), wire.source]);
  const all = tfjsLayerOrder(graph, analysis.outputs).flatMap((id) => {
    const node = byId.get(id);
    if (!node) return [];
    const inputs = (sources.get(id) ?? []).map((source) => analysis.nodes.get(source)?.shape ?? []);
    return expectedWeights(node, inputs).map((weight) => ({ node, weight }));
  });
  return [...all.filter(({ weight }) => weight.trainable), ...all.filter(({ weight }) => !weight.trainable)];
}
