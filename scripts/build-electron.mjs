// Bundles the Electron main process and the preload into dist-electron/*.cjs with esbuild.
// The preload runs sandboxed, where `require` knows only 'electron': the build fails if the
// bundle would need anything else, rather than leaving a preload that dies at start.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-electron');

await rm(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  minify: false,
  metafile: true,
  logLevel: 'warning',
});

const preloadOutput = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('preload.cjs'));
if (!preloadOutput) throw new Error('esbuild wrote no preload.cjs');
const preloadImports = preloadOutput[1].imports.filter((entry) => entry.external).map((entry) => entry.path);
const forbidden = preloadImports.filter((name) => name !== 'electron');
if (forbidden.length > 0) {
  throw new Error(`The sandboxed preload can only require 'electron', but needs: ${forbidden.join(', ')}`);
}
