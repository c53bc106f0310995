/**
 * A learner's own folder of images, a subfolder per class (PNG and JPEG files made from the
 * shipped handwritten digits, one class smaller than the others, and two files that are not
 * images): opened from File → Open a folder of images on an empty canvas, it shows a grid per
 * class with its count, says the classes are unbalanced and which files it did not read, gets a
 * starter CNN, trains at the size the learner picks, shows the test split apart, and answers an
 * image asked by number, shown beside the answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openApp } from '../helpers/canvas';
import { writeDigitFolder, writeManyDigits } from '../helpers/image-folder';

test.use({ locale: 'en-US', viewport: { width: 1440, height: 900 } });

let root = '';
let folder = '';
test.beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'layerlab-e2e-images-'));
  folder = writeDigitFolder(root, 'digits', { digits: [0, 1, 7], counts: [30, 30, 12] });
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a folder of images from File → Open a folder: a grid per class, a starter CNN, trained, an image asked', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page);
  await page.getByRole('button', { name: 'File' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Open a folder of images…' }).click();
  await (await chooser).setFiles(folder);

  // A row per class with its count and its first images; the small class named as such.
  const grid = page.getByTestId('class-grid');
  await expect(grid.getByTestId('class-row')).toHaveCount(3);
  await expect(grid.getByTestId('class-row').nth(2)).toContainText('digit-7');
  await expect(grid.getByTestId('class-row').nth(2)).toContainText('12');
  await expect(grid.getByTestId('class-row').first().getByRole('img')).toHaveCount(8);
  await expect(page.getByText(/Unbalanced: digit-0 has 30 images, digit-7 12\./)).toBeVisible();
  await expect(page.getByText('72 images in 3 classes, stored at 16×16 in grey.', { exact: false })).toBeVisible();
  // The files not read, each with why.
  const skipped = page.getByTestId('image-groups');
  await expect(skipped).toContainText('Files not read (2)');
  await expect(skipped).toContainText('"README.txt": not in a class subfolder');
  await expect(skipped).toContainText('"digit-0/broken.png": not a PNG or JPEG image');
  // The starter network: two convolutions read the images; the data as the network sees it.
  await expect(page.getByText('No problems')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await expect(page.getByTestId('data-preview')).toContainText('(58, 16, 16, 1)');
  await page.screenshot({ path: testInfo.outputPath('image-folder-opened.png') });

  // Smaller images train faster: 8×8, as the digits were drawn.
  await page.getByLabel('height (pixels)').fill('8');
  await page.getByLabel('width (pixels)').fill('8');
  await expect(page.getByTestId('data-preview')).toContainText('(58, 8, 8, 1)');
  // The network was drawn for 16×16: the mismatch is pinned to its Input, fixed in one click
  // from the list of problems (the canvas shows nine layers compact, their pins folded).
  await expect(page.getByTestId('problem-image')).toContainText("Set the Input's shape to (None, 8, 8, 1).");
  await page.getByRole('tab', { name: 'Problems' }).click();
  await page.getByRole('button', { name: 'Set shape = 8, 8, 1 on image' }).click();
  await expect(page.getByTestId('problem-count')).toHaveText('No problems');
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByLabel('epochs')).toHaveValue('20');
  await page.getByRole('button', { name: 'Train', exact: true }).first().click();
  const result = page.getByTestId('test-split-result').first();
  await expect(result).toBeVisible({ timeout: 200_000 });
  await expect(result).toContainText('Test split: 14 samples never trained on');
  await expect(result).toContainText('digit-7');

  // An image asked by its number: shown beside the network's answer.
  await page.getByRole('tab', { name: 'Playground' }).click();
  const input = page.getByTestId('playground-input');
  await input.fill('#3');
  await page.getByRole('button', { name: 'Predict' }).click();
  await expect(page.getByRole('img', { name: /^image #3, a digit-\d$/ })).toBeVisible();
  await expect(page.getByTestId('playground-answer').locator('li')).toHaveCount(3);
  // An image file of the learner's, read as the folder was, shown beside the answer.
  await page.getByTestId('playground-image-file').setInputFiles(path.join(folder, 'digit-7', '005.png'));
  await expect(page.getByRole('img', { name: '005.png' })).toBeVisible();
  await expect(page.getByTestId('playground-answer').locator('li')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('image-folder-file.png') });
  await page.getByTestId('playground-image-file').setInputFiles(path.join(folder, 'README.txt'));
  await expect(page.getByRole('alert')).toContainText('"README.txt": not a PNG or JPEG image');
  await input.fill('#99');
  await page.getByRole('button', { name: 'Predict' }).click();
  await expect(page.getByRole('alert')).toContainText(
    "Type # and an image's number (#1 to #58), or use an image file.",
  );
  await page.screenshot({ path: testInfo.outputPath('image-folder-trained.png') });
  expect(errors).toEqual([]);
});

test('the data panel opens another folder; a folder with no class subfolders is refused at its button', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByLabel('Data source').selectOption('image-folder');
  await page.getByTestId('data-folder').setInputFiles(path.join(folder, 'digit-1'));
  await expect(page.getByRole('alert')).toContainText(
    '"digit-1" holds no images in subfolders: put each class\'s PNG or JPEG files in a subfolder named after the class.',
  );
  await page.getByTestId('data-folder').setInputFiles(folder);
  await expect(page.getByTestId('data-folder-name')).toHaveText('digits');
  await expect(page.getByTestId('class-grid').getByTestId('class-row')).toHaveCount(3);
});

test('a large folder is read off the window with a bar that counts its images; Cancel leaves the data as it was; the autosave keeps it', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const many = writeManyDigits(root, 'many-digits', 6000, 28);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openApp(page);
  const openMany = async () => {
    await page.getByRole('button', { name: 'File', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Open a folder of images…' }).click();
    await (await chooser).setFiles(many);
  };

  // The bar counts the images as they are read; Cancel stops it, the canvas and data untouched.
  await openMany();
  const bar = page.getByTestId('opening');
  await expect(bar).toContainText(/Opening many-digits: [1-9][\d,]* of 6,000 images read/);
  await page.screenshot({ path: testInfo.outputPath('large-folder-reading.png') });
  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden();
  await expect(page.getByText('Opening "many-digits" was cancelled: the data is as it was.')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);

  // Opened to the end: every image, stored at its own 28×28, and a starter network for them.
  await openMany();
  await expect(page.getByText('6000 images in 10 classes, stored at 28×28 in grey.', { exact: false })).toBeVisible({
    timeout: 120_000,
  });
  await expect(page.getByTestId('data-preview')).toContainText('(4800, 28, 28, 1)');
  await expect(page.getByText('No problems')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('large-folder-opened.png') });

  // The autosave keeps the 6,000 images (written off the window), and an edit after them (written
  // without handing the images over again): after a reload both come back.
  await page.waitForTimeout(5000); // the autosave runs every 4 s
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('epochs').fill('3');
  await page.waitForTimeout(5000);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  const restore = page.getByRole('dialog', { name: 'Restore unsaved work?' });
  await restore.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await page.getByRole('tab', { name: 'Training' }).click();
  await expect(page.getByLabel('epochs')).toHaveValue('3');
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByText('6000 images in 10 classes, stored at 28×28 in grey.', { exact: false })).toBeVisible();
  await expect(page.getByTestId('data-preview')).toContainText('(4800, 28, 28, 1)', { timeout: 60_000 });
  expect(errors).toEqual([]);
});
