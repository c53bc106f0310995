import { expect, test } from '@playwright/test';
import { chartPoints, drawLessonNetwork, openApp, useHelloWorld } from '../helpers/canvas';

test.use({ locale: 'en-US' });

test('trains in the browser, stops mid-run, trains again and answers in the playground', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Long tasks on the main thread while training: the worker must keep the UI free.
  await page.addInitScript(() => {
    const longTasks: { start: number; duration: number }[] = [];
    (window as unknown as { longTasks: typeof longTasks }).longTasks = longTasks;
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => longTasks.push({ start: entry.startTime, duration: entry.duration })),
    ).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await openApp(page);
  await drawLessonNetwork(page);
  const train = page.getByRole('button', { name: 'Train', exact: true });

  // Train stays disabled until the network has data.
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(train).toBeDisabled();
  await expect(page.getByText('Choose the data in the Data tab first.')).toBeVisible();
  await useHelloWorld(page);
  // The windows in which a run trains, from its Train click to its outcome shown.
  const now = () => page.evaluate(() => performance.now());
  const trainingWindows: [number, number][] = [];
  // Choosing text data suggested the loss and metric that suit class targets.
  await expect(page.getByLabel('loss', { exact: true })).toHaveValue('sparse_categorical_crossentropy');
  await expect(page.getByRole('checkbox', { name: 'accuracy' })).toBeChecked();

  // A long run (batch 1, many epochs), stopped once the chart has grown.
  await page.getByLabel('batch_size').fill('1');
  await page.getByLabel('epochs').fill('3000');
  let started = await now();
  await train.click();
  await expect(page.getByTestId('status-backend')).toHaveText('Backend: WASM (CPU)');
  // The page is cross-origin isolated: WASM computes on threads, and the status bar says how many.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(page.getByTestId('status-backend')).toHaveAttribute(
    'title',
    cores >= 2 ? new RegExp(`\\d threads on ${cores} cores`) : /One thread: this machine has one core/,
  );
  await expect.poll(() => chartPoints(page, 'loss'), { timeout: 30_000 }).toBeGreaterThan(3);
  const grown = await chartPoints(page, 'loss');
  await expect.poll(() => chartPoints(page, 'loss'), { timeout: 30_000 }).toBeGreaterThan(grown);
  await page.getByRole('button', { name: /^Stop/ }).click();
  await expect(page.getByTestId('run-outcome')).toContainText('Stopped after', { timeout: 10_000 });
  trainingWindows.push([started, await now()]);
  await expect(page.getByTestId('run-progress')).not.toContainText('epoch 3000/3000');

  // The lesson's own settings, to the end.
  await page.getByLabel('batch_size').fill('32');
  await page.getByLabel('epochs').fill('100');
  started = await now();
  await train.click();
  await expect(page.getByTestId('run-outcome')).toContainText('Finished 100 epochs', { timeout: 60_000 });
  trainingWindows.push([started, await now()]);
  await expect(page.getByTestId('run-outcome')).toContainText('accuracy 1.000');
  // Both runs stay on the chart, each named by its settings.
  await expect(page.getByTestId('chart-legend')).toContainText('#1 adam lr=0.001 batch=1');
  await expect(page.getByTestId('chart-legend')).toContainText('#2 adam lr=0.001 batch=32');

  await page.getByRole('tab', { name: 'Playground' }).click();
  await page.getByTestId('playground-input').fill('hel');
  await page.getByRole('button', { name: 'Predict' }).click();
  await expect(page.getByTestId('playground-answer').locator('li').first().locator('.answer-label')).toHaveText('l');
  await page.getByTestId('playground-input').fill('hez');
  await page.getByRole('button', { name: 'Predict' }).click();
  await expect(page.getByRole('alert')).toContainText('“z” never appears in the training text');

  const screenshot = testInfo.outputPath('playground.png');
  await page.screenshot({ path: screenshot });
  await testInfo.attach('playground', { path: screenshot, contentType: 'image/png' });

  // Only what happens while a run trains counts: loading the page, drawing and asking come apart.
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks,
  );
  await testInfo.attach('long-tasks', {
    body: JSON.stringify({ trainingWindows, longTasks }),
    contentType: 'application/json',
  });
  const whileTraining = longTasks
    .filter((task) => trainingWindows.some(([from, to]) => task.start >= from && task.start <= to))
    .map((task) => task.duration);
  expect(Math.max(0, ...whileTraining)).toBeLessThan(200);
  expect(problems).toEqual([]);
});

test('trains a few epochs on WebGL (software GPU here), shown as such', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await drawLessonNetwork(page);
  await useHelloWorld(page);
  await page.getByLabel('backend').selectOption('webgl');
  await page.getByLabel('epochs').fill('5');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-outcome')).toContainText('Finished 5 epochs', { timeout: 90_000 });
  await expect(page.getByTestId('status-backend')).toHaveText('Backend: WebGL (GPU)');
  await expect(page.getByTestId('run-backend')).toContainText('Chosen in the training settings.');
});

test('a diverging run stops by itself and says what to try', async ({ page }) => {
  await openApp(page);
  await drawLessonNetwork(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByLabel('Data source').selectOption('sequence-next-value');
  await page.getByLabel('values').fill('1, 2, 3, 1e30, 5, 6, 7, 8');
  // The network must give one number: the canvas says so, and the fix sets it.
  await page.getByTestId('problem-dense').getByRole('button', { name: 'Set units = 1 on dense' }).click();
  await page.getByTestId('problem-input').getByRole('button', { name: 'Set shape = 3, 1 on input' }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('learning_rate').fill('5');
  await page.getByLabel('batch_size').fill('1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('run-outcome')).toContainText('Training stopped by itself', { timeout: 30_000 });
  await expect(page.getByTestId('run-outcome')).toContainText('Try a learning rate ten times lower');
});

test('the training worker readies its backend while the learner reads the gallery, so the first Train goes straight to training', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  await page.goto('/');
  await expect(page.getByRole('button', { name: /RNN: next character/ })).toBeVisible();
  // Nothing clicked yet: WASM is fetched (and compiled) by the worker, and no backend is claimed.
  await expect
    .poll(() => fetched.some((url) => /tfjs-backend-wasm.*\.wasm$/.test(url)), { timeout: 20_000 })
    .toBe(true);
  await expect(page.getByText('Backend: chosen when training starts')).toBeVisible();

  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  await expect(page.getByText('Backend: WASM (CPU)')).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Playground' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 30_000,
  });
  expect(problems).toEqual([]);
});
