/**
 * From the first click on Train to the first epoch's point on the chart (issue 18, goal 4), for
 * the course's seed lesson (RNN: next character) in the web build in Debian's Chromium: the lesson
 * opened from the gallery, the page left alone for IDLE_MS (a learner reading the lesson), then
 * Train clicked, timed in the page from the click until the first epoch's figures show (the
 * progress line, or the loss chart's first point, whichever comes first). Two builds
 * side by side: a baseline (BASE_DIST) and this one (dist/), a fresh page each round.
 * Target: ≤ 0.3 s. Run with `[ROUNDS=5] [IDLE_MS=3000] BASE_DIST=/path/to/dist npx tsx
 * bench/first-epoch.ts` after `npm run build:renderer`.
 */
import type { Browser } from 'playwright-core';
import { median, openLessonToTrain, sideBySide } from './web-builds';

const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST: the baseline build to compare against');
const rounds = Number(process.env.ROUNDS ?? 5);
const idleMs = Number(process.env.IDLE_MS ?? 3000);

async function once(browser: Browser, address: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await openLessonToTrain(page, address, /RNN: next character/);
    await page.getByRole('button', { name: 'Train', exact: true }).first().waitFor();
    await page.waitForTimeout(idleMs);
    // Given as text: tsx names the functions it compiles with a helper the page does not have.
    return (await page.evaluate(`new Promise((resolve, reject) => {
      const train = [...document.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Train');
      if (!train) return reject(new Error('no Train button'));
      const start = performance.now();
      // The loss chart holding its first epoch's point, or, first, the progress line with the
      // first epoch's figures (the charts redraw at most once a second, and a run of the seed
      // lesson can end before their first redraw).
      const observer = new MutationObserver(() => {
        const chart = document.querySelector('figure[data-testid^="chart-"]');
        const charted = chart && Number(chart.getAttribute('data-points')) >= 1;
        if (!charted && !document.querySelector('[data-testid="run-progress"] .progress-text')) return;
        observer.disconnect();
        resolve(performance.now() - start);
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-points'] });
      train.click();
      setTimeout(() => reject(new Error('no epoch in 30 s')), 30000);
    })`)) as number;
  } finally {
    await page.close();
  }
}

const { base, current } = await sideBySide(baseDist, 4485, rounds, once);
const line = (name: string, runs: number[]) =>
  `${name.padEnd(8)} first epoch shown ${median(runs).toFixed(0)} ms after the click (median of ${runs.length}); per run: ${runs.map((ms) => ms.toFixed(0)).join(', ')}`;
console.log(line('base', base));
console.log(line('current', current));
console.log(`ratio (base / current): ${(median(base) / median(current)).toFixed(2)}`);
process.exit(0);
