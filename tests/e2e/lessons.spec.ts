import { expect, test, type Page } from '@playwright/test';

async function trainTheLesson(
  page: Page,
  names: { template: string; train: string; lessonTab: string; verdict: string; answer: string },
) {
  await page.goto('/');
  // The gallery greets a new session, grouped by the course's modules.
  const gallery = page.getByRole('dialog');
  await expect(gallery.getByRole('region').first()).toBeVisible();
  await gallery.getByRole('button', { name: new RegExp(names.template) }).click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByRole('tab', { name: names.lessonTab })).toHaveAttribute('aria-selected', 'true');
  // The lesson's network, data and settings are in place: nothing to do but Train.
  await expect(page.getByTestId('total-params')).toContainText(/3[.,]?358/);
  await page.getByRole('button', { name: names.train, exact: true }).click();
  // When it is done, the playground opens with the lesson's question already asked.
  const answer = page.getByTestId('playground-answer');
  await expect(answer).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('playground-input')).toHaveValue('hel');
  await expect(answer.locator('li').first().locator('.answer-label')).toHaveText('l');
  // The lesson says whether its result was reached, with the numbers.
  const verdict = page.getByTestId('lesson-verdict');
  await expect(verdict.getByRole('heading')).toHaveText(names.verdict);
  await expect(verdict).toContainText(names.answer);
}

test.describe('lesson: RNN, next character', () => {
  test('in English, from the gallery to "l" with only the Train button', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await trainTheLesson(page, {
      template: 'RNN: next character',
      train: 'Train',
      lessonTab: 'Lesson',
      verdict: 'Lesson result: met',
      answer: 'After hel the network answers l; the lesson expects l.',
    });
    const shot = testInfo.outputPath('lesson-en.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('lesson-en', { path: shot, contentType: 'image/png' });
    await context.close();
  });

  test('en español, de la galería a «l» solo con el botón Entrenar', async ({ browser }, testInfo) => {
    const context = await browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await trainTheLesson(page, {
      template: 'RNN: siguiente carácter',
      train: 'Entrenar',
      lessonTab: 'Lección',
      verdict: 'Resultado de la lección: conseguido',
      answer: 'Tras hel la red responde l; la lección espera l.',
    });
    const shot = testInfo.outputPath('lesson-es.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('lesson-es', { path: shot, contentType: 'image/png' });
    await context.close();
  });

  test('steps point at what they talk about, and "check my network" finds what changed', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: /RNN: next character/ }).click();
    const panel = page.getByTestId('lesson-panel');
    // Step 4 talks about the recurrent layer: "Show me" selects it.
    await panel.getByRole('button', { name: /The recurrent layer/ }).click();
    await panel.getByRole('button', { name: 'Show me' }).click();
    await expect(page.getByTestId('layer-simple_rnn')).toHaveClass(/is-selected/);
    await expect(page.getByTestId('layer-simple_rnn')).toHaveClass(/is-highlighted/);
    // Step 2 opens the data: the vocabulary of 8, the windows, the one-hot grid.
    await panel.getByRole('button', { name: /The data/ }).click();
    await panel.getByRole('button', { name: 'Show me' }).click();
    await expect(page.getByTestId('data-preview')).toContainText('(8, 3, 8)');
    await expect(page.getByTestId('one-hot').locator('td.is-one')).toHaveCount(3);

    await panel.getByRole('button', { name: 'Check my network' }).click();
    await expect(page.getByTestId('lesson-differences')).toHaveText('Your network matches the lesson’s.');
    // Change the units, then check again.
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByTestId('layer-simple_rnn').click();
    await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('units').fill('32');
    await page.getByRole('tab', { name: 'Lesson' }).click();
    await panel.getByRole('button', { name: 'Check my network' }).click();
    await expect(page.getByTestId('lesson-differences')).toContainText('simple_rnn: units is 32; the lesson uses 50.');
  });
});

test('the exercise falls short of 10 as the lesson says, and its variant reaches it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('button', { name: /RNN: next number/ }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const answer = page.getByTestId('playground-answer');
  await expect(answer).toBeVisible({ timeout: 60_000 });
  const first = Number(await answer.innerText());
  expect(first).toBeGreaterThan(6.5);
  expect(first).toBeLessThan(9);
  const panel = page.getByTestId('lesson-panel');
  const verdict = page.getByTestId('lesson-verdict');
  // The exercise as written is meant to fall short: that is its result.
  await expect(verdict).toContainText('Lesson result: met');
  await expect(verdict).toContainText('the lesson expects between 6.5 and 9.');
  await panel.getByRole('button', { name: /Why it falls short/ }).click();
  await panel.getByRole('button', { name: 'Scale the data (÷10)' }).click();
  // "Check my network" compares with the variant chosen, not the exercise as written.
  await panel.getByRole('button', { name: 'Check my network' }).click();
  await expect(page.getByTestId('lesson-differences')).toHaveText('Your network matches the lesson’s.');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(answer).not.toHaveText(String(first), { timeout: 60_000 });
  await expect.poll(async () => Math.abs(Number(await answer.innerText()) - 10), { timeout: 60_000 }).toBeLessThan(0.5);
  await expect(verdict).toContainText('the lesson expects between 9.5 and 10.5.');
  await expect(verdict.getByRole('heading')).toContainText('Lesson result: met');
});
