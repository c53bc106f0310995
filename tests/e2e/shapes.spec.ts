import { expect, test } from '@playwright/test';
import { dragLayerOntoCanvas, layer, openApp, wire } from '../helpers/canvas';

test.use({ locale: 'en-US' });

test('shapes and counts follow the edits; a mistake is pinned to its layer and fixed in one click', async ({
  page,
}) => {
  await openApp(page);
  await dragLayerOntoCanvas(page, 'Input', 120, 150);
  await dragLayerOntoCanvas(page, 'SimpleRNN', 400, 150);
  await dragLayerOntoCanvas(page, 'Dense', 680, 150);
  await wire(page, 'input', 'simple_rnn');
  await wire(page, 'simple_rnn', 'dense');

  // The lesson's network: shapes on the wires as Keras writes them, counts on the layers.
  await layer(page, 'dense').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByLabel('units').fill('8');
  await expect(page.getByTestId('wire-input-simple_rnn')).toHaveText('(None, 3, 8)');
  await expect(page.getByTestId('wire-simple_rnn-dense')).toHaveText('(None, 50)');
  await expect(page.getByTestId('params-simple_rnn')).toHaveText('2,950 params');
  await expect(page.getByTestId('params-dense')).toHaveText('408 params');
  await expect(page.getByTestId('total-params')).toHaveText('3,358 parameters');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');

  // A second recurrent layer after the first: it gets (None, 50), not a sequence.
  await dragLayerOntoCanvas(page, 'LSTM', 400, 420);
  // Rewire: simple_rnn → lstm → dense. The old wire is selected by a click on its label (wherever
  // the label sits) and deleted with the Delete key.
  const label = await page.getByTestId('wire-simple_rnn-dense').boundingBox();
  if (!label) throw new Error('the wire label is not visible');
  await page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('wire-simple_rnn-dense')).toHaveCount(0);
  await wire(page, 'simple_rnn', 'lstm');
  await wire(page, 'lstm', 'dense');

  const problem = page.getByTestId('problem-lstm');
  await expect(problem).toContainText('LSTM needs a sequence (batch, time, features); it gets (None, 50)');
  await expect(layer(page, 'lstm')).toHaveClass(/has-error/);
  await expect(layer(page, 'dense')).not.toHaveClass(/has-error/);
  await expect(page.getByTestId('problem-count')).toHaveText('1 error');
  await expect(page.getByTestId('shape-dense')).toHaveText('?');
  await page.getByTestId('problem-count').click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('lstm');
  await page.getByTestId('problem-count').click();

  // One click: return_sequences on the SimpleRNN before it.
  await problem.getByRole('button', { name: 'Set return_sequences = true on simple_rnn' }).click();
  await expect(page.getByTestId('problem-lstm')).toHaveCount(0);
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
  await expect(page.getByTestId('wire-simple_rnn-lstm')).toHaveText('(None, 3, 50)');
  await expect(page.getByTestId('shape-dense')).toHaveText('(None, 8)');
  // LSTM(128) on 50 features: 4·(128·(50+128)+128) = 91,648; Dense(8) on 128: 1,032.
  await expect(page.getByTestId('params-lstm')).toHaveText('91,648 params');
  await expect(page.getByTestId('total-params')).toHaveText('95,630 parameters');

  // The Keras-style summary, one click away.
  await page.getByRole('button', { name: 'Summary' }).click();
  const dialog = page.getByRole('dialog', { name: 'Model summary' });
  await expect(dialog.getByRole('row')).toHaveCount(5);
  await expect(dialog.getByRole('row', { name: /lstm \(LSTM\)/ })).toContainText('(None, 128)');
  await expect(dialog.getByTestId('summary-total')).toHaveText('Total params: 95,630');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // In Spanish too.
  await page.getByTestId('language').selectOption('es');
  await expect(page.getByTestId('total-params')).toHaveText('95.630 parámetros');
  await expect(page.getByTestId('problem-count')).toHaveText('Sin problemas');
  await expect(page.getByTestId('params-lstm')).toHaveText('91.648 parámetros');
});

test('a Dense on an image gets a warning and a one-click Flatten', async ({ page }) => {
  await openApp(page);
  await dragLayerOntoCanvas(page, 'Input', 120, 150);
  await layer(page, 'input').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('shape').fill('28, 28, 1');
  await dragLayerOntoCanvas(page, 'Dense', 520, 150);
  await wire(page, 'input', 'dense');
  await expect(layer(page, 'dense')).toHaveClass(/has-warning/);
  await expect(page.getByTestId('shape-dense')).toHaveText('(None, 28, 28, 32)');
  await page.getByTestId('problem-dense').getByRole('button', { name: 'Insert Flatten' }).click();
  await expect(page.getByTestId('wire-input-flatten')).toHaveText('(None, 28, 28, 1)');
  await expect(page.getByTestId('wire-flatten-dense')).toHaveText('(None, 784)');
  await expect(page.getByTestId('shape-dense')).toHaveText('(None, 32)');
  // 784·32 + 32
  await expect(page.getByTestId('params-dense')).toHaveText('25,120 params');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
});
