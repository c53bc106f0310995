/**
 * axe-core, the engine behind the browsers' accessibility audits, on every screen a learner meets:
 * the gallery, the empty canvas, a lesson with each dock tab, a trained lesson's playground, and
 * the dialogs. No serious or critical violation anywhere.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

/** The serious and critical violations on the page now, as `rule: element` lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}`),
    );
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), screen).toEqual([]);
}

test('every screen of a first session passes axe-core with no serious or critical violation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'the lesson gallery');

  await page.getByRole('button', { name: 'Start with an empty canvas' }).click();
  await expectAccessible(page, 'the empty canvas');

  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await expectAccessible(page, 'a lesson open');
  for (const tab of ['Problems', 'Data', 'Training']) {
    await page.getByRole('tab', { name: tab }).click();
    await expectAccessible(page, `the ${tab} tab`);
  }
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByTestId('layer-simple_rnn').click();
  await expectAccessible(page, 'the inspector');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page, 'the playground after training');

  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog', { name: 'Export code' })).toBeVisible();
  await expectAccessible(page, 'the export dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Summary' }).click();
  await expectAccessible(page, 'the summary');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+/');
  await expectAccessible(page, 'the shortcuts');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  await expectAccessible(page, 'the command palette');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'File' }).click();
  await expectAccessible(page, 'an open menu');
});
