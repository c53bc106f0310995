/**
 * Trained weights kept in the layers: the next run continues from them, and the layers carry
 * them into another network when copied, as a learner reuses what one network learned.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';

async function finalLoss(page: Page): Promise<number> {
  const outcome = await page.getByTestId('run-outcome').innerText();
  return Number(/\bloss ([\d.e-]+)/.exec(outcome)?.[1]);
}

test('keep the trained weights, train on from them, and copy the trained layers into a new network', async ({
  page,
}) => {
  test.setTimeout(120_000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('/');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Multilayer perceptron: XOR/ })
    .click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 90_000 });
  await page.getByRole('tab', { name: 'Training' }).click();
  const first = await finalLoss(page);
  expect(first).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Keep the trained weights in the layers' }).click();
  await expect(page.getByText('2 layers now start from their trained weights')).toBeVisible();
  await expect(page.getByTestId('carried-hidden')).toBeVisible();
  await expect(page.getByTestId('carried-output')).toBeVisible();

  // The second run starts where the first ended, so it ends lower still.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // A finished lesson run opens the playground.
  await expect(page.getByRole('tab', { name: 'Playground' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 90_000,
  });
  await page.getByRole('tab', { name: 'Training' }).click();
  expect(await finalLoss(page)).toBeLessThan(first);

  // Copied into a new network, the layers bring their weights along.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+n');
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
  await expect(page.getByTestId('carried-hidden')).toHaveCount(0);
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('carried-hidden')).toBeVisible();
  // Outside a lesson the right panel is the inspector alone.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.getByTestId('shape-hidden').click();
  await expect(page.getByTestId('carried-weights')).toContainText('trained in “Multilayer perceptron: XOR”');
  // Dropped, they go: the layer starts from drawn weights again.
  await page.getByRole('button', { name: 'Drop the trained weights' }).click();
  await expect(page.getByTestId('carried-hidden')).toHaveCount(0);
  await expect(page.getByTestId('carried-weights')).toContainText('Starts from randomly drawn weights.');
});

test('a project saved after training keeps its weights and reopens ready to answer, as does one saved by layerlab train', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 60_000 });

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const file = testInfo.outputPath('trained.layerlab');
  await (await download).saveAs(file);
  await expect(page.getByTestId('notice')).toContainText('with the trained weights (3,358 weights, 18 kB)');
  const saved = JSON.parse(await readFile(file, 'utf8')) as { trained?: { epochs: number; weights: unknown[] } };
  expect(saved.trained?.epochs).toBe(100);
  expect(saved.trained?.weights).toHaveLength(5);

  // A fresh start: the file opens with its weights, and the playground answers without training.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await openFile(page, file);
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByTestId('run-outcome')).toContainText('Trained weights from the project file (100 epochs)');
  await ask(page, 'hel', 'l');

  // A project trained and saved in a terminal opens the same way.
  const fromCli = testInfo.outputPath('from-cli.layerlab');
  await promisify(execFile)(process.execPath, [
    'cli/bin.mjs',
    'train',
    'templates/rnn-next-character.json',
    '--save',
    fromCli,
  ]);
  await openFile(page, fromCli);
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByTestId('run-outcome')).toContainText('Trained weights from the project file (100 epochs)');
  await ask(page, 'hel', 'l');
});

async function openFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles(file);
}

async function ask(page: Page, question: string, expected: string): Promise<void> {
  await page.getByRole('tab', { name: 'Playground' }).click();
  await page.getByTestId('playground-input').fill(question);
  await page.getByRole('button', { name: 'Predict' }).click();
  await expect(page.getByTestId('playground-answer').locator('li').first().locator('.answer-label')).toHaveText(
    expected,
  );
}
