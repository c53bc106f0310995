/**
 * A new user's first hour at 1280×800, in English and in Spanish, using only what a user (and a
 * screen reader) finds: roles, accessible names and visible text. They build the course's seed
 * network from an empty canvas by real drags, wire it handle to handle, type its parameters, are
 * told what is missing where Train is, forget the softmax and are caught, pick the data, train
 * with the keyboard and ask the trained network, and every result shows whole. A second test
 * builds a network from the keyboard alone.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 800 } });

const words = {
  en: {
    locale: 'en-US',
    empty: 'Start with an empty canvas',
    canvas: 'Network canvas',
    palette: 'Layers',
    inspector: 'Inspector',
    layer: (kind: string, name: string) => `${kind} layer ${name}`,
    output: (name: string) => `Output of ${name}`,
    input: (name: string) => `Input of ${name}`,
    wire: (from: string, to: string, shape: string) => `Wire ${from} → ${to}, carrying ${shape}`,
    train: 'Train',
    noData: 'Choose the data in the Data tab first.',
    dataTab: 'Data',
    source: 'Data source',
    softmax: 'sparse_categorical_crossentropy compares probabilities, but dense ends with linear',
    fix: 'Set activation = softmax on dense',
    playground: 'Playground',
    predict: 'Predict',
    percent: /^9\d\.\d%$/,
    noProblems: 'No problems',
  },
  es: {
    locale: 'es-ES',
    empty: 'Empezar con el lienzo vacío',
    canvas: 'Lienzo de la red',
    palette: 'Capas',
    inspector: 'Inspector',
    layer: (kind: string, name: string) => `Capa ${kind} ${name}`,
    output: (name: string) => `Salida de ${name}`,
    input: (name: string) => `Entrada de ${name}`,
    wire: (from: string, to: string, shape: string) => `Conexión ${from} → ${to}, que lleva ${shape}`,
    train: 'Entrenar',
    noData: 'Elige antes los datos en la pestaña Datos.',
    dataTab: 'Datos',
    source: 'Origen de los datos',
    softmax: 'sparse_categorical_crossentropy compara probabilidades, pero dense termina en linear',
    fix: 'Poner activation = softmax en dense',
    playground: 'Probar',
    predict: 'Predecir',
    percent: /^9\d,\d\s%$/,
    noProblems: 'Sin problemas',
  },
} as const;

type Words = (typeof words)[keyof typeof words];

/** Drags a layer from the palette onto the canvas at (x, y) of the canvas. */
async function drop(page: Page, say: Words, kind: string, x: number, y: number): Promise<void> {
  const item = page
    .getByRole('complementary', { name: say.palette })
    .getByRole('button', { name: new RegExp(`^${kind}\\b`) });
  await item.dragTo(page.getByRole('region', { name: say.canvas }), { targetPosition: { x, y } });
}

/** Drags from one layer's output handle to another's input handle. */
async function connect(page: Page, say: Words, from: string, to: string): Promise<void> {
  const start = await page.getByRole('button', { name: say.output(from), exact: true }).boundingBox();
  const end = await page.getByRole('button', { name: say.input(to), exact: true }).boundingBox();
  if (!start || !end) throw new Error('handles not on screen');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
  await page.mouse.up();
}

async function setField(page: Page, say: Words, layer: string, field: string, value: string): Promise<void> {
  await page.getByRole('group', { name: layer }).click();
  await page.getByRole('complementary', { name: say.inspector }).getByLabel(field, { exact: true }).fill(value);
}

for (const [language, say] of Object.entries(words)) {
  test(`${language}: a new user builds, trains and asks the seed network without opening a panel to find Train`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ locale: say.locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto('/');
    await page.getByRole('button', { name: say.empty }).click();

    await drop(page, say, 'Input', 110, 140);
    await drop(page, say, 'SimpleRNN', 380, 140);
    await drop(page, say, 'Dense', 650, 140);
    await connect(page, say, 'input', 'simple_rnn');
    await connect(page, say, 'simple_rnn', 'dense');
    await setField(page, say, say.layer('Input', 'input'), 'shape', '3, 8');
    await setField(page, say, say.layer('SimpleRNN', 'simple_rnn'), 'units', '50');
    await setField(page, say, say.layer('Dense', 'dense'), 'units', '8');
    await expect(page.getByRole('group', { name: say.wire('input', 'simple_rnn', '(None, 3, 8)') })).toBeAttached();
    await expect(page.getByRole('group', { name: say.wire('simple_rnn', 'dense', '(None, 50)') })).toBeAttached();

    // Train (here its shortcut) says, right under the button, what is missing; the button is
    // aria-disabled, so it stays focusable and can say why.
    const train = page.getByRole('button', { name: say.train, exact: true });
    await expect(train).toBeDisabled();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('alert').filter({ hasText: say.noData })).toBeVisible();

    await page.getByRole('tab', { name: say.dataTab }).click();
    await page.getByLabel(say.source).selectOption('text-next-char');
    // The softmax left out is caught on the output layer, with its fix.
    const problem = page.getByRole('group', { name: say.layer('Dense', 'dense') }).getByRole('alert');
    await expect(problem).toContainText(say.softmax);
    await problem.getByRole('button', { name: say.fix }).click();
    await expect(page.getByTestId('problem-count')).toHaveText(say.noProblems);

    // Train, one click from where the learner is.
    await train.click();
    await page.getByRole('tab', { name: say.playground }).click();
    const question = page.getByTestId('playground-input');
    await expect(question).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('playground-run')).toBeVisible({ timeout: 60_000 });
    await question.fill('hel');
    await page.getByRole('button', { name: say.predict }).click();
    const best = page.getByTestId('playground-answer').locator('li').first();
    await expect(best.locator('.answer-label')).toHaveText('l');
    await expect(best.locator('.mono')).toHaveText(say.percent);

    // Nothing cut: the confusion matrix and the answers lie inside the window.
    const matrix = await page.getByTestId('confusion-matrix').boundingBox();
    expect(matrix && matrix.x + matrix.width).toBeLessThanOrEqual(1280 - 280);
    await expect(page.getByTestId('playground-run')).toBeInViewport();
    await page.screenshot({ path: testInfo.outputPath(`new-user-${language}.png`) });
    expect(failures).toEqual([]);
    await context.close();
  });
}

test('a network built from the keyboard alone: each layer added after the selected one is wired to it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: words.en.empty }).click();
  const palette = page.getByRole('complementary', { name: 'Layers' });
  for (const kind of ['Input', 'SimpleRNN', 'Dense']) {
    await palette.getByRole('button', { name: new RegExp(`^${kind}\\b`) }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('layer-count')).toHaveText('3 layers');
  await expect(page.getByTestId('wire-count')).toHaveText('2 wires');

  // A layer added with nothing selected (a click on the empty canvas) stands alone; the "Wire a
  // layer to another…" command (Ctrl+Shift+E) wires it.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await palette.getByRole('button', { name: /^Dropout\b/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wire-count')).toHaveText('2 wires');
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Wire a layer to another' });
  await dialog.getByLabel('From the output of').selectOption({ label: 'dense (Dense)' });
  await dialog.getByLabel('Into').selectOption({ label: 'dropout (Dropout)' });
  await dialog.getByRole('button', { name: 'Wire' }).click();
  await expect(page.getByTestId('wire-count')).toHaveText('3 wires');
  await expect(page.getByRole('group', { name: 'Wire dense → dropout, carrying (None, 32)' })).toBeAttached();
});
