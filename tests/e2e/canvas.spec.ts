import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { dragLayerOntoCanvas, expectCounts, layer, openApp, openProjectFile, wire } from '../helpers/canvas';
import { emptyProject, serializeProject } from '../../shared/project/project';
import { generatedGraph } from '../../bench/graphs';

test.use({ locale: 'en-US' });

test('a learner drags, wires, edits, deletes layers and switches language', async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await openApp(page);
  await expect(page.getByRole('complementary', { name: 'Layers' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network canvas' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  await expect(page.getByText('Your network starts here')).toBeVisible();
  // The minimap waits until asked for: it would cover the layers in its corner.
  await expect(page.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the minimap' }).click();
  await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();

  // Three layers, dropped where the pointer lets go.
  await dragLayerOntoCanvas(page, 'Input', 160, 260);
  await dragLayerOntoCanvas(page, 'SimpleRNN', 430, 260);
  await dragLayerOntoCanvas(page, 'Dense', 700, 260);
  await expectCounts(page, '3 layers', '0 wires');
  await expect(page.getByText('Your network starts here')).toBeHidden();
  const inputBox = await layer(page, 'input').boundingBox();
  const denseBox = await layer(page, 'dense').boundingBox();
  expect(inputBox && denseBox && denseBox.x - inputBox.x).toBeGreaterThan(400);

  // Wired output to input by dragging between handles.
  await wire(page, 'input', 'simple_rnn');
  await wire(page, 'simple_rnn', 'dense');
  await expectCounts(page, '3 layers', '2 wires');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // The inspector edits the selected layer; a valid value reaches the node.
  await layer(page, 'simple_rnn').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'SimpleRNN' })).toBeVisible();
  const units = inspector.getByLabel('units');
  await units.fill('64');
  await expect(layer(page, 'simple_rnn').locator('[data-param="units"]')).toHaveText('64');

  // An invalid value is refused at the field, with the allowed range; the layer keeps 64.
  await units.fill('-3');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.getByRole('alert')).toHaveText('Expected a whole number from 1 to 1,000,000.');
  await expect(layer(page, 'simple_rnn').locator('[data-param="units"]')).toHaveText('64');
  await units.fill('1.5');
  await expect(inspector.getByRole('alert')).toBeVisible();
  await expect(layer(page, 'simple_rnn').locator('[data-param="units"]')).toHaveText('64');
  await units.press('Escape');
  await expect(units).toHaveValue('64');
  await expect(inspector.getByRole('alert')).toBeHidden();

  // A choice and a switch.
  await inspector.getByLabel('activation').selectOption('relu');
  await expect(layer(page, 'simple_rnn').locator('[data-param="activation"]')).toHaveText('relu');

  // Zoom with the controls and pan by dragging the empty canvas.
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(viewport).not.toHaveAttribute('style', before ?? '');
  const zoomed = await viewport.getAttribute('style');
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('the canvas is not visible');
  // An empty corner of the canvas, away from the layers.
  await page.mouse.move(pane.x + pane.width - 80, pane.y + 40);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width - 140, pane.y + 90, { steps: 5 });
  await page.mouse.up();
  await expect(viewport).not.toHaveAttribute('style', zoomed ?? '');

  // Deleting a layer takes its wires with it (clicked by its title, clear of the minimap).
  await layer(page, 'dense').click({ position: { x: 16, y: 14 } });
  await page.keyboard.press('Delete');
  await expectCounts(page, '2 layers', '1 wire');
  await expect(layer(page, 'dense')).toHaveCount(0);

  // Spanish, then still Spanish after a reload because the choice is kept.
  await page.getByTestId('language').selectOption('es');
  await expect(page.getByRole('complementary', { name: 'Capas' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Recurrentes' })).toBeVisible();
  await expectCounts(page, '2 capas', '1 conexión');
  await layer(page, 'simple_rnn').click();
  await expect(page.getByText('Capa recurrente básica', { exact: false }).first()).toBeVisible();

  const screenshot = testInfo.outputPath('canvas-es.png');
  await page.screenshot({ path: screenshot });
  await testInfo.attach('canvas-es', { path: screenshot, contentType: 'image/png' });

  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Capas' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('follows the system language on first start', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('dialog', { name: 'Lecciones del curso' })).toBeVisible();
  await page.getByRole('button', { name: 'Empezar con el lienzo vacío' }).click();
  await expect(page.getByRole('complementary', { name: 'Capas' })).toBeVisible();
  await expect(page.getByText('Tu red empieza aquí')).toBeVisible();
  await context.close();
});

test('a double-click adds a layer after the selected one, and the palette filters', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('palette-Input').dblclick();
  await page.getByTestId('palette-LSTM').dblclick();
  // The LSTM comes after the selected Input, already wired to it.
  await expectCounts(page, '2 layers', '1 wire');
  const input = await layer(page, 'input').boundingBox();
  const lstm = await layer(page, 'lstm').boundingBox();
  expect(input && lstm && lstm.x > input.x + input.width).toBe(true);

  await page.getByPlaceholder('Filter layers').fill('pool');
  await expect(page.getByTestId('palette-MaxPooling2D')).toBeVisible();
  await expect(page.getByTestId('palette-Dense')).toHaveCount(0);
  await page.getByPlaceholder('Filter layers').fill('nothing-like-this');
  await expect(page.getByText('No layer matches')).toBeVisible();
});

test('a 500-layer network: framed as far out as the canvas goes, drawn where it is in view, panned to its end, zoomed and edited', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const file = testInfo.outputPath('chain-500.layerlab');
  await writeFile(file, serializeProject({ ...emptyProject('chain of 500'), graph: generatedGraph(500) }));
  await openApp(page);
  await openProjectFile(page, file);
  await expectCounts(page, '500 layers', '665 wires');
  // Framed as far out as the canvas goes, then only the layers in view are on the page.
  const drawn = page.locator('.react-flow__node');
  await expect.poll(() => drawn.count()).toBeLessThan(100);
  expect(await drawn.count()).toBeGreaterThan(5);
  await expect(page.getByTestId('layer-dense_499')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('framed.png') });

  // Dragged to the far end: its last layers come into view, with their shapes on the wires.
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  const middle = pane.x + pane.width / 2;
  const y = pane.y + pane.height - 20;
  for (let drag = 0; drag < 80; drag += 1) {
    const drawnAt = (await layer(page, 'dense_496').count()) > 0 ? await layer(page, 'dense_496').boundingBox() : null;
    if (drawnAt && drawnAt.x < middle) break;
    await page.mouse.move(middle + 200, y);
    await page.mouse.down();
    await page.mouse.move(middle - 200, y, { steps: 4 });
    await page.mouse.up();
  }
  await expect(layer(page, 'dense_499')).toBeVisible();

  // Closer in, a layer near the end edited: the wire after it carries the new shape at once, and
  // the Add it meets is pinned with the mismatch.
  const near = await layer(page, 'dense_496').boundingBox();
  if (!near) throw new Error('dense_496 is not drawn');
  await page.mouse.move(near.x + near.width / 2, near.y + near.height / 2);
  for (let turn = 0; turn < 4; turn += 1) await page.mouse.wheel(0, -300);
  await layer(page, 'dense_496').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('units').fill('7');
  await expect(page.getByTestId('wire-dense_496-dropout_497')).toHaveText('(None, 7)');
  await expect(layer(page, 'add_498')).toHaveClass(/has-error/);
  await page.screenshot({ path: testInfo.outputPath('far-end.png') });
  expect(errors).toEqual([]);
});
