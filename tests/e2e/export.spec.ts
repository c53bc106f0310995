import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

test('File → Export code shows the lesson as TypeScript, Keras and PyTorch, to copy and save', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Export code/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export code' });

  const typescript = dialog.getByTestId('export-model.ts');
  await expect(typescript).toContainText('tf.layers.simpleRNN');
  await expect(typescript).toContainText("const text = 'hello world'");
  await expect(dialog.getByTestId('export-package.json')).toContainText('"@tensorflow/tfjs": "4.22.0"');
  const download = page.waitForEvent('download');
  await dialog.getByRole('region', { name: 'model.ts' }).getByRole('button', { name: 'Save' }).click();
  expect((await download).suggestedFilename()).toBe('model.ts');

  await dialog.getByRole('tab', { name: 'Keras (Python)' }).click();
  await expect(dialog.getByTestId('export-model.py')).toContainText('layers.SimpleRNN(50, name="simple_rnn")');
  await expect(dialog.getByTestId('export-model.py')).toContainText('keras.Sequential(');
  await dialog.getByRole('region', { name: 'model.py' }).getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();

  await dialog.getByRole('tab', { name: 'PyTorch' }).click();
  await expect(dialog.getByTestId('export-model_torch.py')).toContainText(
    'nn.RNN(input_size=8, hidden_size=50, batch_first=True)',
  );
  await expect(dialog.getByTestId('export-model_torch.py')).toContainText('two bias vectors');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a network with errors is refused with its problems', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
  await page.getByTestId('palette-LSTM').dblclick();
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await expect(dialog.getByRole('alert')).toContainText('This network cannot be exported yet');
  await expect(dialog.getByRole('alert')).toContainText('lstm has nothing wired into it');
});

test('a trained lesson exports as a TF.js model and imports back onto the canvas', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 60_000 });

  const downloads: string[] = [];
  page.on('download', (download) => {
    const path = testInfo.outputPath(download.suggestedFilename());
    downloads.push(path);
    void download.saveAs(path);
  });
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Export trained model/ }).click();
  await expect.poll(() => downloads.map((path) => path.split('/').pop()).sort()).toEqual(['model.json', 'weights.bin']);
  await expect(page.getByTestId('notice')).toContainText('Saved model.json and weights.bin');
  await page.waitForTimeout(500);

  await page.keyboard.press('Control+n');
  page.on('dialog', (dialog) => void dialog.accept());
  await expect(page.getByTestId('layer-count')).toHaveText('0 layers');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Import model/ }).click();
  await (await chooser).setFiles(downloads);
  await expect(page.getByTestId('layer-count')).toHaveText('3 layers');
  await expect(page.getByTestId('wire-simple_rnn-dense')).toHaveText('(None, 50)');
  await expect(page.getByTestId('total-params')).toHaveText('3,358 parameters');
  await expect(page.getByTestId('layer-dense').locator('[data-param="activation"]')).toHaveText('softmax');

  // The imported model has no data: it exports as programs that load its weights and answer one input.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await expect(dialog).toContainText('The project has no data, so this program does not train');
  await expect(dialog.getByTestId('export-model.ts')).toContainText("readFileSync(new URL('./weights.bin'");
  const weights = dialog.getByRole('region', { name: 'weights.bin' });
  await expect(weights).toContainText('3,358 trained values, float32');
  await dialog.getByRole('tab', { name: 'PyTorch' }).click();
  await expect(dialog.getByTestId('export-model_torch.py')).toContainText('stored(0, (8, 50))');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('export-model-only.png') });
  downloads.length = 0;
  await weights.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => downloads.map((path) => path.split('/').pop())).toEqual(['weights.bin']);
  await expect.poll(async () => (await readFile(downloads[0] ?? '')).byteLength).toBe(3358 * 4);
});
