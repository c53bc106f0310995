/**
 * Main-thread long tasks while a learner's table opens in the browser: Sklearn's 1,797 digits
 * (Debian's python3-sklearn) copied COPIES times (28: 7.4 MB, 50,316 rows of 65 columns; 760:
 * 201 MB, 1,365,720 rows), written to a file and chosen in the Data tab's file input, in two
 * builds of the web app side by side in Debian's Chromium: a baseline build (BASE_DIST, for
 * instance one made from the commit before a change) and this one (dist/). Each round opens the
 * file on a fresh page of each build in turn and records PerformanceObserver `longtask` entries
 * from the choice until the Data tab shows the file's split and 3 s more (the autosave).
 * Target (RELIABILITY.md, issue 17): no task over 200 ms. Reports each build's longest and total.
 * Also the window's memory (V8 heap and array buffers, after a garbage collection) held for the
 * opened table beyond what the page held before, as a multiple of the table's size: target
 * (issue 17) about 2×.
 * Run with `[COPIES=760] [ROUNDS=1] BASE_DIST=/path/to/dist npx tsx bench/open-table.ts` after
 * `npm run build:renderer`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
const copies = Number(process.env.COPIES ?? 28);
const tablePath = path.join(tmpdir(), `layerlab-bench-${copies}`, 'digits-large.csv');
mkdirSync(path.dirname(tablePath), { recursive: true });
writeFileSync(tablePath, [header, ...Array.from({ length: copies }, () => `\n${rows.trim()}`)].join(''));
const rounds = Number(process.env.ROUNDS ?? 3);

/** The long tasks (ms) from dropping the table until it is shown, and 3 s after; the memory it added. */
async function openOnce(browser: Browser, address: string): Promise<{ tasks: number[]; added: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(address);
  await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByLabel('Data source').selectOption('csv');
  // The file given to the Data tab's file input as a learner's chosen file is: read from disk.
  // (A File made in the page from a string is copied to the browser's blob store as it is first
  // read, in long tasks of the page's own that a learner's file never has.)
  await page.waitForTimeout(500);
  const session = await page.context().newCDPSession(page);
  const before = await memoryOf(session);
  await page.evaluate(() => {
    const store = window as unknown as { longTasks: number[] };
    store.longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => store.longTasks.push(entry.duration)),
    ).observe({ type: 'longtask' });
  });
  await page.getByTestId('data-file').setInputFiles(tablePath);
  await page.getByTestId('data-file-name').filter({ hasText: 'digits-large.csv' }).waitFor({ timeout: 600_000 });
  await page.getByTestId('test-split').waitFor({ timeout: 600_000 });
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
  for (let round = 0; round < rounds; round += 1) {
    results.base.push(await openOnce(browser, base.address));
    results.current.push(await openOnce(browser, current.address));
  }
} finally {
  await browser.close();
  await base.server.close();
  await current.server.close();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const bytes = header.length + copies * (1 + Buffer.byteLength(rows.trim()));
for (const [label, runs] of Object.entries(results)) {
  const longest = median(runs.map(({ tasks }) => Math.max(0, ...tasks)));
  const total = median(runs.map(({ tasks }) => tasks.reduce((sum, duration) => sum + duration, 0)));
  const added = median(runs.map((run) => run.added));
  console.log(
    `${label.padEnd(8)} longest task ${Math.round(longest)} ms, all long tasks ${Math.round(total)} ms (median of ${rounds}); per run: ${runs.map(({ tasks }) => tasks.map(Math.round).join('+')).join(' | ')}`,
  );
  console.log(
    `${' '.repeat(8)} window memory held for the table: ${(added / 1e6).toFixed(1)} MB, ${(added / bytes).toFixed(2)}× its ${(bytes / 1e6).toFixed(1)} MB (median of ${rounds})`,
  );
}
