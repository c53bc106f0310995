/**
 * Main-thread long tasks while a learner's 7.4 MB table opens in the browser: Sklearn's 1,797
 * digits (Debian's python3-sklearn) copied 28 times, 50,316 rows of 65 columns, dropped on the
 * window of two builds of the web app side by side, in Debian's Chromium: a baseline build
 * (BASE_DIST, for instance one made from the commit before a change) and this one (dist/). Each
 * round drops the file on a fresh page of each build in turn and records PerformanceObserver
 * `longtask` entries from the drop until the Data tab shows the split and 3 s more (the autosave).
 * Target (RELIABILITY.md, issue 17): no task over 200 ms. Reports each build's longest and total.
 * Also the window's memory (V8 heap and array buffers, after a garbage collection) held for the
 * opened table beyond what the page held before the drop, as a multiple of the table's size:
 * target (issue 17) about 2×.
 * Run with `BASE_DIST=/path/to/dist npx tsx bench/open-table.ts` after `npm run build:renderer`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { memoryOf, serve } from './web-builds';

const root = process.cwd();
const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST names the baseline build’s dist folder');
const rows = gunzipSync(readFileSync('/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz')).toString(
  'utf8',
);
const header = [...Array.from({ length: 64 }, (_, index) => `pixel_${index}`), 'digit'].join(',');
const table = [header, ...Array.from({ length: Number(process.env.COPIES ?? 28) }, () => rows.trim())].join('\n');

/** The long tasks (ms) from dropping the table until it is shown, and 3 s after; the memory it added. */
async function openOnce(browser: Browser, address: string): Promise<{ tasks: number[]; added: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(address);
  await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
  await page.evaluate((text) => {
    const store = window as unknown as { bigFile: File; longTasks: number[] };
    store.bigFile = new File([text], 'digits-large.csv', { type: 'text/csv' });
    store.longTasks = [];
  }, table);
  // The File is made before the observer starts: making it is the test's work, not the app's.
  await page.waitForTimeout(500);
  const session = await page.context().newCDPSession(page);
  const before = await memoryOf(session);
  await page.evaluate(() => {
    const store = window as unknown as { bigFile: File; longTasks: number[] };
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => store.longTasks.push(entry.duration)),
    ).observe({ type: 'longtask' });
    const transfer = new DataTransfer();
    transfer.items.add(store.bigFile);
    const target = document.querySelector('.react-flow__pane') ?? document.body;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.getByTestId('test-split').waitFor({ timeout: 300_000 });
  await page.waitForTimeout(3000);
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const added = (await memoryOf(session)) - before;
  await page.close();
  return { tasks, added };
}

const base = await serve(baseDist, 4431);
const current = await serve(path.join(root, 'dist'), 4432);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
const results = {
  base: [] as { tasks: number[]; added: number }[],
  current: [] as { tasks: number[]; added: number }[],
};
try {
  for (let round = 0; round < 3; round += 1) {
    results.base.push(await openOnce(browser, base.address));
    results.current.push(await openOnce(browser, current.address));
  }
} finally {
  await browser.close();
  await base.server.close();
  await current.server.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const bytes = new TextEncoder().encode(table).length;
for (const [label, runs] of Object.entries(results)) {
  const longest = median(runs.map(({ tasks }) => Math.max(0, ...tasks)));
  const total = median(runs.map(({ tasks }) => tasks.reduce((sum, duration) => sum + duration, 0)));
  const added = median(runs.map((run) => run.added));
  console.log(
    `${label.padEnd(8)} longest task ${Math.round(longest)} ms, all long tasks ${Math.round(total)} ms (median of 3); per run: ${runs.map(({ tasks }) => tasks.map(Math.round).join('+')).join(' | ')}`,
  );
  console.log(
    `${' '.repeat(8)} window memory held for the table: ${(added / 1e6).toFixed(1)} MB, ${(added / bytes).toFixed(2)}× its ${(bytes / 1e6).toFixed(1)} MB (median of 3)`,
  );
}
