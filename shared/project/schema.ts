/**
 * The project file's schema, one per format version that ever shipped, so an old file is checked
 * against the rules it was written under before it is migrated. Reads nothing but its arguments.
 *
 * Format 1: name, graph, data, training, optional trained weights.
 * Format 2: adds `createdWith` (the LayerLab that created the project) and `lesson` (the course
 * lesson the project follows, or null).
 * Format 3: adds `dataFile`, the file a large table was read from, whose text the project then
 * keeps outside itself (`data`'s text empty), or null.
 */
import { z } from 'zod';
import { dataSpecSchema, type DataSpec } from '../data/spec.js';
import { dataFileSchema, type DataFile } from '../data/data-file.js';
import { recipeOf } from '../data/recipes/index.js';
import type { Graph } from '../graph/types.js';
import { isLayerKind } from '../layers/registry.js';
import { trainingSettingsSchema, type TrainingSettings } from '../training/settings.js';
import type { currentFormatVersion } from '../vocabulary/project-format.js';
import { isAllowedKey, refusedKeyMessage } from '../vocabulary/safe-json.js';
import { carriedWeightsSchema, trainedSchema, type Trained } from '../vocabulary/weights.js';

export { currentFormatVersion, unknownCreator } from '../vocabulary/project-format.js';

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
    params: z.record(z.string().max(64).refine(isAllowedKey, refusedKeyMessage), paramValue),
    position: z.object({ x: finite, y: finite }).strict(),
    frozen: z.boolean().optional(),
    carried: carriedWeightsSchema.optional(),
    generatorEnd: z.boolean().optional(),
  })
  .strict();

const wireSchema = z.object({ id: identifier, source: identifier, target: identifier }).strict();

/** A second item with an id already taken: wires would reach the wrong layer, fixes the wrong item. */
function refuseDuplicateIds(items: readonly { id: string }[], what: string, context: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      context.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `a second ${what} with the id ${JSON.stringify(item.id)}; every ${what} needs an id of its own`,
      });
    }
    seen.add(item.id);
  });
}

export const graphSchema = z
  .object({
    nodes: z
      .array(layerSchema)
      .max(5000)
      .superRefine((nodes, context) => refuseDuplicateIds(nodes, 'layer', context)),
    wires: z
      .array(wireSchema)
      .max(20000)
      .superRefine((wires, context) => refuseDuplicateIds(wires, 'wire', context)),
  })
  .strict();

/** The fields every format has had. */
const commonFields = {
  name: z.string().max(200),
  graph: graphSchema,
  data: dataSpecSchema.nullable(),
  training: trainingSettingsSchema,
  trained: trainedSchema.optional(),
};

export const projectV1Schema = z.object({ formatVersion: z.literal(1), ...commonFields }).strict();

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes only');

export const lessonRefSchema = z
  .object({
    /** The lesson template's `id`, e.g. `rnn-next-character`. */
    templateId: slug,
    /** The step the learner is on, counted from 0. */
    step: z.number().int().min(0).max(1000),
    /** The id of the template variant applied, or null for the lesson as written. */
    variant: slug.nullable(),
  })
  .strict();

export const projectV2Schema = z
  .object({
    formatVersion: z.literal(2),
    createdWith: z.string().min(1).max(100),
    lesson: lessonRefSchema.nullable(),
    ...commonFields,
  })
  .strict();

/** A spec's file text, if its recipe reads one: empty while the project keeps it outside itself. */
export function heldFileOf(data: DataSpec | null): { name: string; text: string } | null {
  return data ? (recipeOf(data).opens?.file(data) ?? null) : null;
}

const projectV3Fields = z
  .object({
    formatVersion: z.literal(3),
    createdWith: z.string().min(1).max(100),
    lesson: lessonRefSchema.nullable(),
    ...commonFields,
    /**
     * The file the data was read from, when its text is kept outside the project (or, in an
     * autosave, kept inside as well); null when the project holds all its data.
     */
    dataFile: dataFileSchema.nullable(),
  })
  .strict();

/** The top-level keys of the current format. */
export const projectKeys = Object.keys(projectV3Fields.shape);

export const projectV3Schema = projectV3Fields.superRefine((project, context) => {
  const held = heldFileOf(project.data);
  if (held?.text === '' && project.dataFile === null)
    context.addIssue({
      code: 'custom',
      path: ['dataFile'],
      message: 'the data keeps no text and names no file to read it from',
    });
  if (project.dataFile !== null && held === null)
    context.addIssue({ code: 'custom', path: ['dataFile'], message: 'the data reads no file' });
});

/** The schema of the current format. */
export const projectSchema = projectV3Schema;

export type LessonRef = z.infer<typeof lessonRefSchema>;

/** A project as its format 1 file held it. */
export type ProjectV1 = Omit<z.infer<typeof projectV1Schema>, 'graph' | 'training'> & {
  graph: Graph;
  training: TrainingSettings;
};

/** A project of the current format, as the app holds it. */
export interface Project {
  formatVersion: typeof currentFormatVersion;
  /**
   * The LayerLab that created the project, e.g. `LayerLab 0.2.0`. A project built in code may
   * leave it out; it is saved as `unknown` and every loaded project has it.
   */
  createdWith?: string;
  name: string;
  /**
   * The course lesson the project follows. A project built in code may leave it out; it is saved
   * as null and every loaded project has it.
   */
  lesson?: LessonRef | null;
  graph: Graph;
  data: DataSpec | null;
  training: TrainingSettings;
  /**
   * Weights a run left, in `model.getWeights()` order (by `layerlab train --save`).
   * Optional: a project without them opens untrained, as every project did before.
   */
  trained?: Trained;
  /**
   * The file the data was read from (shared/data/data-file.ts). Saving keeps a text of more than
   * `embeddedDataChars` outside the project, this in its place; a loaded project whose data's text
   * is empty needs it read again (its host looks for it) before it can be built.
   */
  dataFile?: DataFile | null;
}

/** A project as `loadProject` gives it: every field of the current format present. */
export type LoadedProject = Project & { createdWith: string; lesson: LessonRef | null; dataFile: DataFile | null };
