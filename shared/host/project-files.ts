/**
 * Rules for project files that every Host follows the same way: the recent list, file names, and
 * when a file may not be read or saved over. Reads nothing but its arguments.
 */
import { maxRecentProjects, type RecentProject } from '../ipc/contract.js';
import { currentFormatVersion, maxProjectBytes, projectFileExtension } from '../vocabulary/project-format.js';
import { formatVersionOf } from '../project/peek.js';

/** Errors a Host throws about project files, by `name`, so the renderer can tell them apart. */
export type ProjectFileErrorName =
  'ProjectTooLarge' | 'NotUtf8' | 'NewerFormat' | 'NotAProject' | 'NotFound' | 'ForbiddenPath';

/** An error whose message can be shown to the learner as it is. */
export class ProjectFileError extends Error {
  constructor(
    override readonly name: ProjectFileErrorName,
    message: string,
  ) {
    super(message);
  }
}

/** The recent list with `entry` first, a path (or, without paths, a name) listed once, at most ten. */
export function addRecent(list: readonly RecentProject[], entry: RecentProject): RecentProject[] {
  const same = (other: RecentProject) =>
    entry.path !== null ? other.path === entry.path : other.path === null && other.name === entry.name;
  return [entry, ...list.filter((other) => !same(other))].slice(0, maxRecentProjects);
}

/** The last part of a path, on any system: `C:\Users\ana\rnn.layerlab` → `rnn.layerlab`. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** `name` ending in `.layerlab`, as a saved project's file name should. */
export function withProjectExtension(name: string): string {
  return name.toLowerCase().endsWith(`.${projectFileExtension}`) ? name : `${name}.${projectFileExtension}`;
}

/** Characters a file name cannot hold on some system. */
const unsafeInFileNames = new Set('<>:"/\\|?*');

/** A file name from a project name: no path separators or characters systems refuse. */
export function suggestedFileName(projectName: string): string {
  const spaced = [...projectName]
    .map((character) => (character.charCodeAt(0) < 0x20 || unsafeInFileNames.has(character) ? ' ' : character))
    .join('');
  // Runs of spaces made one, and no leading dot, which would hide the file on macOS and Linux.
  const cleaned = spaced
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim()
    .slice(0, 120);
  return withProjectExtension(cleaned.length > 0 ? cleaned : 'Untitled');
}

/** The refusal for a file too big to read, before a byte of it is read. */
export function checkReadableSize(name: string, bytes: number): void {
  if (bytes > maxProjectBytes) {
    const megabytes = (count: number) => `${(count / (1024 * 1024)).toFixed(1)} MB`;
    throw new ProjectFileError(
      'ProjectTooLarge',
      `${name} is ${megabytes(bytes)}; a LayerLab project is at most ${megabytes(maxProjectBytes)}.`,
    );
  }
}

/**
 * Refuses to save over `existing` (the file's current bytes) when a newer LayerLab made it: that
 * LayerLab's work would be lost to an older format (RELIABILITY.md item 11).
 */
export function checkMayOverwrite(name: string, existing: Uint8Array | string | null): void {
  if (existing === null) return;
  const version = formatVersionOf(existing);
  if (version !== null && version > currentFormatVersion) {
    throw new ProjectFileError(
      'NewerFormat',
      `${name} was made by a newer LayerLab (format ${version}); LayerLab will not save over it. Use Save As to save a copy.`,
    );
  }
}

/** Refuses content that is not a project of the current format (a bug, or a forged request). */
export function checkSavable(content: string): void {
  if (formatVersionOf(content) !== currentFormatVersion) {
    throw new ProjectFileError(
      'NotAProject',
      `This is not a LayerLab project of format ${currentFormatVersion}; nothing was saved.`,
    );
  }
}
