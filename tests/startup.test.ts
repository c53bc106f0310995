/**
 * A newcomer's first two commands print nothing that is not theirs to act on: package.json's
 * `engines` asks for the Node.js every installed package needs (so npm's warnings, if any, mean
 * "update Node"), and the web build prints no timing report that reads like an error.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

/** Every package installed, with the Node.js range it asks for. */
function installedEngines(): { name: string; node: string }[] {
  const modules = path.join(root, 'node_modules');
  const folders = readdirSync(modules).flatMap((entry) =>
    entry.startsWith('@') ? readdirSync(path.join(modules, entry)).map((inner) => `${entry}/${inner}`) : [entry],
  );
  return folders.flatMap((folder) => {
    try {
      const manifest = JSON.parse(readFileSync(path.join(modules, folder, 'package.json'), 'utf8')) as {
        name?: string;
        engines?: { node?: string };
      };
      return manifest.engines?.node ? [{ name: manifest.name ?? folder, node: manifest.engines.node }] : [];
    } catch {
      return [];
    }
  });
}

describe('the first run', () => {
  it('asks for the Node.js that every installed package asks for', () => {
    const ours = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } })
      .engines.node;
    const unmet = installedEngines().filter(
      (entry) =>
        semver.validRange(entry.node) !== null && !semver.subset(ours, entry.node, { includePrerelease: false }),
    );
    expect(unmet.map((entry) => `${entry.name} wants ${entry.node}`)).toEqual([]);
  });

  it('builds the web app, as npm start does, printing no timing report or any other warning', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'layerlab-build-'));
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [
          path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
          'build',
          '--config',
          'renderer/vite.config.ts',
          '--logLevel',
          'warn',
          '--outDir',
          outDir,
          '--emptyOutDir',
        ],
        { cwd: root },
      );
      expect(`${stdout}${stderr}`.trim()).toBe('');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  }, 120_000);
});
