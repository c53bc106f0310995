#!/usr/bin/env node
// `npm test`: typecheck every environment, lint, unit tests, a web build, end-to-end tests.
// Every stage runs even after one fails, so a single run reports everything; the exit code is
// non-zero if any stage failed. Stage results go to test-results/stages.json for .ci/run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

const stages = [
  { name: 'typecheck', command: bin('tsc'), args: ['-b'] },
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'format', command: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
  { name: 'unit', command: bin('vitest'), args: ['run'] },
  { name: 'build', command: bin('vite'), args: ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'] },
  { name: 'e2e', command: bin('playwright'), args: ['test'], needs: 'build' },
];

const only = process.argv.slice(2);
const results = [];
for (const stage of stages) {
  if (only.length > 0 && !only.includes(stage.name)) continue;
  if (stage.needs && results.find((result) => result.name === stage.needs)?.passed === false) {
    results.push({ name: stage.name, passed: false, seconds: 0, reason: `skipped: ${stage.needs} failed` });
    continue;
  }
  console.log(`\n▶ ${stage.name}`);
  const started = Date.now();
  const run = spawnSync(stage.command, stage.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  const passed = run.status === 0;
  results.push({ name: stage.name, passed, seconds: (Date.now() - started) / 1000 });
  console.log(`${passed ? '✔' : '✘'} ${stage.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

mkdirSync(path.join(root, 'test-results'), { recursive: true });
writeFileSync(path.join(root, 'test-results', 'stages.json'), JSON.stringify(results, null, 2));
console.log(`\n${results.map((result) => `${result.passed ? '✔' : '✘'} ${result.name}`).join('   ')}`);
process.exit(results.every((result) => result.passed) ? 0 : 1);
