import { expect, test } from '@playwright/test';
import { dragLayerOntoCanvas, layer, openApp, wire } from '../helpers/canvas';

test.use({ locale: 'en-US' });

test('MobileNet’s edge layers from the palette: ZeroPadding2D and ReLU6 show their shapes, a crop that eats the image is pinned', async ({
  page,
}, testInfo) => {
  await openApp(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await dragLayerOntoCanvas(page, 'Input', 120, 150);
  await layer(page, 'input').click();
  await inspector.getByLabel('shape').fill('5, 5, 2');
  await dragLayerOntoCanvas(page, 'ZeroPadding2D', 420, 150);
  await wire(page, 'input', 'zero_padding2d');
  await layer(page, 'zero_padding2d').click();
  await inspector.getByLabel('padding').fill('0, 1, 0, 1');
  await dragLayerOntoCanvas(page, 'ReLU', 720, 150);
  await wire(page, 'zero_padding2d', 're_lu');
  await layer(page, 're_lu').click();
  await inspector.getByLabel('max_value').fill('6');
  await expect(page.getByTestId('wire-input-zero_padding2d')).toHaveText('(None, 5, 5, 2)');
  await expect(page.getByTestId('wire-zero_padding2d-re_lu')).toHaveText('(None, 6, 6, 2)');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');

  // Cropping three rows off the top and three off the bottom of six leaves nothing.
  await dragLayerOntoCanvas(page, 'Cropping2D', 720, 420);
  await wire(page, 're_lu', 'cropping2d');
  await layer(page, 'cropping2d').click();
  await inspector.getByLabel('cropping').fill('3, 3, 0, 0');
  await expect(page.getByTestId('problem-cropping2d')).toContainText('has an axis of size zero or less');
  await page.screenshot({ path: testInfo.outputPath('model-layers.png') });
  await inspector.getByLabel('cropping').fill('1, 1, 0, 0');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
});

test('an Input of sequences of any length: None typed in its shape, shown on the wires, pinned where a layer needs the size', async ({
  page,
}) => {
  await openApp(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await dragLayerOntoCanvas(page, 'Input', 120, 150);
  await layer(page, 'input').click();
  await inspector.getByLabel('shape').fill('None, 8');
  await dragLayerOntoCanvas(page, 'LSTM', 420, 150);
  await wire(page, 'input', 'lstm');
  await layer(page, 'lstm').click();
  await inspector.getByLabel('return_sequences').check();
  await expect(page.getByTestId('wire-input-lstm')).toHaveText('(None, None, 8)');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');

  // A Flatten cannot count the values of a sequence of any length.
  await dragLayerOntoCanvas(page, 'Flatten', 720, 150);
  await wire(page, 'lstm', 'flatten');
  await expect(page.getByTestId('wire-lstm-flatten')).toHaveText('(None, None, 128)');
  await expect(page.getByTestId('problem-flatten')).toContainText(
    'Flatten needs to know the size of every axis it works on; it gets (None, None, 128). Give the Input a fixed size.',
  );
});
