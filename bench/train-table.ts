/**
 * Training on a learner's large table in the browser: Sklearn's digits (Debian's python3-sklearn)
 * copied COPIES times (230: 60.9 MB, 413,310 rows; 760: 201 MB), chosen with File → Open data on
 * an empty canvas (the starter network proposed), trained one epoch. Two builds of the web app
 * side by side in Debian's Chromium: a baseline (BASE_DIST) and this one (dist/). Each round
 * opens the table on a fresh page of each build in turn, waits for its split, then clicks Train
 * and records the time until the first batch is reported and until the test split's result shows,
 * and the window's long tasks (PerformanceObserver `longtask`) from the click until that result.
 * Target (RELIABILITY.md, issue 17): no task over 200 ms; and the run starts without building the
 * table a second time.
 * Run with `[COPIES=760] [ROUNDS=1] BASE_DIST=/path/to/dist npx tsx bench/train-table.ts` after
 * `npm run build:renderer`.
 */
import type { Browser } from 'playwright-core';
import { digitsTableFile, longTasksOf, median, sideBySide, watchLongTasks } from './web-builds';

const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST names the baseline build’s dist folder');
const copies = Number(process.env.COPIES ?? 230);
const rounds = Number(process.env.ROUNDS ?? 1);
const table = digitsTableFile(copies);

interface Run {
  /** From the click on Train to the first batch reported, and to the test split's result. */
  firstBatch: number;
  result: number;
  tasks: number[];
}

async function trainOnce(browser: Browser, address: string): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(address);
  await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
  await page.getByRole('button', { name: 'File' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Open data (CSV, text)…' }).click();
  await (await chooser).setFiles(table.path);
  await page.getByTestId('test-split').waitFor({ timeout: 600_000 });
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('epochs').fill('1');
  await page.waitForTimeout(4000);
  await watchLongTasks(page);
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  await page
    .getByText(/epoch 1\/1 · batch \d+/)
    .first()
    .waitFor({ timeout: 600_000 });
  const firstBatch = Date.now() - clicked;
  await page.getByTestId('test-split-result').first().waitFor({ timeout: 600_000 });
  const result = Date.now() - clicked;
  const tasks = await longTasksOf(page);
  await page.close();
  return { firstBatch, result, tasks };
}

const results = await sideBySide(baseDist, 4441, rounds, trainOnce);
for (const [label, runs] of Object.entries(results)) {
  const longest = median(runs.map(({ tasks }) => Math.max(0, ...tasks)));
  console.log(
    `${label.padEnd(8)} first batch ${(median(runs.map((run) => run.firstBatch)) / 1000).toFixed(1)} s, result ${(median(runs.map((run) => run.result)) / 1000).toFixed(1)} s after the click; longest task ${Math.round(longest)} ms (median of ${rounds}); per run: ${runs.map(({ tasks }) => tasks.map(Math.round).join('+')).join(' | ')}`,
  );
}
