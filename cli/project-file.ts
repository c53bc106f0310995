/**
 * Project files on disk. Every way a file can be unusable ends as one line naming the file and
 * what is wrong. Lesson templates will be accepted here too once their format exists; for now a
 * FILE is a project (`.layerlab`, JSON).
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { parseProject, serializeProject, type Project } from '../shared/project/project.js';
import { CliError, exitCodes } from './errors.js';

function reason(thrown: unknown): string {
  const code = (thrown as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return thrown instanceof Error ? thrown.message : String(thrown);
}

export async function readProject(file: string): Promise<Project> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    throw new CliError(`cannot read ${file}: ${reason(thrown)}`, exitCodes.usage);
  }
  const loaded = parseProject(text);
  if (loaded.ok) return loaded.project;
  const notJson = /^not JSON: /;
  throw new CliError(
    notJson.test(loaded.message)
      ? `${file} is not JSON: ${loaded.message.replace(notJson, '')}`
      : `${file} is not a valid LayerLab project: ${loaded.message}`,
    exitCodes.usage,
  );
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
