/**
 * What the benchmarks that open data in two builds of the web app side by side share: serving the
 * builds and running them in turn, the window's long tasks and memory, and a large table to open.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { preview } from 'vite';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';

/** Serves a build of the web app (its dist folder) on `port`; the server and its address. */
export async function serve(dist: string, port: number) {
  const server = await preview({
    configFile: path.join(process.cwd(), 'renderer', 'vite.config.ts'),
    build: { outDir: dist },
    preview: { port, host: '127.0.0.1', strictPort: true, open: false },
    logLevel: 'silent',
  });
  return { server, address: `http://127.0.0.1:${port}/` };
}

/** The window's heap and array buffers in use after a garbage collection, in bytes. */
export async function memoryOf(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  const usage = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  return usage.usedSize + (usage.backingStorageSize ?? 0);
}

/**
 * Starts recording the page's long tasks (PerformanceObserver `longtask`) from now, forgetting
 * those recorded before; a page watched again has one observer, not one per call.
 */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store = window as unknown as { longTasks: number[]; longTaskObserver?: PerformanceObserver };
    store.longTasks = [];
    store.longTaskObserver?.disconnect();
    store.longTaskObserver = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => store.longTasks.push(entry.duration)),
    );
    store.longTaskObserver.observe({ type: 'longtask' });
  });
}

/** The long tasks (ms) recorded since `watchLongTasks`. */
export function longTasksOf(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Sklearn's 1,797 digits (Debian's python3-sklearn) under a header, copied `copies` times, written
 * to a file as a learner's table is chosen from disk: its path and size in bytes.
 */
export function digitsTableFile(copies: number): { path: string; bytes: number } {
  const rows = gunzipSync(readFileSync('/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz'))
    .toString('utf8')
    .trim();
  const header = [...Array.from({ length: 64 }, (_, index) => `pixel_${index}`), 'digit'].join(',');
  const file = path.join(tmpdir(), `layerlab-bench-${copies}`, 'digits-large.csv');
  const text = [header, ...Array.from({ length: copies }, () => `\n${rows}`)].join('');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return { path: file, bytes: Buffer.byteLength(text) };
}

/**
 * `once` run on a fresh page of each build in turn, `rounds` times: the baseline (`baseDist`) and
 * this one (dist/), served on two ports from `port`, in one headless Chromium.
 */
export async function sideBySide<R>(
  baseDist: string,
  port: number,
  rounds: number,
  once: (browser: Browser, address: string) => Promise<R>,
): Promise<{ base: R[]; current: R[] }> {
  const base = await serve(baseDist, port);
  const current = await serve(path.join(process.cwd(), 'dist'), port + 1);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const results = { base: [] as R[], current: [] as R[] };
  try {
    for (let round = 0; round < rounds; round += 1) {
      results.base.push(await once(browser, base.address));
      results.current.push(await once(browser, current.address));
    }
  } finally {
    await browser.close();
    await base.server.close();
    await current.server.close();
  }
  return results;
}

/** Opens `address` on the lesson whose gallery button reads `lesson`, at its Training tab. */
export async function openLessonToTrain(page: Page, address: string, lesson: RegExp): Promise<void> {
  await page.goto(address);
  await page.getByRole('button', { name: lesson }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
}

/**
 * Clicks Train and waits for the run to end (the app opens the Playground when it does), then
 * back at the Training tab: what its status says of the run.
 */
export async function trainToTheEnd(page: Page, timeoutMs: number): Promise<string> {
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  await page
    .getByRole('tab', { name: 'Playground' })
    .and(page.locator('[aria-selected="true"]'))
    .waitFor({ timeout: timeoutMs });
  await page.getByRole('tab', { name: 'Training' }).click();
  return page.getByTestId('run-status').innerText();
}
