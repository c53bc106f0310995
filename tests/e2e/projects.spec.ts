import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { dragLayerOntoCanvas, expectCounts, layer, openApp, wire } from '../helpers/canvas';

test.use({ locale: 'en-US' });

test('edit, undo, redo, save, reload, restore the autosave, then open the saved file to the same graph', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await openApp(page);
  await dragLayerOntoCanvas(page, 'Input', 120, 150);
  await dragLayerOntoCanvas(page, 'SimpleRNN', 420, 150);
  await wire(page, 'input', 'simple_rnn');
  await layer(page, 'simple_rnn').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('units').fill('12');
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(layer(page, 'simple_rnn').locator('[data-param="units"]')).toHaveText('50');
  await page.keyboard.press('Control+Shift+z');
  await expect(layer(page, 'simple_rnn').locator('[data-param="units"]')).toHaveText('12');
  await expect(page).toHaveTitle(/^● Untitled — LayerLab$/);

  // Save: in the browser the project downloads as a .layerlab file.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Untitled.layerlab');
  const file = testInfo.outputPath('saved.layerlab');
  await saved.saveAs(file);
  const content = JSON.parse(await readFile(file, 'utf8')) as {
    formatVersion: number;
    graph: { nodes: { name: string; params: { units?: number } }[] };
  };
  expect(content.formatVersion).toBe(3);
  expect(content.graph.nodes.find((node) => node.name === 'simple_rnn')?.params.units).toBe(12);
  await expect(page).toHaveTitle(/^Untitled — LayerLab$/);

  // More work after the save, kept only by the autosave; then the page goes away.
  await dragLayerOntoCanvas(page, 'Dense', 700, 150);
  await wire(page, 'simple_rnn', 'dense');
  await expectCounts(page, '3 layers', '2 wires');
  await page.waitForTimeout(5000); // the autosave runs every 4 s
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();

  // The next start offers the unsaved work back.
  const restore = page.getByRole('dialog', { name: 'Restore unsaved work?' });
  await expect(restore).toBeVisible();
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expectCounts(page, '3 layers', '2 wires');
  await expect(page.getByTestId('wire-simple_rnn-dense')).toHaveText('(None, 12)');

  // Open the saved file: the graph as it was saved.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /^Open…/ }).click();
  await (await chooser).setFiles(file);
  await expectCounts(page, '2 layers', '1 wire');
  await expect(layer(page, 'simple_rnn').locator('[data-param="units"]')).toHaveText('12');
  await expect(page).toHaveTitle(/^saved — LayerLab$|^Untitled — LayerLab$/);

  // A damaged file is refused with its reason, and the graph on screen stays.
  const broken = testInfo.outputPath('broken.layerlab');
  await import('node:fs/promises').then((fs) =>
    fs.writeFile(broken, '{"formatVersion": 2, "__proto__": {"polluted": true}}'),
  );
  const chooser2 = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser2).setFiles(broken);
  await expect(page.getByTestId('notice')).toContainText('Could not open broken.layerlab');
  await expectCounts(page, '2 layers', '1 wire');
});
