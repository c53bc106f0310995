/**
 * The compiler: a valid graph becomes a tf.js LayersModel through the functional API, so branches,
 * merges, several inputs and several outputs all work. The tf.js module is passed in, so this file
 * loads in the UI without pulling tf.js into it. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import { layerDef } from '../layers/registry.js';
import type { TfModule } from '../layers/types.js';
import { createRandom } from '../math/random.js';
import { decodeWeights } from '../vocabulary/weights.js';
import type { Analysis } from './analyze.js';
import { checkGraph, isChecked, type CheckedGraph } from './checked.js';
import { severityOf, type Problem } from '../vocabulary/problems.js';
import type { Graph, LayerNode } from './types.js';

export interface CompileOptions {
  /** Seeds every initialiser, so the same graph and seed give the same starting weights. */
  seed?: number;
  /** Name of the model (Keras' `Model(name=...)`). */
  name?: string;
}

export type CompileResult =
  | { ok: true; model: Tf.LayersModel; analysis: Analysis; inputNames: string[]; outputNames: string[] }
  | { ok: false; problems: Problem[]; analysis: Analysis };

/** Whether the output of `node` carries a mask (from an Embedding with mask_zero) in tf.js: its layer's rule. */
function carriesMask(node: LayerNode, inputsMasked: boolean): boolean {
  return layerDef(node.kind).carriesMask?.(node.params as never, inputsMasked) ?? false;
}

/**
 * tf.js' executor keeps one set of call arguments for a whole run, so once a layer has read a
 * masked tensor, every layer run after it gets that mask too. A recurrent layer would apply it
 * to its own, unmasked sequence: to the wrong steps, or past the mask's end, which throws. Keras
 * drops a mask at the first layer that does not support masking; make this layer ignore it.
 */
function ignoreStaleMask(layer: Tf.layers.Layer): void {
  const call = layer.call.bind(layer);
  layer.call = (inputs, kwargs) => call(inputs, { ...kwargs, mask: undefined });
}

/**
 * Gives each layer that carries trained weights those weights. The analysis has checked their
 * count; a layer whose tensors are shaped otherwise (a Dense of 4×8 where 8×4 was trained) is
 * refused here, pinned to the layer, rather than loaded scrambled.
 */
function setCarriedWeights(model: Tf.LayersModel, graph: Graph, tf: TfModule): Problem[] {
  const refused: Problem[] = [];
  for (const node of graph.nodes) {
    if (!node.carried) continue;
    const layer = model.getLayer(node.name);
    const expected = layer.weights.map((weight) => weight.shape);
    const carried = decodeWeights(node.carried);
    const fits =
      expected.length === carried.length &&
      expected.every((shape, index) => shape.join(',') === (carried[index]?.shape ?? []).join(','));
    if (!fits) {
      const count = (shapes: readonly (readonly (number | null)[])[]) =>
        shapes.map((shape) => `(${shape.join(', ')})`).join(' ');
      refused.push({
        code: 'layer.carried-mismatch',
        severity: severityOf('layer.carried-mismatch'),
        nodeId: node.id,
        wireIds: [],
        values: {
          name: node.name,
          from: node.carried.from,
          carried: count(carried.map((w) => w.shape)),
          params: count(expected),
        },
        fix: { kind: 'drop-carried', nodeId: node.id },
      });
      continue;
    }
    const tensors = carried.map((weight) => tf.tensor(weight.values, weight.shape));
    layer.setWeights(tensors);
    for (const tensor of tensors) tensor.dispose();
  }
  return refused;
}

/**
 * Builds the model, or returns the errors that stop it (the same ones the canvas shows). A checked
 * graph is built from its analysis; a plain one is checked first.
 */
export function compileGraph(source: Graph | CheckedGraph, tf: TfModule, options: CompileOptions = {}): CompileResult {
  const result = isChecked(source) ? { ok: true as const, checked: source } : checkGraph(source);
  if (!result.ok) return result;
  const { graph, analysis } = result.checked;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const random = createRandom(options.seed ?? 42);
  const nextSeed = () => Math.floor(random() * 2 ** 31);
  const incoming = new Map<string, string[]>();
  for (const wire of graph.wires) incoming.set(wire.target, [...(incoming.get(wire.target) ?? []), wire.source]);

  try {
    // Some tf.js initialisers (LSTM's unit_forget_bias) leave intermediate tensors behind; the
    // weights themselves are variables, which tidy keeps.
    let model: Tf.LayersModel | undefined;
    tf.tidy(() => {
      const tensors = new Map<string, Tf.SymbolicTensor>();
      const masked = new Set<string>();
      const anyMask = graph.nodes.some((node) => carriesMask(node, false));
      for (const id of analysis.order) {
        const node = byId.get(id);
        if (!node) continue;
        const sources = incoming.get(id) ?? [];
        const inputs = sources.map((source) => tensors.get(source)).filter((tensor) => tensor !== undefined);
        const inputShapes = sources.map((source) => analysis.nodes.get(source)?.shape ?? []);
        const layer = layerDef(node.kind).build(node.params as never, {
          tf,
          name: node.name,
          inputs: inputShapes,
          nextSeed,
        });
        if (node.frozen === true) layer.trainable = false;
        const inputsMasked = sources.some((source) => masked.has(source));
        if (carriesMask(node, inputsMasked)) masked.add(id);
        if (anyMask && layerDef(node.kind).traits?.recurrent && !inputsMasked) ignoreStaleMask(layer);
        if (node.kind === 'Input') {
          // What tf.input() does: an InputLayer's only node carries its symbolic tensor.
          const tensor = layer.inboundNodes[0]?.outputTensors[0];
          if (tensor) tensors.set(id, tensor);
          continue;
        }
        const output = layer.apply(inputs.length === 1 ? (inputs[0] as Tf.SymbolicTensor) : inputs);
        tensors.set(id, Array.isArray(output) ? (output[0] as Tf.SymbolicTensor) : (output as Tf.SymbolicTensor));
      }
      const inputTensors = analysis.inputs.map((id) => tensors.get(id)).filter((tensor) => tensor !== undefined);
      const outputTensors = analysis.outputs.map((id) => tensors.get(id)).filter((tensor) => tensor !== undefined);
      model = tf.model({ inputs: inputTensors, outputs: outputTensors, name: options.name ?? 'layerlab' });
    });
    if (!model) throw new Error('the model was not built');
    const refused = setCarriedWeights(model, graph, tf);
    if (refused.length > 0) {
      model.dispose();
      return { ok: false, problems: refused, analysis };
    }
    return {
      ok: true,
      model,
      analysis,
      inputNames: analysis.inputs.map((id) => byId.get(id)?.name ?? id),
      outputNames: analysis.outputs.map((id) => byId.get(id)?.name ?? id),
    };
  } catch (thrown) {
    // The checks accepted a graph tf.js refused: a LayerLab bug, reported rather than crashing.
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    const found: Problem = {
      code: 'graph.internal-error',
      severity: severityOf('graph.internal-error'),
      nodeId: null,
      wireIds: [],
      values: { detail },
    };
    return { ok: false, problems: [found], analysis };
  }
}
