/**
 * A learner's folder of images opened in the browser: 2,500 and 20,000 grey 28×28 PNG files (the
 * shipped handwritten digits drawn large, as MNIST's are), ten classes, chosen with File → Open a
 * folder of images in two builds of the web app side by side, in Debian's Chromium: a baseline
 * build (BASE_DIST, for instance one made from the commit before a change) and this one (dist/).
 * Each round opens the folder on a fresh page of each build in turn and records
 * PerformanceObserver `longtask` entries from the choice until the Data tab shows the images as the
 * network sees them and 3 s more (the autosave), the time that took, and the window's memory (V8 heap and array
 * buffers, after a garbage collection) held beyond what the page held before, as a multiple of
 * the images' pixels. Targets (issue 17): no task over 200 ms, memory about twice the data.
 * Also the browser alone taking the folder from the chooser, a floor under both. A build that
 * refuses the folder (the baseline kept at most 2,500) is reported as refusing it.
 * Run with `BASE_DIST=/path/to/dist npx tsx bench/open-folder.ts` after `npm run build:renderer`;
 * `COUNTS=2500,20000` picks the folder sizes.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { longTasksOf, median, memoryOf, serve, watchLongTasks } from './web-builds';
import { writeManyDigits } from '../tests/helpers/image-folder';

const root = process.cwd();
const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST names the baseline build’s dist folder');
const counts = (process.env.COUNTS ?? '2500,20000').split(',').map(Number);
const side = 28;

/** A folder of `count` digits at 28×28, written once and kept in the temp folder. */
function digitFolder(count: number): string {
  const folder = path.join(tmpdir(), `layerlab-bench-digits-${count}`);
  if (!existsSync(path.join(folder, 'done'))) {
    writeManyDigits(tmpdir(), `layerlab-bench-digits-${count}`, count, side);
    writeFileSync(path.join(folder, 'done'), '');
  }
  return folder;
}

interface Run {
  tasks: number[];
  added: number;
  seconds: number;
  refused: string | null;
}

/** Opens `folder` on a fresh page of `address`: long tasks, memory added, seconds until shown. */
async function openOnce(browser: Browser, address: string, folder: string): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(address);
  await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
  await page.waitForTimeout(500);
  const session = await page.context().newCDPSession(page);
  const before = await memoryOf(session);
  await watchLongTasks(page);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Open a folder of images…' }).click();
  const started = Date.now();
  await (await chooser).setFiles(folder);
  const refusal = page.locator('.notice-error');
  await Promise.race([
    page
      .getByTestId('data-preview')
      .getByText(/\(\d+, 28, 28, 1\)/)
      .waitFor({ timeout: 600_000 }),
    refusal.waitFor({ timeout: 600_000 }),
  ]);
  const seconds = (Date.now() - started) / 1000;
  const refused = (await refusal.count()) > 0 ? await refusal.first().innerText() : null;
  await page.waitForTimeout(3000);
  const tasks = await longTasksOf(page);
  const added = (await memoryOf(session)) - before;
  await page.close();
  return { tasks, added, seconds, refused };
}

/**
 * The long tasks of the browser alone taking the folder from the chooser (a page whose directory
 * input listens for the choice and does nothing with it): the floor under both builds, which no
 * code of theirs can lower. Chromium makes a File object for each file then, about a quarter of a
 * millisecond each on the window's thread.
 */
async function handOverOnce(browser: Browser, folder: string): Promise<Run> {
  const page = await browser.newPage();
  await page.setContent('<input type="file" webkitdirectory>');
  await watchLongTasks(page);
  const started = Date.now();
  await page.locator('input').setInputFiles(folder);
  const seconds = (Date.now() - started) / 1000;
  await page.waitForTimeout(1000);
  const tasks = await longTasksOf(page);
  await page.close();
  return { tasks, added: 0, seconds, refused: null };
}

const base = await serve(baseDist, 4433);
const current = await serve(path.join(root, 'dist'), 4434);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  for (const count of counts) {
    const folder = digitFolder(count);
    const results = { base: [] as Run[], current: [] as Run[] };
    const floor: Run[] = [];
    for (let round = 0; round < 3; round += 1) {
      floor.push(await handOverOnce(browser, folder));
      results.base.push(await openOnce(browser, base.address, folder));
      results.current.push(await openOnce(browser, current.address, folder));
    }
    const pixels = count * side * side;
    console.log(
      `${count.toLocaleString('en-US')} grey ${side}×${side} PNG files (${(pixels / 1e6).toFixed(1)} MB of pixels):`,
    );
    console.log(
      `  browser alone taking the folder: longest task ${Math.round(median(floor.map(({ tasks }) => Math.max(0, ...tasks))))} ms in ${median(floor.map((run) => run.seconds)).toFixed(1)} s (median of 3)`,
    );
    for (const [label, runs] of Object.entries(results)) {
      const refused = runs.find((run) => run.refused)?.refused;
      if (refused) {
        console.log(`  ${label.padEnd(8)} refused: ${refused}`);
        continue;
      }
      const longest = median(runs.map(({ tasks }) => Math.max(0, ...tasks)));
      const total = median(runs.map(({ tasks }) => tasks.reduce((sum, duration) => sum + duration, 0)));
      const added = median(runs.map((run) => run.added));
      const seconds = median(runs.map((run) => run.seconds));
      console.log(
        `  ${label.padEnd(8)} opened in ${seconds.toFixed(1)} s; longest task ${Math.round(longest)} ms, all long tasks ${Math.round(total)} ms; memory held ${(added / 1e6).toFixed(1)} MB, ${(added / pixels).toFixed(2)}× the pixels (medians of 3); per run: ${runs.map(({ tasks }) => tasks.map(Math.round).join('+')).join(' | ')}`,
      );
    }
  }
} finally {
  await browser.close();
  await base.server.close();
  await current.server.close();
}
