/**
 * The canvas at size (issue 18, goal 6): a 500-layer network, opened from a project file in the
 * web build in Debian's Chromium, panned and zoomed with the mouse at full size and zoomed out as
 * far as the canvas goes, with the browser's own frame timing (requestAnimationFrame stamps in the
 * page) while the mouse moves; and an edit (a Dense layer's units) timed until the wire after it
 * shows the new shape. Two builds side by side: a baseline (BASE_DIST) and this one (dist/).
 * Target: panning and zooming at ≥ 50 frames a second; an edit's shapes within one frame.
 * Run with `[ROUNDS=3] [LAYERS=500] BASE_DIST=/path/to/dist npx tsx bench/canvas-size.ts` after
 * `npm run build:renderer`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { emptyProject, serializeProject } from '../shared/project/project';
import { generatedGraph } from './graphs';
import { median, sideBySide } from './web-builds';

const baseDist = process.env.BASE_DIST;
if (!baseDist) throw new Error('BASE_DIST: the baseline build to compare against');
const rounds = Number(process.env.ROUNDS ?? 3);
const layers = Number(process.env.LAYERS ?? 500);

/** How long each gesture is measured for. */
const gestureMs = 3000;

function projectFile(): string {
  const file = path.join(tmpdir(), 'layerlab-bench-canvas', `chain-${layers}.layerlab`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, serializeProject({ ...emptyProject(`chain of ${layers}`), graph: generatedGraph(layers) }));
  return file;
}

interface Frames {
  fps: number;
  /** The 95th percentile of the time between frames, ms. */
  p95: number;
}

/**
 * Starts stamping every frame the page draws. Given as text: tsx names the functions it compiles
 * with a helper the page does not have.
 */
async function startFrames(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.framing = true;
    const tick = (time) => {
      window.frames_.push(time);
      if (window.framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

async function stopFrames(page: Page): Promise<Frames> {
  const stamps = (await page.evaluate('window.framing = false, window.frames_')) as number[];
  const gaps = stamps.slice(1).map((time, index) => time - (stamps[index] ?? time));
  const span = (stamps.at(-1) ?? 0) - (stamps[0] ?? 0);
  const sorted = [...gaps].sort((a, b) => a - b);
  return { fps: ((stamps.length - 1) * 1000) / span, p95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN };
}

/** Drags the empty canvas back and forth for `gestureMs`: a pan, as the learner does it. */
async function pan(page: Page): Promise<Frames> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const y = pane.y + pane.height - 30;
  const left = pane.x + pane.width * 0.3;
  const right = pane.x + pane.width * 0.7;
  await page.mouse.move(right, y);
  await page.mouse.down();
  await startFrames(page);
  const until = Date.now() + gestureMs;
  let towards = left;
  while (Date.now() < until) {
    await page.mouse.move(towards, y, { steps: 30 });
    towards = towards === left ? right : left;
  }
  const frames = await stopFrames(page);
  await page.mouse.up();
  return frames;
}

/** Turns the wheel in and out over the canvas for `gestureMs`: a zoom, as the learner does it. */
async function zoom(page: Page): Promise<Frames> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  await startFrames(page);
  const until = Date.now() + gestureMs;
  let step = 0;
  while (Date.now() < until) {
    await page.mouse.wheel(0, step % 20 < 10 ? -40 : 40);
    step += 1;
  }
  return stopFrames(page);
}

/** Zooms with the wheel until the view's zoom (its viewport's scale) is past `target`. */
async function zoomTo(page: Page, target: number): Promise<number> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  const current = () =>
    page.evaluate(
      () =>
        new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport') ?? document.body).transform).a,
    );
  for (let turn = 0; turn < 60; turn += 1) {
    const now = await current();
    if (target < 1 ? now <= target : now >= target) return now;
    await page.mouse.wheel(0, target < now ? 200 : -200);
    await page.waitForTimeout(30);
  }
  return current();
}

/**
 * From typing new units into the Dense layer nearest the middle of the view to the wire after it
 * showing the new shape, ms (the page's clock, until the frame that shows it).
 */
async function edit(page: Page): Promise<number> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  const boxes = await page.locator('[data-kind="Dense"]').evaluateAll((layers) =>
    layers.map((layer) => {
      const box = layer.getBoundingClientRect();
      return { id: layer.getAttribute('data-testid') ?? '', x: box.x, y: box.y };
    }),
  );
  const nearest = boxes
    .map(({ id, x, y }) => ({ id, distance: Math.hypot(x - middle.x, y - middle.y) }))
    .sort((a, b) => a.distance - b.distance)[0];
  if (!nearest) throw new Error('no Dense layer');
  await page.getByTestId(nearest.id).click();
  const units = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('units');
  const input = await units.elementHandle();
  return page.evaluate(async (field) => {
    if (!(field instanceof HTMLInputElement)) throw new Error('no units field');
    const canvas = document.querySelector('.react-flow');
    const start = performance.now();
    // As typing does it: the value set the way React sees it, then the input event.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(field, '65');
    field.dispatchEvent(new Event('input', { bubbles: true }));
    while (!canvas?.textContent?.includes('(None, 65)')) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (performance.now() - start > 5000) throw new Error('the shape never showed');
    }
    return performance.now() - start;
  }, input);
}

interface Round {
  opened: number;
  zoomedOut: number;
  panOut: Frames;
  zoomOut: Frames;
  panFull: Frames;
  editMs: number;
}

async function once(browser: Browser, address: string, file: string): Promise<Round> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(address);
    await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
    const started = Date.now();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Open…/ }).click();
    await (await chooser).setFiles(file);
    await page.getByTestId(`layer-dense_1`).waitFor();
    const opened = Date.now() - started;
    // As opened: the view framed on the network, as far out as the canvas goes.
    const editMs = await edit(page);
    const zoomedOut = await zoomTo(page, 0.2);
    const panOut = await pan(page);
    const zoomOut = await zoom(page);
    await zoomTo(page, 1);
    const panFull = await pan(page);
    return { opened, zoomedOut, panOut, zoomOut, panFull, editMs };
  } finally {
    await page.close();
  }
}

const file = projectFile();
const { base, current } = await sideBySide(baseDist, 4481, rounds, (browser, address) => once(browser, address, file));
const summary = (runs: Round[]) => ({
  opened: median(runs.map((run) => run.opened)),
  zoomedOut: median(runs.map((run) => run.zoomedOut)),
  panFull: median(runs.map((run) => run.panFull.fps)),
  panFullP95: median(runs.map((run) => run.panFull.p95)),
  panOut: median(runs.map((run) => run.panOut.fps)),
  panOutP95: median(runs.map((run) => run.panOut.p95)),
  zoomOut: median(runs.map((run) => run.zoomOut.fps)),
  zoomOutP95: median(runs.map((run) => run.zoomOut.p95)),
  editMs: median(runs.map((run) => run.editMs)),
});
for (const [name, runs] of [
  ['base', base],
  ['current', current],
] as const) {
  const s = summary(runs);
  console.log(
    `${name.padEnd(8)} opened ${s.opened} ms; pan at full size ${s.panFull.toFixed(1)} fps (p95 ${s.panFullP95.toFixed(1)} ms); ` +
      `zoomed out to ${s.zoomedOut.toFixed(2)}: pan ${s.panOut.toFixed(1)} fps (p95 ${s.panOutP95.toFixed(1)} ms), ` +
      `zoom ${s.zoomOut.toFixed(1)} fps (p95 ${s.zoomOutP95.toFixed(1)} ms); edit to shape ${s.editMs.toFixed(1)} ms`,
  );
}
process.exit(0);
