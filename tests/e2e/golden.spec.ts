/**
 * Golden screenshots of today's data panel, for a lesson of each data recipe and task, and of the
 * playground after a lesson of each fast-training kind has trained: a redesign of the recipes
 * must leave them as they are. A change made on purpose is accepted with
 * `npx playwright test tests/e2e/golden.spec.ts --update-snapshots`, and the new PNGs, looked at,
 * go in the commit that explains it.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

/** Screenshots compared to the pixel, but for antialiasing at the edges of glyphs. */
const same = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.002 } as const;

async function openLesson(page: Page, title: string) {
  await page.goto('/');
  await page.getByRole('dialog').getByRole('button', { name: title }).click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
}

const dataPanels = [
  { id: 'rnn-next-character', title: 'RNN: next character' },
  { id: 'rnn-next-number', title: 'RNN: next number (exercise)' },
  { id: 'mlp-xor', title: 'Multilayer perceptron: XOR' },
  { id: 'cnn-digits', title: 'A small CNN reads handwritten digits' },
  { id: 'anomaly-digits', title: 'Project: spot unusual digits with an autoencoder' },
  { id: 'gan-zeros', title: 'A GAN draws zeros' },
  { id: 'lstm-gru-long-range', title: 'LSTM and GRU against SimpleRNN: a long memory' },
  { id: 'text-sentiment', title: 'Text classification: Embedding and LSTM' },
];

for (const lesson of dataPanels) {
  test(`the data panel of ${lesson.id} is as it was`, async ({ page }) => {
    await openLesson(page, lesson.title);
    await page.getByRole('tab', { name: 'Data', exact: true }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveScreenshot(`data-${lesson.id}.png`, same);
  });
}

const playgrounds = [
  { id: 'rnn-next-character', title: 'RNN: next character' },
  { id: 'rnn-next-number', title: 'RNN: next number (exercise)' },
  { id: 'mlp-xor', title: 'Multilayer perceptron: XOR' },
];

for (const lesson of playgrounds) {
  test(`the playground of ${lesson.id}, trained, is as it was`, async ({ page }) => {
    test.setTimeout(120_000);
    await openLesson(page, lesson.title);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 90_000 });
    const panel = page.getByRole('tabpanel');
    await expect(panel).toHaveScreenshot(`playground-${lesson.id}.png`, same);
  });
}
