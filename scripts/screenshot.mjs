#!/usr/bin/env node
// Regenerates docs/screenshot.png: builds the course's first network (Input → SimpleRNN → Dense)
// in the web build with the mouse and photographs the window. Needs a built dist/ and Chromium.
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
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, locale: 'en-US' });
  await page.goto(`http://127.0.0.1:${port}/`);
  const pane = page.locator('.react-flow__pane');
  const drop = (kind, x, y) => page.getByTestId(`palette-${kind}`).dragTo(pane, { targetPosition: { x, y } });
  await drop('Input', 120, 300);
  await drop('SimpleRNN', 400, 300);
  await drop('Dense', 680, 300);
  const centre = async (testId) => {
    const box = await page.getByTestId(testId).boundingBox();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  for (const [from, to] of [
    ['input', 'simple_rnn'],
    ['simple_rnn', 'dense'],
  ]) {
    const start = await centre(`out-${from}`);
    const end = await centre(`in-${to}`);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 12 });
    await page.mouse.up();
  }
  await page.getByTestId('layer-dense').click();
  await page.getByLabel('units').fill('8');
  await page.getByLabel('activation').selectOption('softmax');
  await page.getByTestId('layer-simple_rnn').click();
  await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  server.kill();
}
