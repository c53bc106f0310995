/**
 * The digits lesson's CNN trained in the browser (issue 18, goal 1): the lesson "A small CNN reads
 * handwritten digits" opened from the gallery in the web build in Debian's Chromium, Train clicked
 * with the backend the app chooses (no GPU here), timed in the page from the click until the run's
 * 15 epochs are done (the playground opens), with the backend the status bar names. Two builds
 * side by side: a baseline (BASE_DIST) and this one (dist/), a fresh page each round.
 * Target: at least 5× faster than before. Run with `[ROUNDS=3] BASE_DIST=/path/to/dist npx tsx
 * bench/cnn-lesson.ts` after `npm run build:renderer`. LESSON (a pattern of the gallery button's
 * name) trains another lesson the same way, e.g. LESSON='write like Cervantes' for lesson 7.2.
 */
import type { Browser } from 'playwright-core';
import { median, openLessonToTrain, sideBySide, trainToTheEnd } from './web-builds';

const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST: the baseline build to compare against');
const rounds = Number(process.env.ROUNDS ?? 3);
const lesson = new RegExp(process.env.LESSON ?? 'A small CNN reads');

async function once(
  browser: Browser,
  address: string,
): Promise<{ seconds: number; own: number; backend: string; result: string }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await openLessonToTrain(page, address, lesson);
    await page.waitForTimeout(3000);
    const started = Date.now();
    const status = await trainToTheEnd(page, 600_000);
    const seconds = (Date.now() - started) / 1000;
    const backend = await page.getByTestId('status-backend').innerText();
    const result = status.replace(/\s+/g, ' ');
    // The run's own time, from its first batch to its last epoch ("Finished 15 epochs in 5.5 s").
    const own = Number(/Finished \d+ epochs in ([\d.]+) s/.exec(result)?.[1] ?? Number.NaN);
    return { seconds, own, backend, result: result.slice(0, 200) };
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
    `${name.padEnd(8)} ${median(runs.map((run) => run.seconds)).toFixed(1)} s from the click (median of ${runs.length}; ${runs.map((run) => run.seconds.toFixed(1)).join(', ')}), ` +
      `${median(runs.map((run) => run.own)).toFixed(2)} s by the run's own count (${runs.map((run) => run.own.toFixed(1)).join(', ')}) on ${runs[0]?.backend}; ${runs[0]?.result}`,
  );
}
const ratio = (key: 'seconds' | 'own') =>
  (median(base.map((run) => run[key])) / median(current.map((run) => run[key]))).toFixed(2);
console.log(`ratio (base / current): ${ratio('seconds')} from the click, ${ratio('own')} by the runs' own count`);
process.exit(0);
