#!/usr/bin/env node
// Totals the JSON reports of Vitest and Playwright, plus the typecheck, lint, format and build
// stages (one check each), into the one line CI reads: `N passed, N failed[, N skipped]`.
// A report that is missing counts as a failure: a runner that crashed tested nothing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const results = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results');
const read = (name) => {
  const file = path.join(results, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};

let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

const stages = read('stages.json') ?? [];
for (const stage of stages) {
  if (stage.name === 'unit' || stage.name === 'e2e') continue;
  if (stage.passed) passed += 1;
  else failed += 1;
}
const ran = new Set(stages.map((stage) => stage.name));

const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that fails to load has no tests in it, yet it failed.
  failed += vitest.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} else if (ran.has('unit') || stages.length === 0) {
  failed += 1;
  notes.push('no Vitest report');
}

const playwright = read('playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  failed += (playwright.errors ?? []).length;
} else if (ran.has('e2e') || stages.length === 0) {
  failed += 1;
  notes.push('no Playwright report');
}

if (notes.length > 0) console.log(`(${notes.join('; ')})`);
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
