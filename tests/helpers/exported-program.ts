/** Runs an exported TypeScript program as a learner would: its files written, checked strictly, run with tsx. */
import { execFile } from 'node:child_process';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const binary = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

/**
 * Writes `files` into `folder`, type-checks `model.ts` with `tsc --strict`, runs it with tsx and
 * the arguments given, and returns what it printed. `cwd` is where it runs (default `folder`).
 */
export async function runExportedProgram(
  files: Readonly<Record<string, string>>,
  folder: string,
  args: readonly string[] = [],
  options: { cwd?: string; timeout?: number } = {},
): Promise<string> {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(folder, name), content);
  const cwd = options.cwd ?? folder;
  const strict = ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
  await run(binary('tsc'), [...strict, '--target', 'es2022', '--skipLibCheck', 'model.ts'], { cwd });
  const { stdout } = await run(binary('tsx'), ['model.ts', ...args], { cwd, timeout: options.timeout ?? 240_000 });
  return stdout;
}

/** The figures of the `FINAL {…}` line a program printed, by name. */
export function finalLogsOf(stdout: string): Record<string, number> {
  const line = stdout.split('\n').find((entry) => entry.startsWith('FINAL ')) ?? '';
  return JSON.parse(line.slice('FINAL '.length)) as Record<string, number>;
}

/** A scratch folder for exported programs, with this checkout's node_modules linked in (tf.js, tsx, papaparse). */
export async function exportFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), prefix));
  await symlink(path.join(process.cwd(), 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  return folder;
}

/** Writes a Python program into `folder` as `name` and has Debian's Python parse it (Keras itself is not installed). */
export async function parsesAsPython(folder: string, name: string, code: string): Promise<void> {
  await writeFile(path.join(folder, name), code);
  await run('/usr/bin/python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', name], { cwd: folder });
}
