/**
 * Main-thread long tasks while training in the browser (issue 4, benchmark c). Drives the web
 * build in Debian's Chromium, opens the course lesson, and records PerformanceObserver `longtask`
 * entries during a 3,000-epoch run (batch 1, so progress streams as fast as it can) on WASM and on
 * software WebGL, against the same page sitting idle for as long (the baseline, side by side).
 * Target: no task over 50 ms. Run with `npx tsx bench/long-tasks.ts` after `npm run build:renderer`.
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { longTasksOf, watchLongTasks } from './web-builds';

const port = 4417;
const windowMs = 6000;

/** Opens the course lesson from the gallery, set for a long run that streams progress fast. */
async function draw(page: Page): Promise<void> {
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('batch_size').fill('1');
  await page.getByLabel('epochs').fill('3000');
}

/** Long tasks (ms) that start in the next `windowMs`, while `during` runs. */
async function longTasksDuring(page: Page, during: () => Promise<void>): Promise<number[]> {
  await watchLongTasks(page);
  await during();
  await page.waitForTimeout(windowMs);
  return longTasksOf(page);
}

function describe(label: string, tasks: number[]): string {
  const over50 = tasks.filter((duration) => duration > 50).length;
  const max = Math.max(0, ...tasks);
  const total = tasks.reduce((sum, duration) => sum + duration, 0);
  return `${label.padEnd(34)} long tasks ${String(tasks.length).padStart(3)}  over 50 ms ${String(over50).padStart(3)}  longest ${String(Math.round(max)).padStart(4)} ms  busy ${((100 * total) / windowMs).toFixed(1)} %`;
}

const server = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-build', '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) =>
  server.stdout.on('data', (chunk: Buffer) => String(chunk).includes('running at') && resolve()),
);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  for (const backend of ['wasm', 'webgl'] as const) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await page.goto(`http://127.0.0.1:${port}/`);
    await draw(page);
    await page.getByLabel('backend').selectOption(backend);
    const idle = await longTasksDuring(page, async () => {});
    const training = await longTasksDuring(page, async () => {
      await page.getByRole('button', { name: 'Train', exact: true }).click();
    });
    await page.getByRole('button', { name: 'Stop' }).click();
    console.log(describe(`idle page (baseline, ${backend} tab)`, idle));
    console.log(describe(`training the lesson on ${backend}`, training));
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
