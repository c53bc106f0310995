/**
 * Opening a project trained with `layerlab train --save`, for the commands that ask it questions
 * (`predict`, `inspect`): its network built on the chosen backend and its saved weights loaded,
 * after checking they belong to it.
 */
import type { LayersModel } from '@tensorflow/tfjs';
import type { DataSpec } from '../shared/data/spec.js';
import type { TfModule } from '../shared/layers/types.js';
import { decodeWeights, type Project } from '../shared/project/project.js';
import { prepareRun } from '../shared/training/run.js';
import type { Language } from '../shared/vocabulary/localized.js';
import { startTf, type CliBackend } from './backend.js';
import { CliError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import { dataProblemLine, problemLine } from './problems.js';
import { readProject } from './project-file.js';

/** Loads the saved weights into the freshly built model, after checking they belong to it. */
function loadWeights(tf: TfModule, model: LayersModel, project: Project, file: string): void {
  const saved = decodeWeights(project.trained ?? { weights: [] });
  const expected = model.weights;
  const retrain = `train it again with layerlab train ${file} --save OUT`;
  if (saved.length !== expected.length) {
    throw new CliError(
      `${file}: its trained weights do not fit the network (it needs ${expected.length} weight tensors, the file has ${saved.length}); ${retrain}`,
    );
  }
  saved.forEach((weight, index) => {
    const variable = expected[index];
    if (!variable || variable.shape.join() !== weight.shape.join()) {
      throw new CliError(
        `${file}: its trained weights do not fit the network (${variable?.originalName ?? `weight ${index}`} is [${variable?.shape.join(', ') ?? ''}], the file has [${weight.shape.join(', ')}]); ${retrain}`,
      );
    }
  });
  const tensors = saved.map((weight) => tf.tensor(weight.values, weight.shape));
  try {
    model.setWeights(tensors);
  } finally {
    tf.dispose(tensors);
  }
}

export interface Trained {
  tf: TfModule;
  project: Project;
  data: DataSpec;
  prepared: Extract<ReturnType<typeof prepareRun>, { ok: true }>;
}

/**
 * The trained project in `file`, ready to answer, or the exit status after saying why not: no
 * trained weights, no data, or problems in the network (each printed).
 */
export async function openTrained(
  io: Io,
  file: string,
  backend: CliBackend,
  language: Language,
): Promise<Trained | number> {
  const project = await readProject(file);
  if (!project.trained) {
    throw new CliError(`${file} has no trained weights: train it first with layerlab train ${file} --save OUT`);
  }
  const data = project.data;
  if (!data) throw new CliError(`${file} has no data, so there is nothing to read its answers against`);
  const tf = await startTf(backend);
  const prepared = prepareRun(tf, { graph: project.graph, data, settings: project.training });
  if (!prepared.ok) {
    for (const found of prepared.problems) io.err(`${problemLine(project.graph, found, language)}\n`);
    if (prepared.dataProblem) io.err(`${dataProblemLine(undefined, prepared.dataProblem, language)}\n`);
    io.err(`layerlab: ${file} cannot run until these are fixed (see layerlab check ${file})\n`);
    return exitCodes.problems;
  }
  try {
    loadWeights(tf, prepared.model, project, file);
  } catch (thrown) {
    prepared.model.dispose();
    throw thrown;
  }
  return { tf, project, data, prepared };
}
