/**
 * A large table kept outside the project, as a learner meets it in the web build: opened and
 * saved, the project file holds where the table was, its size and hash, not its rows; opened
 * again, the browser cannot read the table by its path, so the Data tab asks for it. An edited
 * copy is taken only when the learner says so; the same file is taken as it is, and trains.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { openApp, openProjectFile } from '../helpers/canvas';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 } });

const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
const iris = readFileSync(`${sklearnData}/iris.csv`, 'utf8').trimEnd();
const irisRows = iris.split('\n').slice(1).join('\n');
/** Iris' rows repeated past a million characters, under iris' own header. */
const large = `${[iris, ...Array.from({ length: 400 }, () => irisRows)].join('\n')}\n`;

test('a large table: saved outside the project, asked for on open, an edited copy only when the learner says so', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const table = testInfo.outputPath('flores.csv');
  const edited = testInfo.outputPath('edited', 'flores.csv');
  await writeFile(table, large);
  await mkdir(testInfo.outputPath('edited'), { recursive: true });
  await writeFile(edited, large.replace('5.1,3.5', '9.9,9.9'));

  await openApp(page);
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Open data (CSV, text)…' }).click();
  await (await chooser).setFiles(table);
  await expect(page.getByTestId('data-preview')).toContainText('(48120, 4)', { timeout: 60_000 });

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const project = testInfo.outputPath('flores.layerlab');
  await (await download).saveAs(project);
  const saved = await readFile(project, 'utf8');
  // The rows stay in their file: the project says which file, by size and hash (a browser gives no path).
  expect(saved.length).toBeLessThan(20_000);
  expect(JSON.parse(saved)).toMatchObject({
    dataFile: { name: 'flores.csv', path: null, bytes: large.length },
    data: { kind: 'csv', text: '' },
  });

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'New Ctrl+N' }).click();
  await openProjectFile(page, project);
  const sought = page.getByTestId('data-sought');
  await expect(sought).toContainText(
    'The project keeps "flores.csv" (1.1 MB) outside itself, and a browser cannot open a file by its path: point to it again.',
  );
  // The network came back whole; training waits for the data.
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath('data-outside-sought.png') });

  // An edited copy: the learner is asked, declines, and the project still waits for its table.
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByTestId('data-point-to-file').setInputFiles(edited);
  await expect.poll(() => asked).toContain('flores.csv is not the file the project was saved with');
  await expect(sought).toBeVisible();

  // The same file: taken as it is, the choices the project kept with it.
  await page.getByTestId('data-point-to-file').setInputFiles(table);
  await expect(sought).toBeHidden();
  await expect(page.getByTestId('data-preview')).toContainText('(48120, 4)', { timeout: 60_000 });
  await expect(page.getByTestId('test-split')).toHaveText(
    '12030 rows held out as the test split, 48120 to train and validate on',
  );
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('epochs').fill('2');
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  await expect(page.getByTestId('test-split-result').first()).toContainText(
    'Test split: 12030 samples never trained on',
    { timeout: 150_000 },
  );
  await page.screenshot({ path: testInfo.outputPath('data-outside-found.png') });
  expect(errors).toEqual([]);
});
