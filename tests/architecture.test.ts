/**
 * The dependency direction renderer → shared ← electron, and shared/'s purity, are enforced by
 * lint; these tests show that the lint rules really refuse what they promise to.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function lintMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('architecture rules', () => {
  it.each([
    ["import { readFile } from 'node:fs';\nexport const r = readFile;", 'no Node built-ins'],
    ["import React from 'react';\nexport const r = React;", 'no React'],
    ["import { app } from 'electron';\nexport const a = app;", 'no Electron'],
    ["import { Canvas } from '../renderer/src/canvas/Canvas';\nexport const c = Canvas;", 'never out of it'],
    ['export const width = window.innerWidth;', 'no DOM'],
    ['export const env = process.env;', 'no Node globals'],
  ])('shared/ refuses %j', async (code, expected) => {
    const messages = await lintMessages('shared/probe.ts', code);
    expect(messages.join('\n')).toContain(expected);
  });

  it('the renderer cannot import Electron or Node', async () => {
    const messages = await lintMessages(
      'renderer/src/probe.ts',
      "import { ipcRenderer } from 'electron';\nimport fs from 'node:fs';\nexport const x = [ipcRenderer, fs];",
    );
    expect(messages.filter((message) => message.startsWith('no-restricted-imports'))).toHaveLength(2);
  });

  it('the main process cannot import the renderer', async () => {
    const messages = await lintMessages(
      'electron/probe.ts',
      "import { App } from '../renderer/src/App';\nexport const a = App;",
    );
    expect(messages.join('\n')).toContain('Main and preload depend on shared/ only');
  });

  it.each([
    ['export const line = (node: { name: string }) => `// at ${node.name}`;', "A user's text goes into generated code"],
    [
      'export const line = (c: { from: string }) => `# carried from "${c.from}"`;',
      "A user's text goes into generated code",
    ],
    ['export const literal = (name: string) => JSON.stringify(name);', 'JSON.stringify is not an escaper'],
  ])('code generators refuse a raw interpolation of user text: %j', async (code, expected) => {
    const messages = await lintMessages('shared/codegen/probe.ts', code);
    expect(messages.join('\n')).toContain(expected);
  });

  it('the renderer refuses a word on screen that is not in the locale files', async () => {
    const messages = await lintMessages(
      'renderer/src/probe.tsx',
      'export const Probe = () => <button title="Close it">Close</button>;\nexport const Mark = () => <span>✓</span>;',
    );
    expect(messages.filter((message) => message.startsWith('i18next/no-literal-string'))).toHaveLength(2);
  });

  it('`any` is refused everywhere', async () => {
    const messages = await lintMessages('shared/probe.ts', 'export const value: any = 1;');
    expect(messages.join('\n')).toContain('@typescript-eslint/no-explicit-any');
  });

  it('pure shared code passes', async () => {
    expect(await lintMessages('shared/probe.ts', "import { z } from 'zod';\nexport const s = z.string();")).toEqual([]);
  });
});

/** shared/'s folders by floor, lowest first (shared/floors.json). */
const floors = (JSON.parse(readFileSync('shared/floors.json', 'utf8')) as { floors: string[][] }).floors;
const floorOf = new Map(floors.flatMap((folders, level) => folders.map((folder) => [folder, level] as const)));

/** Every source file of shared/, tests included, as a path inside shared/. */
function sharedSources(directory = 'shared'): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return sharedSources(full);
    return /\.tsx?$/.test(name) ? [path.relative('shared', full)] : [];
  });
}

/** Folder → the folders of shared/ its (non-test) files import, with one file that does, read from the code. */
function folderImports(): Map<string, Map<string, string>> {
  const imports = new Map<string, Map<string, string>>();
  for (const file of sharedSources().filter((name) => !/\.test\.tsx?$/.test(name))) {
    const folder = file.split('/')[0] ?? '';
    const text = readFileSync(path.join('shared', file), 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const target = path.relative('shared', path.resolve(path.dirname(path.join('shared', file)), match[1] ?? ''));
      const targetFolder = target.split('/')[0] ?? '';
      if (targetFolder === folder || target.startsWith('..')) continue;
      const found = imports.get(folder) ?? new Map<string, string>();
      found.set(targetFolder, file);
      imports.set(folder, found);
    }
  }
  return imports;
}

describe('shared/ in floors', () => {
  it('every file of shared/ is in a folder that has a floor, and each folder says what it holds and may import', () => {
    const folders = new Set(sharedSources().map((file) => (file.includes('/') ? (file.split('/')[0] ?? '') : file)));
    expect([...folders].filter((folder) => !floorOf.has(folder))).toEqual([]);
    for (const folder of floorOf.keys()) {
      const readme = readFileSync(path.join('shared', folder, 'README.md'), 'utf8');
      expect(readme, `shared/${folder}/README.md`).toMatch(/may import/i);
    }
  });

  it('no folder imports one on a higher floor, and no two folders import each other, even through others', () => {
    const imports = folderImports();
    const upward = [...imports].flatMap(([folder, targets]) =>
      [...targets]
        .filter(([target]) => (floorOf.get(target) ?? Infinity) > (floorOf.get(folder) ?? -1))
        .map(([target, file]) => `${file} imports shared/${target}/`),
    );
    expect(upward).toEqual([]);
    // Depth-first search for a loop between folders.
    const loops: string[] = [];
    const visit = (folder: string, trail: string[]) => {
      for (const target of imports.get(folder)?.keys() ?? []) {
        if (trail.includes(target)) loops.push([...trail.slice(trail.indexOf(target)), target].join(' → '));
        else visit(target, [...trail, target]);
      }
    };
    for (const folder of imports.keys()) visit(folder, [folder]);
    expect(loops).toEqual([]);
  });

  it('lint refuses an import from a higher floor, and allows one from below', async () => {
    const up = await lintMessages(
      'shared/layers/probe.ts',
      "import { analyzeGraph } from '../graph/analyze.js';\nexport const a = analyzeGraph;",
    );
    expect(up.join('\n')).toContain('shared/layers/ is on floor 1 and cannot import shared/graph/ (floor 2)');
    const down = await lintMessages(
      'shared/graph/probe.ts',
      "import { layerRegistry } from '../layers/registry.js';\nexport const r = layerRegistry;",
    );
    expect(down).toEqual([]);
  });
});
