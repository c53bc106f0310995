#!/usr/bin/env node
// Regenerates docs/screenshot.png: opens the course's first lesson in the web build, trains it and
// photographs the window with its curves. Needs a built dist/ and Chromium.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = 4391;
const server = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-build', '--port', String(port)], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.on('data', (chunk) => String(chunk).includes('running at') && resolve()));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await page.goto(`http://127.0.0.1:${port}/`);
  // The course's first lesson, from the gallery, trained with its own settings.
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('playground-answer').waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByTestId('layer-simple_rnn').click();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  server.kill();
}
