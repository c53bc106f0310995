/** What a user does with the mouse on the canvas, as Playwright steps. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens LayerLab on an empty canvas: the lesson gallery greets every start, so close it. */
export async function openApp(page: Page, closeButton = 'Start with an empty canvas'): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: closeButton }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Opens a project file with File → Open…, as a learner does. */
export async function openProjectFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Open…/ }).click();
  await (await chooser).setFiles(file);
}

/** Drags a layer from the palette and drops it at `(x, y)` inside the canvas, with real drag events. */
export async function dragLayerOntoCanvas(page: Page, kind: string, x: number, y: number): Promise<void> {
  const canvas = page.locator('.react-flow__pane');
  await page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x, y } });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Wires the output handle of layer `from` to the input handle of layer `to` by dragging. */
export async function wire(page: Page, from: string, to: string): Promise<void> {
  const start = await centre(page.getByTestId(`out-${from}`));
  const end = await centre(page.getByTestId(`in-${to}`));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
}

export function layer(page: Page, name: string): Locator {
  return page.getByTestId(`layer-${name}`);
}

export async function expectCounts(page: Page, layers: string, wires: string): Promise<void> {
  await expect(page.getByTestId('layer-count')).toHaveText(layers);
  await expect(page.getByTestId('wire-count')).toHaveText(wires);
}

/** Draws the course lesson with the mouse: Input (3, 8) → SimpleRNN(50) → Dense(8, softmax). */
export async function drawLessonNetwork(page: Page): Promise<void> {
  await dragLayerOntoCanvas(page, 'Input', 100, 120);
  await dragLayerOntoCanvas(page, 'SimpleRNN', 380, 120);
  await dragLayerOntoCanvas(page, 'Dense', 660, 120);
  await wire(page, 'input', 'simple_rnn');
  await wire(page, 'simple_rnn', 'dense');
  await layer(page, 'dense').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByLabel('units').fill('8');
  await inspector.getByLabel('activation').selectOption('softmax');
}

/** Chooses the "hello world" text in the Data tab and opens the Training tab. */
export async function useHelloWorld(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByLabel('Data source').selectOption('text-next-char');
  await expect(page.getByTestId('data-preview')).toContainText('(8, 3, 8)');
  await page.getByRole('tab', { name: 'Training' }).click();
}

/** Points drawn on a chart so far. */
export async function chartPoints(page: Page, title: string): Promise<number> {
  return Number(await page.getByTestId(`chart-${title}`).getAttribute('data-points'));
}
