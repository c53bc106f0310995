/**
 * Main-thread long tasks of a page, as PerformanceObserver's `longtask` entries report them: start
 * recording (anew), then take the durations recorded since. Shared by the benches that hold the
 * 50 ms line (long-tasks.ts, inside-cost.ts).
 */
import type { Page } from 'playwright-core';

/** Starts recording the page's long tasks, forgetting any recorded before. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store = window as unknown as { longTasks: number[]; observer?: PerformanceObserver };
    store.longTasks = [];
    store.observer?.disconnect();
    store.observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => store.longTasks.push(entry.duration)),
    );
    store.observer.observe({ type: 'longtask' });
  });
}

/** The durations (ms) of the long tasks recorded since `observeLongTasks`. */
export function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}
