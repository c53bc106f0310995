/**
 * What looking inside the network costs (issue 19, goal 7), in the web build in Debian's Chromium:
 *
 * a. Watching while training: lesson 4.2 (SimpleRNN, 25 steps) trained for 40 epochs with "Watch
 *    inside" off (the baseline) and on with its charts in view, side by side, alternating: the
 *    run's seconds (ratio on ÷ off) and the window's main-thread long tasks.
 * b. Looking inside a large recurrent layer: lesson 4.2's LSTM widened to 128 units, its gates
 *    shown (25 steps × 128 units × 6 heatmaps, 19,200 cells), the slider walked through every
 *    step; long tasks against the same page idle for as long.
 *
 * Target: no main-thread task over 50 ms while the views are open; training not slowed while
 * they are closed (that is by construction: nothing is measured, tests/dynamics.test.ts).
 * Run with `npx tsx bench/inside-cost.ts [--rounds N]` after `npm run build:renderer`.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/helpers/chromium';
import { longTasksOf, median, serve, watchLongTasks } from './web-builds';

const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Number(options.rounds);
const port = 4418;

function describe(label: string, tasks: number[], extra = ''): string {
  const over50 = tasks.filter((duration) => duration > 50).length;
  const max = Math.max(0, ...tasks);
  return `${label.padEnd(44)} long tasks ${String(tasks.length).padStart(3)}  over 50 ms ${String(over50).padStart(3)}  longest ${String(Math.round(max)).padStart(4)} ms${extra}`;
}

async function openLesson(page: Page): Promise<void> {
  await page.goto(address);
  await page.getByRole('button', { name: /a long memory/ }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
}

/** Trains with the view on or off; the run's seconds as the app reports them, and the long tasks. */
async function timedRun(page: Page, watch: boolean): Promise<{ seconds: number; tasks: number[] }> {
  await page.getByLabel('epochs').fill('40');
  const box = page.getByLabel(/Watch inside the network while it trains/);
  if (watch) await box.check();
  else await box.uncheck();
  await watchLongTasks(page);
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  // A finished run opens the playground.
  const playground = page.getByRole('tab', { name: 'Playground' });
  while ((await playground.getAttribute('aria-selected')) !== 'true') await page.waitForTimeout(100);
  const tasks = await longTasksOf(page);
  await page.getByRole('tab', { name: 'Training' }).click();
  const outcome = await page.getByTestId('run-outcome').innerText();
  const seconds = Number(/in ([\d.]+) s/.exec(outcome)?.[1]);
  return { seconds, tasks };
}

const { server, address } = await serve(path.join(process.cwd(), 'dist'), port);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  // a. Watching while training, off and on in turns on one page.
  const page = await browser.newPage({ viewport: { width: 1440, height: 1200 }, locale: 'en-US' });
  await openLesson(page);
  // Opening the view mounts its charts, empty.
  await page.getByLabel('epochs').fill('40');
  await watchLongTasks(page);
  await page.getByLabel(/Watch inside the network while it trains/).check();
  await page.waitForTimeout(1000);
  const opening = await longTasksOf(page);
  const off: number[] = [];
  const on: number[] = [];
  const onTasks: number[] = [];
  const offTasks: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const closed = await timedRun(page, false);
    const open = await timedRun(page, true);
    off.push(closed.seconds);
    on.push(open.seconds);
    offTasks.push(...closed.tasks);
    onTasks.push(...open.tasks);
    if (process.env.SHOW_TASKS) console.log('   long tasks, watching:', open.tasks.map(Math.round).join(', '));
  }
  console.log(`a. lesson 4.2, 40 epochs, ${rounds} rounds alternating`);
  console.log(describe('   opening the view (no run)', opening));
  console.log(describe('   view closed (baseline)', offTasks, `  run ${median(off).toFixed(2)} s (median)`));
  console.log(
    describe(
      '   watching inside, charts in view',
      onTasks,
      `  run ${median(on).toFixed(2)} s (median), ${(median(on) / median(off)).toFixed(2)} × the baseline`,
    ),
  );

  // b. A wide LSTM's gates, walked step by step.
  await page.getByLabel(/Watch inside the network while it trains/).uncheck();
  await page.getByRole('tab', { name: 'Lesson' }).click();
  await page.getByRole('button', { name: /^4 LSTM$/ }).click();
  await page.getByTestId('lesson-panel').getByRole('button', { name: 'Use an LSTM' }).click();
  await page.getByTestId('layer-memory').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('units').fill('128');
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('epochs').fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  const inside = page.getByTestId('look-inside');
  await inside.getByLabel('Show the gates').waitFor({ timeout: 120_000 });
  await watchLongTasks(page);
  await inside.getByLabel('Show the gates').check();
  await page.getByTestId('look-gate-forget-forward').waitFor();
  await page.waitForTimeout(1000);
  const showing = await longTasksOf(page);
  const cells = await inside
    .locator('figure.heatmap')
    .evaluateAll((figures) =>
      figures.reduce(
        (sum, figure) => sum + Number(figure.getAttribute('data-rows')) * Number(figure.getAttribute('data-units')),
        0,
      ),
    );
  const walkMs = 25 * 150;
  await watchLongTasks(page);
  await page.waitForTimeout(walkMs);
  const idle = await longTasksOf(page);
  await watchLongTasks(page);
  for (let step = 25; step >= 1; step -= 1) {
    await inside.getByRole('slider').fill(String(step));
    await page.waitForTimeout(150);
  }
  const walking = await longTasksOf(page);
  console.log(`b. lesson 4.2 as an LSTM(128), gates shown: ${cells} cells, the slider walked through 25 steps`);
  console.log(describe('   the page idle (baseline)', idle));
  console.log(describe('   showing the gates', showing));
  console.log(describe('   walking the steps', walking));
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
