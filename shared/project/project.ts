/**
 * The project: everything a learner's work consists of (the graph with its layout, the data
 * recipe, the training settings), as one JSON document with a format version. Reads nothing but
 * its arguments.
 */
import { z } from 'zod';
import { dataSpecSchema, type DataSpec } from '../data/spec.js';
import type { Graph, LayerNode } from '../graph/types.js';
import { isLayerKind } from '../layers/registry.js';
import { defaultTrainingSettings, trainingSettingsSchema, type TrainingSettings } from '../training/settings.js';
import { trainedSchema, type Trained } from './weights.js';

export { decodeWeights, encodeWeights, maxTrainedValues, type Trained, type WeightData } from './weights.js';

export const currentFormatVersion = 1;

const finite = z.number().finite();
const identifier = z.string().min(1).max(200);

/**
 * Layer parameters are checked against their kind's schema by the graph analysis, which pins a bad
 * value to its field; the file format only requires plain JSON values here, so such a project
 * still opens and can be fixed.
 */
const paramValue = z.union([
  finite,
  z.boolean(),
  z.string().max(200),
  z.null(),
  z.array(z.union([finite, z.null()])).max(16),
]);

const layerSchema = z
  .object({
    id: identifier,
    kind: z.string().refine(isLayerKind, { message: 'unknown layer kind' }),
    name: z.string().min(1).max(64),
    params: z.record(z.string().max(64), paramValue),
    position: z.object({ x: finite, y: finite }).strict(),
  })
  .strict();

const wireSchema = z.object({ id: identifier, source: identifier, target: identifier }).strict();

export const graphSchema = z
  .object({ nodes: z.array(layerSchema).max(5000), wires: z.array(wireSchema).max(20000) })
  .strict();

export const projectSchema = z
  .object({
    formatVersion: z.literal(currentFormatVersion),
    name: z.string().max(200),
    graph: graphSchema,
    data: dataSpecSchema.nullable(),
    training: trainingSettingsSchema,
    trained: trainedSchema.optional(),
  })
  .strict();

export interface Project {
  formatVersion: typeof currentFormatVersion;
  name: string;
  graph: Graph;
  data: DataSpec | null;
  training: TrainingSettings;
  /**
   * Weights a run left, in `model.getWeights()` order (by `layerlab train --save`).
   * Optional: a project without them opens untrained, as every project did before.
   */
  trained?: Trained;
}

export type ProjectLoad = { ok: true; project: Project } | { ok: false; message: string };

/** Reads a project from JSON text, or says what is wrong, naming the place in the file. */
export function parseProject(text: string): ProjectLoad {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    return { ok: false, message: `not JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
  }
  const parsed = projectSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the file';
    return { ok: false, message: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const project: Project = {
    ...parsed.data,
    graph: { nodes: parsed.data.graph.nodes as LayerNode[], wires: parsed.data.graph.wires },
    training: parsed.data.training as TrainingSettings,
  };
  return { ok: true, project };
}

export function serializeProject(project: Project): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

export function emptyProject(name = 'Untitled'): Project {
  return {
    formatVersion: currentFormatVersion,
    name,
    graph: { nodes: [], wires: [] },
    data: null,
    training: { ...defaultTrainingSettings },
  };
}
