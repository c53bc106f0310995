/**
 * The digits lesson's CNN trained in the browser (issue 18, goal 1): the lesson "A small CNN reads
 * handwritten digits" opened from the gallery in the web build in Debian's Chromium, Train clicked
 * with the backend the app chooses (no GPU here), timed in the page from the click until the run's
 * 15 epochs are done (the playground opens), with the backend the status bar names. Two builds
 * side by side: a baseline (BASE_DIST) and this one (dist/), a fresh page each round.
 * Target: at least 5× faster than before. Run with `[ROUNDS=3] BASE_DIST=/path/to/dist npx tsx
 * bench/cnn-lesson.ts` after `npm run build:renderer`.
 */
import type { Browser } from 'playwright-core';
import { median, openLessonToTrain, sideBySide, trainToTheEnd } from './web-builds';

const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST: the baseline build to compare against');
const rounds = Number(process.env.ROUNDS ?? 3);

async function once(browser: Browser, address: string): Promise<{ seconds: number; backend: string; result: string }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await openLessonToTrain(page, address, /A small CNN reads/);
    await page.waitForTimeout(3000);
    const started = Date.now();
    const status = await trainToTheEnd(page, 600_000);
    const seconds = (Date.now() - started) / 1000;
    const backend = await page.getByTestId('status-backend').innerText();
    const result = status.replace(/\s+/g, ' ').slice(0, 160);
    return { seconds, backend, result };
  } finally {
    await page.close();
  }
}

const { base, current } = await sideBySide(baseDist, 4487, rounds, once);
for (const [name, runs] of [
  ['base', base],
  ['current', current],
] as const) {
  console.log(
    `${name.padEnd(8)} ${median(runs.map((run) => run.seconds)).toFixed(1)} s (median of ${runs.length}; ${runs.map((run) => run.seconds.toFixed(1)).join(', ')}) on ${runs[0]?.backend}; ${runs[0]?.result}`,
  );
}
console.log(
  `ratio (base / current): ${(median(base.map((run) => run.seconds)) / median(current.map((run) => run.seconds))).toFixed(2)}`,
);
process.exit(0);
