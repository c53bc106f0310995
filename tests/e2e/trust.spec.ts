/**
 * A project someone shared, opened in the app: a layer name tf.js refuses is pinned to its layer
 * and renamed in one click; the source of carried weights cannot put code into the export; a
 * network too big to train says so, with the numbers, before Train.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { emptyProject, encodeWeights, serializeProject, type Project } from '../../shared/project/project';
import { chain, layer as layerNode } from '../helpers/graphs';
import { layer, openApp, openProjectFile } from '../helpers/canvas';

test.use({ locale: 'en-US' });

test('a shared project with a bad layer name and hostile carried weights: renamed in one click, exported safely', async ({
  page,
}, testInfo) => {
  const rnn = { ...layerNode('SimpleRNN', 'rnn', { units: 4 }), name: 'capa oculta' };
  const dense = {
    ...layerNode('Dense', 'out', { units: 8, activation: 'softmax' }),
    frozen: true,
    carried: {
      from: 'base\nimport os; os.system("echo pwned") #',
      weights: encodeWeights([
        { shape: [4, 8], values: new Float32Array(32) },
        { shape: [8], values: new Float32Array(8) },
      ]),
    },
  };
  const shared: Project = {
    ...emptyProject('Shared'),
    graph: chain(
      { ...layerNode('Input', 'input', { shape: [3, 8] }), position: { x: 0, y: 0 } },
      { ...rnn, position: { x: 320, y: 0 } },
      { ...dense, position: { x: 640, y: 0 } },
    ),
    data: { kind: 'text-next-char', text: 'hello world', window: 3 },
    training: { ...emptyProject().training, loss: 'sparse_categorical_crossentropy' },
  };
  const file = testInfo.outputPath('shared.layerlab');
  await writeFile(file, serializeProject(shared));

  await openApp(page);
  await openProjectFile(page, file);
  const problem = page.getByTestId('problem-capa oculta');
  await expect(problem).toContainText('The name "capa oculta" cannot be used');
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByText('Fix the error on the canvas first.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bad-name.png') });
  await problem.getByRole('button', { name: 'Rename capa oculta to capa_oculta' }).click();
  await expect(layer(page, 'capa_oculta')).toBeVisible();
  await expect(page.getByText('Fix the error on the canvas first.')).toBeHidden();

  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  const typescript = dialog.getByTestId('export-model.ts');
  await expect(typescript).toContainText(
    '// Trained weights these layers start from, carried from "base\\nimport os; os.system(\\"echo pwned\\") #"',
  );
  await dialog.getByRole('tab', { name: 'Keras (Python)' }).click();
  const keras = dialog.getByTestId('export-model.py');
  await expect(keras).toContainText('carried from "base\\nimport os; os.system(\\"echo pwned\\") #"');
  expect(await keras.textContent()).not.toMatch(/^import os/m);
  await page.screenshot({ path: testInfo.outputPath('export.png') });
});

test('a network too big to train here is refused before Train, on its biggest layer, with the numbers', async ({
  page,
}, testInfo) => {
  const file = testInfo.outputPath('huge.layerlab');
  await writeFile(
    file,
    serializeProject({
      ...emptyProject('Huge'),
      graph: chain(
        layerNode('Input', 'input', { shape: [2] }),
        layerNode('Dense', 'hidden', { units: 10000 }),
        layerNode('Dense', 'wide', { units: 4000 }),
        layerNode('Dense', 'out', { units: 1 }),
      ),
      data: {
        kind: 'table',
        columns: ['x', 'y'],
        rows: [
          [1, 2, 3],
          [2, 3, 5],
        ],
        target: 'value',
      },
    }),
  );
  await openApp(page);
  await openProjectFile(page, file);
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByText('The network is too big to train here')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.getByTestId('problem-wide')).toContainText(
    'The network has 40,038,001 weights; LayerLab trains up to 32,000,000, what a project file can keep. wide alone has 40,004,000',
  );
  await page.screenshot({ path: testInfo.outputPath('too-big.png') });
});

test('a training setting out of range is refused at its field, and Train waits until it is right', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeEnabled();
  for (const [field, value] of [
    ['batch_size', '0'],
    ['epochs', '2.5'],
    ['learning_rate', '0'],
  ] as const) {
    await page.getByLabel(field, { exact: true }).fill(value);
    await expect(page.locator(`[data-param="${field}"]`)).toHaveClass(/is-invalid/);
    await expect(train).toBeDisabled();
    await expect(page.getByText(`${field} holds a value that is not allowed: correct it first.`)).toBeVisible();
    await page.getByLabel(field, { exact: true }).fill(field === 'learning_rate' ? '0.01' : '4');
    await expect(train).toBeEnabled();
  }
  // A layer's parameter too.
  await layer(page, 'simple_rnn').click();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  const units = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('units');
  await units.fill('0');
  await expect(train).toBeDisabled();
  await units.fill('50');
  await expect(train).toBeEnabled();
});
