/** Runs the `layerlab` command line as a user would, from the checkout, and keeps what it printed. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serializeProject, type Project } from '../../shared/project/project';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `layerlab ARGS…` with `env` added to this process's environment. */
export function layerlabWith(env: Readonly<Record<string, string>>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['cli/bin.mjs', ...args],
      { timeout: 60_000, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export function layerlab(...args: string[]): Promise<Run> {
  return layerlabWith({}, ...args);
}

/**
 * Writes `project` into a scratch folder as a `.layerlab` file, runs `use` with its path and a
 * path beside it to save a trained copy to, then removes the folder.
 */
export async function withProjectFile(
  project: Project,
  use: (files: { project: string; saved: string }) => Promise<void>,
): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'layerlab-project-'));
  try {
    const file = path.join(folder, 'project.layerlab');
    await writeFile(file, serializeProject(project));
    await use({ project: file, saved: path.join(folder, 'trained.layerlab') });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The last line a `--json` run printed (its summary), parsed. */
export function summaryOf(run: Run): Record<string, unknown> {
  return JSON.parse(run.stdout.trimEnd().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}
