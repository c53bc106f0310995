/**
 * Project files on disk. Every way a file can be unusable ends as one line naming the file and
 * what is wrong. A FILE is a project (`.layerlab`, JSON) or a lesson template (`templates/*.json`,
 * told apart by its `templateVersion`), which the commands treat as a project: its graph, its data
 * and its training settings, named by its English title.
 */
import { ProjectFileError } from '../shared/host/project-files.js';
import { currentFormatVersion, loadProject, saveProject, type Project } from '../shared/project/project.js';
import { maxProjectDepth } from '../shared/vocabulary/project-format.js';
import { readJson } from '../shared/vocabulary/safe-json.js';
import type { Expectation, Template, TemplateVariant } from '../shared/templates/template.js';
import { applyVariant, parseTemplate } from '../shared/templates/template.js';
import { readProjectText, writeProjectText } from '../node/project-files.js';
import { CliError, exitCodes } from './errors.js';
import path from 'node:path';
import { notFoundProblem } from '../shared/data/data-file.js';
import { soughtDataFile, withDataText } from '../shared/project/load.js';
import { findDataFile } from '../node/data-files.js';

/** What a command reads from FILE. */
export interface ProjectSource {
  project: Project;
  /** Set when FILE is a lesson template: the result the lesson must reach, its variant's if one is applied. */
  lesson: { template: Template; variant: TemplateVariant | undefined; expected: Expectation } | null;
  /** The format of a project from a newer LayerLab, read as far as this one understands it. */
  newerFormat: number | null;
}

/** Why a file could not be read, in the words a terminal user expects. */
export function reason(thrown: unknown): string {
  const code = (thrown as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return thrown instanceof Error ? thrown.message : String(thrown);
}

const isTemplate = (json: unknown) => typeof json === 'object' && json !== null && 'templateVersion' in json;

function findVariant(file: string, template: Template, id: string | undefined): TemplateVariant | undefined {
  if (id === undefined) return undefined;
  const variant = template.variants.find((candidate) => candidate.id === id);
  if (variant) return variant;
  const known = template.variants.map((candidate) => candidate.id);
  throw new CliError(
    `${file} has no variant '${id}'; ${known.length > 0 ? `its variants: ${known.join(', ')}` : 'it has none'}`,
    exitCodes.usage,
  );
}

function lessonSource(file: string, template: Template, variantId: string | undefined): ProjectSource {
  const variant = findVariant(file, template, variantId);
  const run = applyVariant(template, variant);
  const project: Project = {
    formatVersion: currentFormatVersion,
    name: template.title.en,
    graph: run.graph,
    data: run.data,
    training: run.training,
  };
  return { project, lesson: { template, variant, expected: run.expected }, newerFormat: null };
}

/**
 * `project` with the data it keeps outside itself read again (node/data-files.ts), from where it
 * was or beside `file`; refused with where it looked, or how it changed, when not the same file.
 */
async function withDataFound(file: string, project: Project): Promise<Project> {
  const sought = soughtDataFile(project);
  if (!sought) return project;
  const found = await findDataFile(sought, path.resolve(file));
  if (found.status !== 'found')
    throw new CliError(
      `${file}: ${notFoundProblem(sought, found).en}; put it back, or give the file with --data FILE`,
      exitCodes.usage,
    );
  return withDataText(project, found.text, found.path);
}

/**
 * Reads a project or a lesson template; `variantId` applies one of a template's variants (and is
 * refused for a project, which has none). Data the project keeps outside itself is read too,
 * unless the command was given other data (`dataGiven`).
 */
export async function readProjectFile(
  file: string,
  variantId?: string,
  { dataGiven = false }: { dataGiven?: boolean } = {},
): Promise<ProjectSource> {
  let text: string;
  try {
    text = (await readProjectText(file)).content;
  } catch (thrown) {
    if (thrown instanceof ProjectFileError && thrown.name === 'NotFound') {
      throw new CliError(`cannot read ${file}: no such file`, exitCodes.usage);
    }
    if (thrown instanceof ProjectFileError)
      throw new CliError(`cannot read ${file}: ${thrown.message}`, exitCodes.usage);
    throw new CliError(`cannot read ${file}: ${reason(thrown)}`, exitCodes.usage);
  }
  const json = readJson(text.startsWith('\uFEFF') ? text.slice(1) : text, maxProjectDepth);
  if (!json.ok) throw new CliError(`${file} is not JSON: ${json.message}`, exitCodes.usage);
  if (isTemplate(json.value)) {
    const loaded = parseTemplate(file, json.value);
    if (!loaded.ok) throw new CliError(`${file} is not a valid LayerLab lesson template: ${loaded.message}`);
    return lessonSource(file, loaded.template, variantId);
  }
  if (variantId !== undefined) {
    throw new CliError(`--variant applies to lesson templates, and ${file} is a project`, exitCodes.usage);
  }
  const loaded = loadProject(text);
  if (!loaded.ok) throw new CliError(`${file} is not a valid LayerLab project: ${loaded.message}`, exitCodes.usage);
  const project = dataGiven ? loaded.project : await withDataFound(file, loaded.project);
  return { project, lesson: null, newerFormat: loaded.newerFormat ?? null };
}

/** What to say of a project from a newer LayerLab: it is read only as far as this one understands it. */
export function newerFormatNote(file: string, source: ProjectSource): string | null {
  if (source.newerFormat === null) return null;
  return `layerlab: ${file} was made by a newer LayerLab (format ${source.newerFormat}); it is read as format ${currentFormatVersion}, without what that version added, and never saved over\n`;
}

/** A project, or a lesson template read as one. */
export async function readProject(file: string): Promise<Project> {
  return (await readProjectFile(file)).project;
}

/**
 * Saves `project` to `file` as the app saves: checked against the format first, then atomically
 * with the previous version kept as `.bak`; a file of a newer LayerLab is never saved over.
 */
export async function writeProject(file: string, project: Project): Promise<void> {
  let content: string;
  try {
    content = saveProject(project);
  } catch (thrown) {
    throw new CliError(`cannot write ${file}: ${reason(thrown)}`, exitCodes.problems);
  }
  try {
    await writeProjectText(file, content);
  } catch (thrown) {
    throw new CliError(`cannot write ${file}: ${reason(thrown)}`, exitCodes.problems);
  }
}
