/**
 * Exporting a trained network as a tf.js layers model: the `model.json` and `weights.bin` that
 * `tf.loadLayersModel` reads, written by tf.js' own `model.save` from the compiled graph with the
 * project's trained weights set. LayerLab's fast orthogonal initialiser saves as tf.js' own
 * `Orthogonal`, so plain tf.js loads the file. The tf.js module is passed in; reads nothing but its
 * arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import { compileGraph } from '../graph/compile.js';
import type { Problem } from '../vocabulary/problems.js';
import type { Graph } from '../graph/types.js';
import type { CheckedGraph } from '../graph/checked.js';
import type { TfModule } from '../layers/types.js';
import { decodeWeights, type Trained } from '../vocabulary/weights.js';
import { layersModelFormat, weightsFileName, type TfjsModelJson, type WeightSpec } from './model-json.js';
import { formatDims } from '../layers/import-refusals.js';

export type TfjsExport =
  | { ok: true; modelJson: TfjsModelJson; weightsBin: Uint8Array }
  /** The network has errors (`problems`, as the canvas shows them), or the weights do not fit it. */
  | { ok: false; message: string; problems: Problem[] };

const refused = (message: string, problems: Problem[] = []): TfjsExport => ({ ok: false, message, problems });

type Decoded = ReturnType<typeof decodeWeights>;

/** Why `weights` cannot be set on `model`, or null when each has the shape of its variable. */
function misfit(model: Tf.LayersModel, weights: Decoded): string | null {
  const variables = model.weights;
  if (weights.length !== variables.length) {
    return `the trained weights do not fit the network: it has ${variables.length} weight tensors, the project ${weights.length}; train it again`;
  }
  for (const [index, weight] of weights.entries()) {
    const variable = variables[index];
    if (!variable || variable.shape.join() !== weight.shape.join()) {
      return `the trained weights do not fit the network: ${variable?.originalName ?? `weight ${index}`} is ${formatDims(variable?.shape ?? [])}, the project has ${formatDims(weight.shape)}; train it again`;
    }
    if (!weight.values.every(Number.isFinite)) {
      return `the trained weight ${variable.originalName} holds values that are not finite numbers; train it again`;
    }
  }
  return null;
}

/** tf.js' `model.save`, caught in memory. */
async function saveArtifacts(tf: TfModule, model: Tf.LayersModel): Promise<Tf.io.ModelArtifacts> {
  let captured: Tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      captured = artifacts;
      return {
        modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ modelTopology: artifacts.modelTopology ?? {} }),
      };
    }),
  );
  if (!captured) throw new Error('tf.js saved nothing');
  return captured;
}

/**
 * The tf.js layers model of `graph` with `trained`'s weights: `model.json` (format `layers-model`,
 * one manifest group whose file is `weights.bin`) and the bytes of `weights.bin`. Refuses a graph
 * with errors and weights that do not fit it.
 */
export async function exportTfjsModel(
  tf: TfModule,
  graph: Graph | CheckedGraph,
  trained: Pick<Trained, 'weights'>,
): Promise<TfjsExport> {
  let weights: Decoded;
  try {
    weights = decodeWeights(trained);
  } catch (thrown) {
    return refused(`the trained weights cannot be read: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
  const compiled = compileGraph(graph, tf);
  if (!compiled.ok) return refused('the network has errors: fix them before exporting', compiled.problems);
  const model = compiled.model;
  try {
    const problem = misfit(model, weights);
    if (problem !== null) return refused(problem);
    const tensors = weights.map((weight) => tf.tensor(weight.values, weight.shape, 'float32'));
    try {
      model.setWeights(tensors);
    } finally {
      tf.dispose(tensors);
    }
    const artifacts = await saveArtifacts(tf, model);
    const specs: WeightSpec[] = (artifacts.weightSpecs ?? []).map((spec) => ({
      name: spec.name,
      shape: [...spec.shape],
      // Every LayerLab weight is a float32 variable; misfit() has checked their shapes and values.
      dtype: 'float32',
    }));
    const data = artifacts.weightData ?? new ArrayBuffer(0);
    const modelJson: TfjsModelJson = {
      format: layersModelFormat,
      generatedBy: artifacts.generatedBy ?? 'TensorFlow.js',
      convertedBy: null,
      modelTopology: artifacts.modelTopology ?? {},
      weightsManifest: [{ paths: [weightsFileName], weights: specs }],
    };
    return { ok: true, modelJson, weightsBin: new Uint8Array(tf.io.CompositeArrayBuffer.join(data)) };
  } finally {
    model.dispose();
  }
}
