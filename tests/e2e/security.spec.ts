import { expect, test } from '@playwright/test';

test.use({ locale: 'en-US' });

test('the Content-Security-Policy holds while a lesson trains on WASM and on WebGL, with no violation', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(response?.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  // The page cannot reach Node.
  expect(
    await page.evaluate(() => [
      typeof (globalThis as { require?: unknown }).require,
      typeof (globalThis as { process?: unknown }).process,
    ]),
  ).toEqual(['undefined', 'undefined']);
  // Inline script is refused.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
  const refused = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0));
  expect(refused.join()).toContain('script-src');
  violations.length = 0;

  await page.getByRole('button', { name: /RNN: next character/ }).click();
  for (const backend of ['wasm', 'webgl']) {
    await page.getByRole('tab', { name: 'Training' }).click();
    await page.getByLabel('backend').selectOption(backend);
    await page.getByLabel('epochs').fill('1');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 60_000 });
  }
  await expect(page.getByTestId('status-backend')).toHaveText('Backend: WebGL (GPU)');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(violations).toEqual([]);
});
