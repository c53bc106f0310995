/** Runs the `layerlab` command line as a user would, from the checkout, and keeps what it printed. */
import { execFile } from 'node:child_process';

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
