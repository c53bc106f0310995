import { expect, test, type Page } from '@playwright/test';

/** Opens a lesson from the gallery, trains it, and waits for the playground it opens on. */
async function trainLesson(page: Page, lesson: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: lesson }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  await expect(page.getByRole('tab', { name: 'Playground' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 90_000,
  });
}

test.describe('look inside the trained network', () => {
  test.use({ locale: 'en-US' });

  test('the seed lesson: "hel" read step by step, the hidden state that leads to "l"', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await trainLesson(page, /RNN: next character/);
    await expect(page.getByTestId('playground-answer').locator('li').first()).toContainText('l');

    const inside = page.getByTestId('look-inside');
    await expect(inside.getByRole('heading', { name: 'Look inside' })).toBeVisible();
    // The recurrent layer is the one shown first: one row per character read, 50 units each.
    await expect(inside.getByLabel('Layer')).toHaveValue('simple_rnn');
    const states = page.getByTestId('look-states-forward');
    await expect(states).toContainText('State of simple_rnn after each step (50 units)');
    await expect(states.locator('th')).toHaveText(['h', 'e', 'l']);
    await expect(states).toHaveAttribute('data-units', '50');
    // The value under the pointer: the first cell of the row of "e".
    await states.locator('canvas').hover({ position: { x: 2, y: 14 + 5 } });
    await expect(states.locator('.channel-hover')).toHaveText(/^e · unit 1: -?\d\.\d{3}$/);
    // The slider starts at the last step, whose state leads to "l"; stepping back marks "h".
    await expect(inside.getByText('Step 3 of 3: l')).toBeVisible();
    await expect(states.locator('tr.heatmap-current th')).toHaveText('l');
    await inside.getByRole('slider').fill('1');
    await expect(inside.getByText('Step 1 of 3: h')).toBeVisible();
    await expect(states.locator('tr.heatmap-current th')).toHaveText('h');
    // The canvas marks the layer looked inside, at the step shown.
    await expect(page.getByTestId('inside-simple_rnn')).toHaveText('inside: step 1 of 3: h');
    await expect(page.getByTestId('layer-simple_rnn')).toHaveClass(/is-looked-inside/);
    const shot = testInfo.outputPath('seed-steps.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('seed-steps', { path: shot, contentType: 'image/png' });

    // Another question is looked inside as soon as it is asked.
    await page.getByRole('textbox', { name: 'Text' }).fill('wor');
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(states.locator('th')).toHaveText(['w', 'o', 'r']);

    // Any layer, chosen by clicking it on the canvas: the Dense layer's 8 outputs as one row.
    await page.getByTestId('layer-dense').click();
    await expect(inside.getByLabel('Layer')).toHaveValue('dense');
    await expect(page.getByTestId('inside-dense')).toHaveText('looking inside');
    await expect(page.getByTestId('inside-simple_rnn')).toHaveCount(0);
    await expect(page.getByTestId('look-output')).toContainText('What dense outputs for this question (8)');
    await expect(page.getByTestId('look-output')).toHaveAttribute('data-units', '8');
  });

  test('an LSTM’s gates per step, in Spanish', async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /escribe como Cervantes/ }).click();
    await page.getByRole('tab', { name: 'Entrenamiento' }).click();
    await page.getByRole('button', { name: 'Entrenar', exact: true }).first().click();
    await expect(page.getByRole('tab', { name: 'Probar' })).toHaveAttribute('aria-selected', 'true', {
      timeout: 90_000,
    });
    const inside = page.getByTestId('look-inside');
    await expect(inside.getByRole('heading', { name: 'Mirar dentro' })).toBeVisible();
    await expect(page.getByTestId('look-states-forward').locator('tr')).toHaveCount(10);
    await inside.getByLabel('Mostrar las puertas').check();
    for (const gate of ['input', 'forget', 'candidate', 'output'])
      await expect(page.getByTestId(`look-gate-${gate}-forward`).locator('tr')).toHaveCount(10);
    await expect(page.getByTestId('look-gate-forget-forward')).toContainText('Puerta de olvido');
    await expect(page.getByTestId('look-memory-forward')).toContainText('Memoria (estado de la celda)');
    await expect(inside.getByText(/Paso 10 de 10/)).toBeVisible();
    await page.getByTestId('look-gate-forget-forward').scrollIntoViewIfNeeded();
    const shot = testInfo.outputPath('lstm-gates-es.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('lstm-gates-es', { path: shot, contentType: 'image/png' });
    await context.close();
  });
});

test.describe('inside the network while it trains', () => {
  test('lesson 4.2: the SimpleRNN’s gradient fades before the first steps, the LSTM’s holds', async ({
    browser,
  }, testInfo) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1400 } });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /a long memory/ }).click();
    // The lesson's step turns the view on and opens it.
    await page.getByRole('button', { name: /^2 Watch the gradient reach each step$/ }).click();
    await page.getByTestId('lesson-panel').getByRole('button', { name: 'Show me' }).click();
    await expect(page.getByRole('tab', { name: 'Training' })).toHaveAttribute('aria-selected', 'true');
    const inside = page.getByTestId('inside-training');
    await expect(inside.getByLabel(/Watch inside the network while it trains/)).toBeChecked();
    await expect(inside).toContainText('after each epoch, each layer');
    await page.getByRole('button', { name: 'Train', exact: true }).first().click();
    // A finished run opens the playground; the view waits back in Training.
    const playground = page.getByRole('tab', { name: 'Playground' });
    await expect(playground).toHaveAttribute('aria-selected', 'true', { timeout: 90_000 });
    await page.getByRole('tab', { name: 'Training' }).click();
    // Every epoch measured: the gradient norm of both layers, the weights of one, the steps.
    await expect(page.getByTestId('inside-gradientNorm')).toHaveAttribute('data-points', '12');
    await expect(page.getByTestId('inside-gradientNorm').locator('.chart-legend li')).toHaveText(['memory', 'sum']);
    await expect(page.getByTestId('inside-histogram')).toHaveAttribute('data-bins', '24');
    const simple = await page.getByTestId('inside-share-1').innerText();
    const percentOf = (text: string) => Number(/get ([\d.]+)%/.exec(text)?.[1]);
    expect(simple).toMatch(/^#1 adam .*, epoch 12: the first 5 steps get [\d.]+% of the gradient the last step gets$/);
    expect(percentOf(simple)).toBeLessThan(10);

    // The lesson's LSTM, trained again: its line joins the chart, and it holds.
    await page.getByRole('tab', { name: 'Lesson' }).click();
    await page.getByRole('button', { name: /^4 LSTM$/ }).click();
    await page.getByTestId('lesson-panel').getByRole('button', { name: 'Use an LSTM' }).click();
    await page.getByRole('tab', { name: 'Training' }).click();
    await page.getByRole('button', { name: 'Train', exact: true }).first().click();
    await expect(playground).toHaveAttribute('aria-selected', 'true', { timeout: 90_000 });
    await page.getByRole('tab', { name: 'Training' }).click();
    await expect(page.getByTestId('inside-share-2')).toContainText('epoch 12');
    await expect(page.getByTestId('inside-steps')).toHaveAttribute('data-lines', '2');
    const lstm = await page.getByTestId('inside-share-2').innerText();
    expect(lstm).toContain('LSTM');
    expect(percentOf(lstm)).toBeGreaterThan(30);

    // An earlier epoch of the current run, chosen with the slider.
    await inside.getByLabel('Epoch shown').fill('3');
    await expect(inside.getByText('Epoch 3 of 12')).toBeVisible();
    await expect(page.getByTestId('inside-share-2')).toContainText('epoch 3');
    await inside.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const shot = testInfo.outputPath('inside-training-4.2.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('inside-training-4.2', { path: shot, contentType: 'image/png' });
    await context.close();
  });
});

test('convolutions, in Spanish: the feature maps of the digit asked and the filters as images', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'es-ES' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: /Qué hacen la convolución y el pooling/ }).click();
  await page.getByRole('tab', { name: 'Entrenamiento' }).click();
  await page.getByRole('button', { name: 'Entrenar', exact: true }).first().click();
  await expect(page.getByRole('tab', { name: 'Probar' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 90_000,
  });
  const inside = page.getByTestId('look-inside');
  // The first convolution first: 4 feature maps of 8 × 8 ('same' padding), and its 4 filters of 3 × 3.
  await expect(inside.getByLabel('Capa')).toHaveValue('same');
  const maps = page.getByTestId('look-maps');
  await expect(maps).toContainText('Lo que same hace de esta imagen: 4 mapas de características de 8 × 8');
  await expect(maps.locator('canvas')).toHaveCount(4);
  await expect(maps.locator('canvas').first()).toHaveAttribute('width', '8');
  const filters = page.getByTestId('look-filters');
  await expect(filters).toContainText('Los 4 filtros de same, de 3 × 3');
  await expect(filters.locator('canvas')).toHaveCount(4);
  // Hovering a pixel names it and gives its value.
  await maps
    .locator('canvas')
    .nth(1)
    .hover({ position: { x: 2, y: 2 } });
  await expect(maps.locator('.channel-hover')).toHaveText(/^canal 2 · fila 1, columna 1: -?\d\.\d{3}$/);
  // The drawn maps are not blank: some pixel of some map is coloured.
  const coloured = await maps.locator('canvas').evaluateAll((canvases) =>
    canvases.some((canvas) => {
      const data = (canvas as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 8, 8).data ?? [];
      return Array.from(data).some((value, index) => index % 4 !== 3 && value < 200);
    }),
  );
  expect(coloured).toBe(true);
  const shot = testInfo.outputPath('conv-maps-es.png');
  await inside.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot });
  await testInfo.attach('conv-maps-es', { path: shot, contentType: 'image/png' });

  // The second convolution reads 4 channels: its 8 filters for the input channel chosen.
  await inside.getByLabel('Capa').selectOption('valid');
  await expect(page.getByTestId('look-maps')).toContainText('8 mapas de características de 6 × 6');
  await expect(page.getByTestId('look-filters')).toContainText('los pesos que cada uno da al canal de entrada 1');
  await inside.getByLabel('Pesos de los filtros para el canal de entrada').selectOption('3');
  await expect(page.getByTestId('look-filters')).toContainText('canal de entrada 3');
  // Pooling has maps and no filters.
  await inside.getByLabel('Capa').selectOption('pool');
  await expect(page.getByTestId('look-maps')).toContainText('8 mapas de características de 3 × 3');
  await expect(page.getByTestId('look-filters')).toHaveCount(0);
  await context.close();
});

test.describe('forward and backward, by hand', () => {
  test('the perceptron: one sample forward, the loss, the gradients and one step', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    await trainLesson(page, /Perceptron: the AND gate/);
    const byHand = page.getByTestId('by-hand');
    await expect(byHand.getByRole('heading', { name: 'Forward and backward, by hand' })).toBeVisible();
    const stage = page.getByTestId('by-hand-stage');
    const arithmetic = page.getByTestId('by-hand-arithmetic');
    await expect(stage).toHaveText(/^Stage 1 of 4: forward through /);
    // Two inputs, a bias: the weighted sum written out, then the sigmoid of it.
    await expect(arithmetic).toHaveText(/^unit 1: z = \S+·\S+ \+ \S+·\S+ \+ \S+ = \S+ → sigmoid\(\S+\) = \S+$/);
    // The diagram: 2 inputs and 1 unit, with a number on each of its 2 wires.
    const diagram = page.getByTestId('by-hand-diagram');
    await expect(diagram.locator('circle')).toHaveCount(3);
    await expect(diagram.locator('.wire-value')).toHaveCount(2);
    await byHand.getByRole('button', { name: 'Next ▶' }).click();
    await expect(stage).toHaveText('Stage 2 of 4: the loss: how far the output is from the target');
    await expect(arithmetic).toContainText('binary_crossentropy: L = −(y·log a + (1−y)·log(1−a)) = ');
    await byHand.getByRole('button', { name: 'Next ▶' }).click();
    await expect(arithmetic).toContainText('∂L/∂w1,1 = a1 · ∂L/∂z = ');
    await expect(arithmetic).toContainText('∂L/∂b1 = ∂L/∂z = ');
    await byHand.getByRole('button', { name: 'Next ▶' }).click();
    await expect(arithmetic).toContainText('One step of adam with learning rate 0.1, from rest');
    await expect(byHand.getByRole('button', { name: 'Next ▶' })).toBeDisabled();
    // Another sample: the arithmetic follows it.
    const before = await arithmetic.innerText();
    await byHand.getByLabel('Training sample').selectOption({ index: 1 });
    await expect(arithmetic).not.toHaveText(before);
    await byHand.scrollIntoViewIfNeeded();
    const shot = testInfo.outputPath('by-hand-perceptron.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('by-hand-perceptron', { path: shot, contentType: 'image/png' });
  });

  test('XOR in Spanish: 2-8-1, the wires into the unit in focus', async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: /Perceptrón multicapa: XOR/ }).click();
    await page.getByRole('tab', { name: 'Entrenamiento' }).click();
    await page.getByRole('button', { name: 'Entrenar', exact: true }).first().click();
    await expect(page.getByRole('tab', { name: 'Probar' })).toHaveAttribute('aria-selected', 'true', {
      timeout: 90_000,
    });
    const byHand = page.getByTestId('by-hand');
    await expect(byHand.getByRole('heading', { name: 'Hacia delante y hacia atrás, a mano' })).toBeVisible();
    await expect(page.getByTestId('by-hand-stage')).toHaveText(/^Etapa 1 de 6: hacia delante por /);
    const diagram = page.getByTestId('by-hand-diagram');
    await expect(diagram.locator('circle')).toHaveCount(11);
    // 16 wires into the hidden layer: only those into the unit in focus carry their number.
    await expect(diagram.locator('.wire-value')).toHaveCount(2);
    await expect(page.getByTestId('by-hand-arithmetic')).toContainText('unidad 8: z = ');
    await diagram.locator('g.unit').nth(5).click();
    await expect(diagram.locator('g.unit.is-focus')).toHaveCount(1);
    await byHand.getByRole('button', { name: 'Siguiente ▶' }).click();
    await byHand.getByRole('button', { name: 'Siguiente ▶' }).click();
    await expect(page.getByTestId('by-hand-stage')).toContainText('Etapa 3 de 6: la pérdida');
    await byHand.getByRole('button', { name: 'Siguiente ▶' }).click();
    await expect(page.getByTestId('by-hand-stage')).toContainText('Etapa 4 de 6: hacia atrás por');
    await byHand.scrollIntoViewIfNeeded();
    const shot = testInfo.outputPath('by-hand-xor-es.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('by-hand-xor-es', { path: shot, contentType: 'image/png' });
    await context.close();
  });
});

test('inside the training network, in Spanish: the lesson step turns it on and the gradient per step is read', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 1400 } });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: /una memoria larga/ }).click();
  await page.getByRole('button', { name: /^2 Mira el gradiente llegar a cada paso$/ }).click();
  await page.getByTestId('lesson-panel').getByRole('button', { name: 'Muéstramelo' }).click();
  const inside = page.getByTestId('inside-training');
  await expect(inside.getByLabel(/Mirar dentro de la red mientras entrena/)).toBeChecked();
  await page.getByRole('button', { name: 'Entrenar', exact: true }).first().click();
  await expect(page.getByRole('tab', { name: 'Probar' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 90_000,
  });
  await page.getByRole('tab', { name: 'Entrenamiento' }).click();
  await expect(page.getByTestId('inside-gradientNorm')).toContainText('Norma del gradiente de cada capa, por época');
  await expect(page.getByTestId('inside-histogram')).toContainText('Pesos de memory en esa época');
  const share = page.getByTestId('inside-share-1');
  await expect(share).toContainText('época 12: a los 5 primeros pasos les llega el');
  const percent = Number(/el ([\d,]+)\s%/.exec(await share.innerText())?.[1]?.replace(',', '.'));
  expect(percent).toBeLessThan(10);
  await inside.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  const shot = testInfo.outputPath('inside-training-es.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('inside-training-es', { path: shot, contentType: 'image/png' });
  await context.close();
});

test('on WebGL too (a software GPU here): watched while it trains, and looked inside after', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('backend').selectOption('webgl');
  await page.getByLabel('epochs').fill('20');
  await page
    .getByTestId('inside-training')
    .getByLabel(/Watch inside the network while it trains/)
    .check();
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  await expect(page.getByRole('tab', { name: 'Playground' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 120_000,
  });
  await expect(page.getByTestId('status-backend')).toHaveText('Backend: WebGL (GPU)');
  // The question's three characters, step by step, computed on WebGL.
  await expect(page.getByTestId('look-states-forward').locator('th')).toHaveText(['h', 'e', 'l']);
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByTestId('inside-gradientNorm')).toHaveAttribute('data-points', '20');
  await expect(page.getByTestId('inside-share-1')).toContainText('epoch 20');
});
