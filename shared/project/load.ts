/**
 * Reading and writing project files. `loadProject` takes any bytes and gives a project or one
 * message naming what is wrong (RELIABILITY.md items 11, 12, 24, 25): size capped before the text
 * is decoded, strict UTF-8 with the offset of the first bad byte, depth capped and prototype keys
 * refused while the JSON is read, numbers finite, then the schema of the file's own format, then
 * the migrations up to the current one. A file from a newer LayerLab opens read-only when it
 * still fits the current format, and is refused otherwise. Reads nothing but its arguments; a
 * failed load has no effect at all.
 */
import type { z } from 'zod';
import { withDefaultParams } from '../graph/types.js';
import type { TrainingSettings } from '../training/settings.js';
import {
  currentFormatVersion,
  maxProjectBytes,
  maxProjectDepth,
  unknownCreator,
} from '../vocabulary/project-format.js';
import { migrateProject, schemaOfVersion } from './migrations.js';
import { describePath, findRefusedKey, readJson } from '../vocabulary/safe-json.js';
import { heldFileOf, projectKeys, projectSchema, type LessonRef, type LoadedProject, type Project } from './schema.js';
import { describedFile, embeddedDataChars, type DataFile } from '../data/data-file.js';
import { recipeOf } from '../data/recipes/index.js';
import { decodeUtf8, utf8ByteLength } from '../vocabulary/utf8.js';

export { maxProjectBytes, maxProjectDepth } from '../vocabulary/project-format.js';
export { formatVersionOf } from './peek.js';

export type ProjectLoadResult =
  | {
      ok: true;
      project: LoadedProject;
      /** True for a file from a newer LayerLab: show it, never save over it. */
      readOnly: boolean;
      /** The format the file had, when it was older than the current one and was migrated. */
      migratedFrom?: number;
      /** The format the file had, when it was newer than the current one (and `readOnly`). */
      newerFormat?: number;
    }
  | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** The first schema issue as `where: what`, e.g. `graph.nodes.0.kind: unknown layer kind`. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  // A bad record key says only "Invalid key in record"; the reason is one level down.
  const message = issue?.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue?.message;
  return `${describePath(issue?.path ?? [])}: ${message ?? 'invalid'}`;
}

/** The JSON text of `input`, or why there is none: size first, then strict UTF-8. */
function textOf(input: Uint8Array | string): { ok: true; text: string } | { ok: false; message: string } {
  // Every UTF-16 unit takes one to three bytes, so only a string in between needs counting.
  const size =
    typeof input !== 'string'
      ? input.byteLength
      : input.length > maxProjectBytes / 3 && input.length <= maxProjectBytes
        ? utf8ByteLength(input)
        : input.length;
  if (size > maxProjectBytes) {
    return {
      ok: false,
      message: `the file is ${megabytes(size)}; a LayerLab project is at most ${megabytes(maxProjectBytes)}`,
    };
  }
  if (typeof input === 'string') return { ok: true, text: input.startsWith('\uFEFF') ? input.slice(1) : input };
  const decoded = decodeUtf8(input);
  return decoded.ok ? decoded : { ok: false, message: decoded.message };
}

/** A checked project typed as the app holds it: the schema cannot express the layer union. */
function asLoaded(parsed: z.infer<typeof projectSchema>): LoadedProject {
  return {
    ...parsed,
    graph: { nodes: parsed.graph.nodes.map(withDefaultParams), wires: parsed.graph.wires },
    training: parsed.training as TrainingSettings,
  };
}

/** The project in `input` (the bytes or text of a `.layerlab` file), or what is wrong with it. */
export function loadProject(input: Uint8Array | string): ProjectLoadResult {
  const text = textOf(input);
  if (!text.ok) return text;
  const json = readJson(text.text, maxProjectDepth);
  if (!json.ok) return json;
  const document = json.value;
  if (!isRecord(document)) {
    return { ok: false, message: `the file holds ${kindOf(document)}, not a LayerLab project` };
  }

  const version = document['formatVersion'];
  if (version === undefined) return { ok: false, message: 'formatVersion: missing; this is not a LayerLab project' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: `formatVersion: expected a whole number from 1, got ${JSON.stringify(version)}` };
  }

  if (version > currentFormatVersion) {
    // Read what this LayerLab understands; keys added by the newer format are left out. Its
    // unknown keys deeper down, or changed meanings, make the file unreadable here.
    const known = Object.fromEntries(projectKeys.map((key) => [key, document[key]]));
    const parsed = projectSchema.safeParse({
      ...known,
      dataFile: known['dataFile'] ?? null,
      formatVersion: currentFormatVersion,
    });
    if (!parsed.success) {
      return {
        ok: false,
        message: `made by a newer LayerLab (format ${version}); update LayerLab to open it`,
      };
    }
    return { ok: true, project: asLoaded(parsed.data), readOnly: true, newerFormat: version };
  }

  const ownSchema = schemaOfVersion(version);
  if (!ownSchema) return { ok: false, message: `formatVersion: ${version} is not a format LayerLab ever wrote` };
  const own = ownSchema.safeParse(document);
  if (!own.success) return { ok: false, message: describeIssue(own.error) };
  if (version === currentFormatVersion) {
    return { ok: true, project: asLoaded(own.data as z.infer<typeof projectSchema>), readOnly: false };
  }
  // Checked again after migrating: a migration that made an invalid project is a LayerLab bug,
  // and the learner should hear of it rather than work on a broken project.
  const migrated = projectSchema.safeParse(migrateProject(own.data, version));
  if (!migrated.success) {
    return { ok: false, message: `migrating from format ${version} failed: ${describeIssue(migrated.error)}` };
  }
  return { ok: true, project: asLoaded(migrated.data), readOnly: false, migratedFrom: version };
}

/** Top-level keys in the order a reader of the file wants them. */
const topLevelOrder = [
  'formatVersion',
  'createdWith',
  'name',
  'lesson',
  'graph',
  'data',
  'dataFile',
  'training',
  'trained',
];

/** Below the top level, keys sorted, so the same project is always the same text. */
function sortKeys(key: string, value: unknown): unknown {
  if (key === '' || !isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((name) => [name, value[name]]),
  );
}

/**
 * `project` as its file keeps it: a data file's text of more than `embeddedDataChars` characters
 * left out, `dataFile` saying where it was, its size and hash (worked out here when the project
 * does not say, with no path); a smaller one kept inside, with no `dataFile`. With `dataInside`
 * (an autosave) the text stays in and `dataFile` with it, so a restored project still knows its file.
 */
function withDataPlaced(project: Project, dataInside: boolean): Project {
  const held = heldFileOf(project.data);
  if (!held || !project.data) return { ...project, dataFile: null };
  // Never found again since it was opened: it stays where it is.
  if (held.text === '') return project;
  if (dataInside) return { ...project, dataFile: project.dataFile ?? null };
  if (held.text.length <= embeddedDataChars) return { ...project, dataFile: null };
  const dataFile = project.dataFile ?? describedFile(held.name, held.text, utf8ByteLength(held.text));
  const opens = recipeOf(project.data).opens;
  return { ...project, data: opens ? opens.reopen(project.data, held.name, '') : project.data, dataFile };
}

/** The file whose text the project's data keeps outside itself, to read again; null when it holds it. */
export function soughtDataFile(project: Project): DataFile | null {
  return heldFileOf(project.data)?.text === '' ? (project.dataFile ?? null) : null;
}

/** `project` with the text of the data file it keeps outside itself, found at `path` (null: no path). */
export function withDataText<P extends Project>(project: P, text: string, path: string | null): P {
  const held = heldFileOf(project.data);
  const opens = project.data && recipeOf(project.data).opens;
  if (!held || !project.data || !opens || !project.dataFile) return project;
  return { ...project, data: opens.reopen(project.data, held.name, text), dataFile: { ...project.dataFile, path } };
}

/** `project` with every field of the current format, in the order a reader of the file wants them. */
function completed(project: Project): Record<string, unknown> {
  const lesson: LessonRef | null = project.lesson ?? null;
  const complete: Record<string, unknown> = {
    ...project,
    formatVersion: currentFormatVersion,
    createdWith: project.createdWith ?? unknownCreator,
    lesson,
    dataFile: project.dataFile ?? null,
  };
  const ordered = topLevelOrder.filter((key) => complete[key] !== undefined).map((key) => [key, complete[key]]);
  const rest = Object.keys(complete).filter((key) => !topLevelOrder.includes(key) && complete[key] !== undefined);
  return Object.fromEntries([...ordered, ...rest.map((key) => [key, complete[key]])]);
}

/**
 * The text of `project` as a file, without checking it: for tools and tests that write files on
 * purpose. The app saves with `saveProject`.
 */
export function formatProject(project: Project): string {
  return `${JSON.stringify(completed(project), sortKeys, 2)}\n`;
}

export interface SaveOptions {
  /** Keep a large data file's text inside (an autosave, which must restore without the file). */
  readonly dataInside?: boolean;
}

/**
 * The text of a `.layerlab` file for `project`, in the current format: two-space indented JSON
 * with a fixed key order and a final newline. `load(save(p))` gives `p` back, with `createdWith`
 * (`unknown`) and `lesson` (null) filled in when `p` had none.
 *
 * @throws Error when `project` does not fit the format (a name of 300 characters, a NaN
 * position): writing it would make a file that cannot be opened again.
 */
export function saveProject(given: Project, options: SaveOptions = {}): string {
  const project = withDataPlaced(given, options.dataInside ?? false);
  const complete = completed(project);
  const refused = findRefusedKey(complete);
  if (refused) {
    throw new Error(`this project cannot be saved: ${describePath(refused)}: the key is not allowed in a project`);
  }
  const checked = projectSchema.safeParse(complete);
  if (!checked.success) throw new Error(`this project cannot be saved: ${describeIssue(checked.error)}`);
  return formatProject(project);
}
