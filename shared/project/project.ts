/**
 * The project: everything a learner's work consists of (the graph with its layout, the data
 * recipe, the training settings, the lesson it follows, trained weights), as one JSON document
 * with a format version. This module is the front door: the schemas live in schema.ts, the
 * migrations in migrations.ts, reading and writing files in load.ts. Reads nothing but its
 * arguments.
 */
import { formatProject, loadProject } from './load.js';
import { currentFormatVersion, unknownCreator } from '../vocabulary/project-format.js';
import type { Project } from './schema.js';
import { defaultTrainingSettings } from '../training/settings.js';

export {
  decodeWeights,
  encodeWeights,
  maxTrainedValues,
  type Trained,
  type WeightData,
} from '../vocabulary/weights.js';
export { currentFormatVersion, projectFileExtension, unknownCreator } from '../vocabulary/project-format.js';
export {
  graphSchema,
  lessonRefSchema,
  projectSchema,
  type LessonRef,
  type LoadedProject,
  type Project,
} from './schema.js';
export {
  formatProject,
  formatVersionOf,
  loadProject,
  maxProjectBytes,
  maxProjectDepth,
  saveProject,
  type ProjectLoadResult,
} from './load.js';

export type ProjectLoad = { ok: true; project: Project } | { ok: false; message: string };

/**
 * Reads a project from JSON text, or says what is wrong, naming the place in the file. Kept for
 * the command line; `loadProject` also says whether the file was migrated or is read-only.
 */
export function parseProject(text: string): ProjectLoad {
  const loaded = loadProject(text);
  return loaded.ok ? { ok: true, project: loaded.project } : loaded;
}

/**
 * The text of a project file, formatted as `saveProject` does but not checked, so a tool or a
 * test can write a broken file on purpose. The app saves with `saveProject`.
 */
export function serializeProject(project: Project): string {
  return formatProject(project);
}

/** A new, empty project; `createdWith` names the LayerLab making it, e.g. `LayerLab 0.2.0`. */
export function emptyProject(name = 'Untitled', createdWith = unknownCreator): Project {
  return {
    formatVersion: currentFormatVersion,
    createdWith,
    name,
    lesson: null,
    graph: { nodes: [], wires: [] },
    data: null,
    training: { ...defaultTrainingSettings },
  };
}
