/**
 * Lessons from three modules of the course, each used as a learner would: open it from the
 * gallery, train it with its own settings, then use the playground that suits it (a drawing pad
 * and a confusion matrix for digits, a decision boundary for points of the plane, an anomaly
 * threshold for an autoencoder, a forecast over a real series).
 */
import { expect, test, type Page } from '@playwright/test';

async function openAndTrain(page: Page, title: RegExp, timeout: number) {
  await page.goto('/');
  await page.getByRole('dialog').getByRole('button', { name: title }).click();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByText('No problems')).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // The lesson's question is asked as soon as training ends.
  await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout });
}

test.describe('the course, module by module', () => {
  test('module 3: the digits CNN reads a drawn 1, and its confusion matrix adds up', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await openAndTrain(page, /A small CNN reads handwritten digits/, 200_000);
    // The lesson asks about the last image, an 8 the network never trained on.
    await expect(page.getByTestId('playground-input')).toHaveValue('#1797');
    await expect(page.getByTestId('playground-answer').locator('li').first().locator('.answer-label')).toHaveText('8');
    // The confusion matrix counts the 359 held-out images, row by row.
    const matrix = page.getByTestId('confusion-matrix');
    await expect(matrix).toBeVisible();
    await expect(page.getByText(/On the 359 held-out samples/)).toBeVisible();
    const cells = await matrix.locator('tbody td').allInnerTexts();
    expect(cells).toHaveLength(100);
    expect(cells.reduce((sum, cell) => sum + (Number(cell) || 0), 0)).toBe(359);
    // Draw a 1: a vertical stroke down the middle of the pad.
    await page.getByRole('button', { name: 'Clear the pad' }).click();
    const pad = page.getByTestId('pad-cell');
    for (let row = 0; row < 8; row += 1) await pad.nth(row * 8 + 4).click();
    await expect(page.getByTestId('playground-answer').locator('li').first().locator('.answer-label')).toHaveText('1');
    // Inside the network: what the first convolution makes of the drawn 1, and its filters.
    await expect(page.getByTestId('look-maps')).toContainText(
      'What conv1 makes of this image: 8 feature maps of 6 × 6',
    );
    await expect(page.getByTestId('look-filters').locator('canvas')).toHaveCount(8);
    await page.getByTestId('look-maps').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('digits.png') });
  });

  test('module 2: the spiral network draws its decision boundary and answers a point', async ({ page }) => {
    test.setTimeout(120_000);
    await openAndTrain(page, /Multilayer perceptron: two spirals/, 90_000);
    const boundary = page.getByTestId('decision-boundary');
    await expect(boundary).toBeVisible();
    // 48 × 48 cells of the plane, and the 200 points of the data on top.
    await expect(boundary.locator('rect')).toHaveCount(48 * 48);
    await expect(boundary.locator('circle')).toHaveCount(200);
    // Both arms get part of the plane.
    const fills = await boundary
      .locator('rect')
      .evaluateAll((cells) => new Set(cells.map((cell) => cell.getAttribute('fill'))).size);
    expect(fills).toBe(2);
    await page.getByTestId('playground-input').fill('0.9, 0.1');
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(page.getByTestId('playground-answer').locator('li')).toHaveCount(2);
  });

  test('module 7: the anomaly project flags unusual digits, and the threshold moves the count', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openAndTrain(page, /Project: spot unusual digits/, 90_000);
    await expect(page.getByTestId('reconstructions').locator('figure')).toHaveCount(12);
    const counts = page.getByTestId('threshold-counts');
    await expect(counts).toContainText(/of the 896 unusual images/);
    const caughtAt = async () => Number(/Flagged as unusual: (\d+)/.exec(await counts.innerText())?.[1]);
    const suggested = await caughtAt();
    expect(suggested).toBeGreaterThan(448);
    // Lower the threshold all the way: every unusual image is flagged, and every ordinary one too.
    const slider = page.getByRole('slider', { name: 'threshold on the error' });
    await slider.focus();
    await slider.press('Home');
    await expect(counts).toContainText('Flagged as unusual: 896 of the 896 unusual images');
    await expect(counts).toContainText(/(\d+) false alarms among \1 ordinary ones/);
    await page.screenshot({ path: testInfo.outputPath('anomaly.png') });
  });

  test('module 4: the airline forecast is drawn over the real series', async ({ page }) => {
    test.setTimeout(150_000);
    await openAndTrain(page, /Forecasting a real series/, 120_000);
    const answer = Number(await page.getByTestId('playground-answer').innerText());
    expect(answer).toBeGreaterThan(380);
    expect(answer).toBeLessThan(520);
    const chart = page.getByTestId('forecast-chart');
    await expect(chart).toBeVisible();
    await expect(chart.locator('.recharts-line')).toHaveCount(2);
    await expect(page.getByText('held out', { exact: true })).toBeVisible();
  });

  test('module 2: sigmoid, tanh and ReLU as three runs of one network, on one chart', async ({ page }) => {
    test.setTimeout(150_000);
    await openAndTrain(page, /Sigmoid, tanh and ReLU compared/, 60_000);
    const panel = page.getByTestId('lesson-panel');
    const hidden = page.getByTestId('layer-hidden1');
    await expect(hidden).toContainText('sigmoid');
    for (const [step, variant, activation, run] of [
      ['Now tanh', 'Use tanh', 'tanh', 2],
      ['Now ReLU', 'Use ReLU', 'relu', 3],
    ] as const) {
      await panel.getByRole('button', { name: new RegExp(step) }).click();
      await panel.getByRole('button', { name: variant }).click();
      // The variant changes the layers in place: same names and wires, another activation.
      await expect(hidden).toContainText(activation);
      await expect(page.getByTestId('layer-hidden2')).toContainText(activation);
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect(page.getByTestId('playground-run')).toContainText(`The weights of run #${run}, after`, {
        timeout: 60_000,
      });
    }
    await page.getByRole('tab', { name: 'Training' }).click();
    const legend = page.getByTestId('chart-legend');
    await expect(legend).toContainText('#1 adam');
    await expect(legend).toContainText('#2 Use tanh');
    await expect(legend).toContainText('#3 Use ReLU');
    // ReLU learns the spirals: its run's validation accuracy passes 0.9.
    await expect(page.getByTestId('run-outcome')).toContainText(/val_accuracy 0\.9\d/);
  });

  test('module 4: an Embedding and an LSTM read a review the learner types', async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    await openAndTrain(page, /Text classification: Embedding and LSTM/, 120_000);
    const answer = page.getByTestId('playground-answer');
    await expect(answer.locator('li').first().locator('.answer-label')).toHaveText('positiva');
    await page.getByTestId('playground-input').fill('una película aburrida y horrible');
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(answer.locator('li').first().locator('.answer-label')).toHaveText('negativa');
    await expect(page.getByTestId('confusion-matrix')).toBeVisible();
    // The lesson's last step opens the LSTM's gates, word by word, for the review asked.
    await page.getByRole('button', { name: /Watch the forget gate/ }).click();
    await page.getByTestId('lesson-panel').getByRole('button', { name: 'Show me' }).click();
    const inside = page.getByTestId('look-inside');
    await expect(inside.getByLabel('Layer')).toHaveValue('lstm');
    await expect(inside.getByLabel('Show the gates')).toBeChecked();
    const forget = page.getByTestId('look-gate-forget-forward');
    // Ten steps, as every review is padded to: the words read, and the padding named as such.
    await expect(forget.locator('th')).toHaveCount(10);
    const read = (await forget.locator('th').allInnerTexts()).filter((label) => label !== '<pad>');
    expect(read).toEqual(['una', 'película', 'aburrida', 'y', 'horrible']);
    await expect(page.getByTestId('inside-lstm')).toHaveText(/^inside: step 10 of 10: /);
    await forget.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('sentiment-gates.png') });
  });

  test('the dock grows to give the playground room, by mouse or keys, and keeps its height', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Multilayer perceptron: two spirals/ })
      .click();
    const dock = page.locator('section.dock');
    const before = (await dock.boundingBox())?.height ?? 0;
    const handle = page.getByTestId('dock-resizer');
    const box = await handle.boundingBox();
    if (!box) throw new Error('no resizer');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 150, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await dock.boundingBox())?.height ?? 0).toBeCloseTo(before + 150, -1);
    await handle.focus();
    await handle.press('ArrowDown');
    await expect.poll(async () => (await dock.boundingBox())?.height ?? 0).toBeCloseTo(before + 130, -1);
    await page.reload();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Multilayer perceptron: two spirals/ })
      .click();
    await expect.poll(async () => (await dock.boundingBox())?.height ?? 0).toBeCloseTo(before + 130, -1);
  });

  test('module 5: a trained base lesson lends its layers, frozen, to the next, which learns even/odd from 39 digits', async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    // Opened before its base is trained, the lesson says what to do first, and its frozen layers are flagged.
    await page.goto('/');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Transfer learning 2/ })
      .click();
    const carried = page.getByTestId('lesson-carried');
    await expect(carried).toContainText('starts from the layers conv1, conv2, features, digit');
    await expect(carried).toContainText('Train “Transfer learning 1: a base network” first');
    await expect(page.getByTestId('frozen-conv1')).toBeVisible();
    await expect(page.getByTestId('problem-count')).toHaveText('4 warnings');
    await carried.getByRole('button', { name: /Open “Transfer learning 1/ }).click();

    // Train the base: about 94 % of its held-out digits.
    await expect(page.getByText('No problems')).toBeVisible();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 150_000 });

    // The next lesson takes its trained layers.
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Transfer learning 2/ })
      .click();
    await carried.getByRole('button', { name: /Bring in the trained layers/ }).click();
    await expect(carried).toContainText('✓ conv1, conv2, features, digit start from the weights trained in');
    await expect(page.getByText('No problems')).toBeVisible();
    await page.getByTestId('shape-conv1').click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await expect(page.getByTestId('carried-weights')).toContainText(
      'Starts from 80 weights trained in “Transfer learning 1',
    );
    await expect(page.getByRole('checkbox', { name: 'Frozen' })).toBeChecked();
    await page.getByRole('button', { name: 'Summary' }).click();
    await expect(page.getByTestId('summary-frozen')).toHaveText('Trained: 22 · frozen (left as they are): 3,658');
    await page.keyboard.press('Escape');
    await page.getByTestId('carried-weights').scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath('transfer-carried.png') });

    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('playground-answer')).toBeVisible({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Training' }).click();
    const accuracy = Number(/val_accuracy ([\d.]+)/.exec(await page.getByTestId('run-outcome').innerText())?.[1]);
    expect(accuracy).toBeGreaterThan(0.9);
    await page.screenshot({ path: testInfo.outputPath('transfer-trained.png') });
  });

  test('module 4: a SimpleRNN forgets the first marked number, an LSTM keeps it, on one chart', async ({
    page,
  }, testInfo) => {
    test.setTimeout(150_000);
    await openAndTrain(page, /LSTM and GRU against SimpleRNN/, 60_000);
    const answer = async () =>
      Number((await page.getByTestId('playground-answer').innerText()).match(/-?\d+\.\d+/)?.[0]);
    // The lesson asks about 0.50* … 0.30*: the plain RNN answers about the same whatever the first number.
    const input = page.getByTestId('playground-input');
    const asked = await input.inputValue();
    expect(asked.match(/\*/g)).toHaveLength(2);
    const plain = await answer();
    await input.fill(asked.replace('0.50*', '0.90*'));
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect.poll(answer).not.toBe(plain);
    expect(Math.abs((await answer()) - plain)).toBeLessThan(0.25);
    // A question with one star is refused at the field, saying what it needs.
    await input.fill(asked.replace('0.50*', '0.50'));
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(page.getByRole('alert')).toContainText('mark the two to add with a star');

    const panel = page.getByTestId('lesson-panel');
    await panel.getByRole('button', { name: /LSTM$/ }).click();
    await panel.getByRole('button', { name: 'Use an LSTM' }).click();
    await expect(page.getByTestId('layer-memory')).toContainText('LSTM');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('playground-run')).toContainText('The weights of run #2, after', { timeout: 90_000 });
    // 0.50 + 0.30, and 0.90 + 0.30: the LSTM carried the first number.
    await expect.poll(answer).toBeGreaterThan(0.7);
    expect(await answer()).toBeLessThan(0.9);
    await input.fill(asked.replace('0.50*', '0.90*'));
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect.poll(answer).toBeGreaterThan(1.05);
    await page.screenshot({ path: testInfo.outputPath('adding-playground.png') });
    await page.getByRole('tab', { name: 'Training' }).click();
    const legend = page.getByTestId('chart-legend');
    await expect(legend).toContainText('#1 adam');
    await expect(legend).toContainText('#2 Use an LSTM');
  });

  test('module 5: a GAN marked where its generator ends draws zeros, epoch by epoch and from a typed seed', async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    await page.goto('/');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /A GAN draws zeros/ })
      .click();
    await expect(page.getByText('No problems')).toBeVisible();
    await expect(page.getByTestId('generator-end-fake_image')).toBeVisible();
    // Unmarking the generator's end is a mistake pinned to the layer that gives the image, with a fix.
    await page.getByText('fake_image', { exact: true }).click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const mark = page.getByRole('checkbox', { name: 'Generator ends here (GAN)' });
    await expect(mark).toBeChecked();
    await mark.uncheck();
    await expect(page.getByTestId('generator-end-fake_image')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Problems' }).click();
    const problems = page.locator('.problems-panel');
    await expect(problems.getByText(/no layer is marked as the generator's end/)).toBeVisible();
    await problems.getByRole('button', { name: "Mark fake_image as the generator's end" }).click();
    await expect(page.getByTestId('generator-end-fake_image')).toBeVisible();
    await expect(problems.getByText(/generator's end/)).toHaveCount(0);

    await page.getByRole('tab', { name: 'Training' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    // The lesson's seed is drawn as soon as training ends.
    const answer = page.getByTestId('playground-answer');
    await expect(answer).toBeVisible({ timeout: 240_000 });
    await expect(answer).toContainText('Nearest real image: a 0');
    const samples = page.getByTestId('gan-samples');
    await expect(samples.locator('svg')).toHaveCount(64);
    await expect(samples).toHaveAttribute('data-epoch', '60');
    const distance = async () =>
      Number(/sample_distance ([\d.]+)/.exec(await page.getByTestId('gan-sample-logs').innerText())?.[1]);
    const trained = await distance();
    expect(trained).toBeLessThan(0.06);
    await page.screenshot({ path: testInfo.outputPath('gan-trained.png') });
    // Back to the first epoch: the same noise drew images further from any real zero.
    await page.getByTestId('gan-epoch').fill('0');
    await expect(samples).toHaveAttribute('data-epoch', '1');
    expect(await distance()).toBeGreaterThan(trained);
    // Another seed draws another image; a seed that is not a whole number is refused at the field.
    const first = await answer.locator('svg').first().innerHTML();
    const seed = page.getByTestId('playground-input');
    await seed.fill('12');
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await expect.poll(() => answer.locator('svg').first().innerHTML()).not.toBe(first);
    await seed.fill('twelve');
    await page.getByRole('button', { name: 'Draw', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('whole number from 0 to 2147483647');
  });
});
