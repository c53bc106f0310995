/**
 * Project files on disk. Every way a file can be unusable ends as one line naming the file and
 * what is wrong. A FILE is a project (`.layerlab`, JSON) or a lesson template (`templates/*.json`,
 * told apart by its `templateVersion`), which the commands treat as a project: its graph, its data
 * and its training settings, named by its English title.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { currentFormatVersion, parseProject, serializeProject, type Project } from '../shared/project/project.js';
import type { Expectation, Template, TemplateVariant } from '../shared/templates/template.js';
import { applyVariant, parseTemplate } from '../shared/templates/template.js';
import { CliError, exitCodes } from './errors.js';

/** What a command reads from FILE. */
export interface ProjectSource {
  project: Project;
  /** Set when FILE is a lesson template: the result the lesson must reach, its variant's if one is applied. */
  lesson: { template: Template; variant: TemplateVariant | undefined; expected: Expectation } | null;
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
    graph: template.graph,
    data: run.data,
    training: run.training,
  };
  return { project, lesson: { template, variant, expected: run.expected } };
}

/**
 * Reads a project or a lesson template; `variantId` applies one of a template's variants (and is
 * refused for a project, which has none).
 */
export async function readProjectFile(file: string, variantId?: string): Promise<ProjectSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    throw new CliError(`cannot read ${file}: ${reason(thrown)}`, exitCodes.usage);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (thrown) {
    throw new CliError(`${file} is not JSON: ${reason(thrown)}`, exitCodes.usage);
  }
  if (isTemplate(json)) {
    const loaded = parseTemplate(file, json);
    if (!loaded.ok) throw new CliError(`${file} is not a valid LayerLab lesson template: ${loaded.message}`);
    return lessonSource(file, loaded.template, variantId);
  }
  if (variantId !== undefined) {
    throw new CliError(`--variant applies to lesson templates, and ${file} is a project`, exitCodes.usage);
  }
  const loaded = parseProject(text);
  if (loaded.ok) return { project: loaded.project, lesson: null };
  throw new CliError(`${file} is not a valid LayerLab project: ${loaded.message}`, exitCodes.usage);
}

/** A project, or a lesson template read as one. */
export async function readProject(file: string): Promise<Project> {
  return (await readProjectFile(file)).project;
}

/** Writes beside the target first, so an interrupted save never leaves half a project. */
export async function writeProject(file: string, project: Project): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, serializeProject(project), 'utf8');
    await rename(partial, file);
  } catch (thrown) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw new CliError(`cannot write ${file}: ${reason(thrown)}`, exitCodes.problems);
  }
}
