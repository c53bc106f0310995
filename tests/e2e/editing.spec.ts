import { expect, test } from '@playwright/test';
import { dragLayerOntoCanvas, drawLessonNetwork, expectCounts, layer, openApp, wire } from '../helpers/canvas';

test.use({ locale: 'en-US' });

test('undo and redo every edit; a drag is one step', async ({ page }) => {
  await openApp(page);
  await dragLayerOntoCanvas(page, 'Input', 120, 150);
  await dragLayerOntoCanvas(page, 'Dense', 420, 150);
  await wire(page, 'input', 'dense');
  await expectCounts(page, '2 layers', '1 wire');

  await page.keyboard.press('Control+z');
  await expectCounts(page, '2 layers', '0 wires');
  await page.keyboard.press('Control+z');
  await expectCounts(page, '1 layer', '0 wires');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expectCounts(page, '2 layers', '1 wire');

  // A parameter edit, undone from the Edit menu.
  await layer(page, 'dense').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('activation').selectOption('relu');
  await expect(layer(page, 'dense').locator('[data-param="activation"]')).toHaveText('relu');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('menuitem', { name: /Undo/ }).click();
  await expect(layer(page, 'dense').locator('[data-param="activation"]')).toHaveText('linear');

  // Dragging a layer across the canvas is a single undo step.
  const before = await layer(page, 'dense').boundingBox();
  if (!before) throw new Error('dense is not visible');
  await page.mouse.move(before.x + 40, before.y + 12);
  await page.mouse.down();
  await page.mouse.move(before.x + 240, before.y + 160, { steps: 20 });
  await page.mouse.up();
  const moved = await layer(page, 'dense').boundingBox();
  expect(Math.round((moved?.x ?? 0) - before.x)).toBeGreaterThan(150);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect
    .poll(async () => Math.round((await layer(page, 'dense').boundingBox())?.x ?? 0))
    .toBe(Math.round(before.x));
  await expectCounts(page, '2 layers', '1 wire');
});

test('copy, paste, duplicate, select all, arrange, the command palette and the shortcut list', async ({ page }) => {
  await openApp(page);
  await dragLayerOntoCanvas(page, 'Input', 120, 150);
  await dragLayerOntoCanvas(page, 'LSTM', 420, 150);
  await wire(page, 'input', 'lstm');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });

  // Select both, copy, paste: two more layers and the wire between them, with fresh names.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expectCounts(page, '4 layers', '2 wires');
  await expect(layer(page, 'input_1')).toBeVisible();
  await expect(layer(page, 'lstm_1')).toBeVisible();
  await expect(page.getByTestId('wire-input_1-lstm_1')).toHaveText('(None, 3, 8)');

  // Duplicate the selection (the pasted pair) once more.
  await page.keyboard.press('Control+d');
  await expectCounts(page, '6 layers', '3 wires');

  // Arrange from the command palette: chains laid out left to right, none overlapping.
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('textbox').fill('arrange');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect
    .poll(async () => {
      const a = await layer(page, 'input').boundingBox();
      const b = await layer(page, 'lstm').boundingBox();
      return a && b ? Math.round(b.x - (a.x + a.width)) : -1;
    })
    .toBeGreaterThan(20);

  await page.keyboard.press('Control+/');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Ctrl+Shift+Z');
  await expect(shortcuts).toContainText('Command palette…');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
});

test('a wired layer deleted with the Delete key comes back with its wires in one undo', async ({ page }) => {
  await openApp(page);
  await drawLessonNetwork(page);
  await expectCounts(page, '3 layers', '2 wires');
  await layer(page, 'simple_rnn').click();
  await page.keyboard.press('Delete');
  await expectCounts(page, '2 layers', '0 wires');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expectCounts(page, '3 layers', '2 wires');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
});
