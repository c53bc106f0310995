/**
 * The dependency direction renderer → shared ← electron, and shared/'s purity, are enforced by
 * lint; these tests show that the lint rules really refuse what they promise to.
 */
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
