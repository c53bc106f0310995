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
import type { Browser } from 'playwright-core';
import { digitsTableFile, longTasksOf, median, memoryOf, sideBySide, watchLongTasks } from './web-builds';

const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST names the baseline build’s dist folder');
const copies = Number(process.env.COPIES ?? 28);
const rounds = Number(process.env.ROUNDS ?? 3);
const table = digitsTableFile(copies);

/** The long tasks (ms) from choosing the table until it is shown, and 3 s after; the memory it added. */
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
  await watchLongTasks(page);
  await page.getByTestId('data-file').setInputFiles(table.path);
  await page.getByTestId('data-file-name').filter({ hasText: 'digits-large.csv' }).waitFor({ timeout: 600_000 });
  await page.getByTestId('test-split').waitFor({ timeout: 600_000 });
  await page.waitForTimeout(3000);
  const tasks = await longTasksOf(page);
  const added = (await memoryOf(session)) - before;
  await page.close();
  return { tasks, added };
}

const results = await sideBySide(baseDist, 4431, rounds, openOnce);
for (const [label, runs] of Object.entries(results)) {
  const longest = median(runs.map(({ tasks }) => Math.max(0, ...tasks)));
  const total = median(runs.map(({ tasks }) => tasks.reduce((sum, duration) => sum + duration, 0)));
  const added = median(runs.map((run) => run.added));
  console.log(
    `${label.padEnd(8)} longest task ${Math.round(longest)} ms, all long tasks ${Math.round(total)} ms (median of ${rounds}); per run: ${runs.map(({ tasks }) => tasks.map(Math.round).join('+')).join(' | ')}`,
  );
  console.log(
    `${' '.repeat(8)} window memory held for the table: ${(added / 1e6).toFixed(1)} MB, ${(added / table.bytes).toFixed(2)}× its ${(table.bytes / 1e6).toFixed(1)} MB (median of ${rounds})`,
  );
}
