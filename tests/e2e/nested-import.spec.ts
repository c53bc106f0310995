import { readFile, writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

/**
 * A model shaped as every Teachable Machine image export is, made and saved by tf.js here: a
 * small MobileNet-like functional Model inside a Sequential, then a classifier Sequential.
 */
async function teachableMachineShaped(folder: (name: string) => string): Promise<string[]> {
  await tf.setBackend('cpu');
  const image = tf.input({ shape: [8, 8, 3], name: 'input_1' });
  let x = tf.layers
    .zeroPadding2d({
      padding: [
        [0, 1],
        [0, 1],
      ],
      name: 'conv_pad',
    })
    .apply(image) as tf.SymbolicTensor;
  x = tf.layers.depthwiseConv2d({ kernelSize: 3, strides: 2, name: 'conv_dw' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.reLU({ maxValue: 6, name: 'conv_dw_relu' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(x) as tf.SymbolicTensor;
  const base = tf.model({ inputs: image, outputs: x, name: 'model1' });
  const head = tf.sequential({
    name: 'sequential_2',
    layers: [tf.layers.dense({ inputShape: [3], units: 2, activation: 'softmax', name: 'dense_Dense1' })],
  });
  const model = tf.sequential({
    name: 'sequential_3',
    layers: [tf.sequential({ name: 'sequential_1', layers: [base] }), head],
  });
  const files = [folder('model.json'), folder('weights.bin')];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const manifest = [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }];
      await writeFile(
        files[0] ?? '',
        JSON.stringify({ format: 'layers-model', modelTopology: artifacts.modelTopology, weightsManifest: manifest }),
      );
      await writeFile(files[1] ?? '', new Uint8Array(artifacts.weightData as ArrayBuffer));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  return files;
}

test('a Teachable-Machine-shaped model (models nested in models) opens as its layers, keeps its weights when saved, and exports', async ({
  page,
}, testInfo) => {
  const files = await teachableMachineShaped((name) => testInfo.outputPath(name));
  await page.goto('/');
  await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Import model/ }).click();
  await (await chooser).setFiles(files);
  await expect(page.getByTestId('notice')).toContainText("The nested model 'model1' is drawn as its 5 layers.");
  await expect(page.getByTestId('layer-count')).toHaveText('6 layers');
  await expect(page.getByTestId('wire-conv_pad-conv_dw')).toHaveText('(None, 9, 9, 3)');
  await expect(page.getByTestId('wire-pool-dense_Dense1')).toHaveText('(None, 3)');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
  await page.screenshot({ path: testInfo.outputPath('nested.png') });

  // Saved as a project, its trained weights go with it.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const saved = testInfo.outputPath('saved.layerlab');
  await (await download).saveAs(saved);
  const project = JSON.parse(await readFile(saved, 'utf8')) as { trained?: { weights: unknown[] } };
  expect(project.trained?.weights).toHaveLength(4);

  // Training starts from drawn weights until the layers carry the imported ones; then the
  // MobileNet part can be frozen and only the classifier learns (transfer learning).
  await page.getByTestId('layer-conv_dw').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByTestId('carried-weights')).toContainText('Starts from randomly drawn weights.');
  await inspector.getByRole('button', { name: 'Train on from the trained weights (every layer)' }).click();
  await expect(inspector.getByTestId('carried-weights')).toContainText(
    'Starts from 30 weights trained in “sequential_3”.',
  );
  await inspector.getByLabel('Frozen').check();
  await page.getByTestId('layer-dense_Dense1').click();
  await expect(inspector.getByTestId('carried-weights')).toContainText(
    'Starts from 8 weights trained in “sequential_3”.',
  );
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
  await page.screenshot({ path: testInfo.outputPath('carried.png') });

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await dialog.getByRole('tab', { name: 'Keras (Python)' }).click();
  const keras = dialog.getByTestId('export-model.py');
  await expect(keras).toContainText('layers.DepthwiseConv2D(');
  await expect(keras).toContainText(
    'model.get_layer("conv_dw").set_weights([stored(0, (3, 3, 3, 1)), stored(27, (3,))])',
  );
  await expect(dialog.getByRole('region', { name: 'weights.bin' })).toContainText('38 trained values, float32');
});
