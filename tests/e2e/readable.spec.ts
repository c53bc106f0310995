/**
 * The canvas as a new user sees it at 1280×800: every text on a layer or a wire at least 11 px on
 * screen, no wire label over a layer, no layer under the minimap or past the edge, and the view
 * framed again when the dock opens or the layers are arranged.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What the canvas shows, measured in the page: text sizes on screen, and boxes. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    };
    const zoom = Number(
      /scale\(([\d.]+)\)/.exec(
        document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
      )?.[1] ?? 1,
    );
    const visible = (element: Element) =>
      getComputedStyle(element).display !== 'none' && getComputedStyle(element).opacity !== '0';
    const texts = [...document.querySelectorAll('.layer-node *, .wire-label')]
      .filter(
        (element) =>
          element.childNodes.length > 0 &&
          [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent?.trim()),
      )
      .filter((element) => visible(element) && element.closest('[style*="display: none"]') === null)
      .filter((element) => element.getBoundingClientRect().height > 0)
      .map((element) => ({
        text: element.textContent ?? '',
        pixels: parseFloat(getComputedStyle(element).fontSize) * zoom,
      }));
    return {
      zoom,
      canvas: box(document.querySelector('.react-flow') as Element),
      layers: [...document.querySelectorAll('.react-flow__node')].map(box),
      labels: [...document.querySelectorAll('.wire-label:not(.is-tucked)')].map((element) => ({
        text: element.textContent ?? '',
        ...box(element),
      })),
      minimap: document.querySelector('.react-flow__minimap')
        ? box(document.querySelector('.react-flow__minimap') as Element)
        : null,
      texts,
    };
  });
}

const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, b: Box) => a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;

async function expectReadable(page: Page, labelsShown: number) {
  const view = await measure(page);
  for (const text of view.texts) expect(text.pixels, `“${text.text}” on screen`).toBeGreaterThanOrEqual(10.95);
  for (const label of view.labels) {
    for (const layer of view.layers) expect(overlap(label, layer), `${label.text} over a layer`).toBe(false);
  }
  view.labels.forEach((label, index) =>
    view.labels
      .slice(index + 1)
      .forEach((other) => expect(overlap(label, other), `${label.text} over ${other.text}`).toBe(false)),
  );
  expect(view.labels.length).toBeGreaterThanOrEqual(labelsShown);
  for (const layer of view.layers) {
    expect(inside(layer, view.canvas), 'a layer past the edge of the canvas').toBe(true);
    if (view.minimap) expect(overlap(layer, view.minimap), 'a layer under the minimap').toBe(false);
  }
  return view;
}

test('the seed lesson reads at full size, and stays framed when the dock opens and after Arrange', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: /RNN: next character/ }).click();
  // Both wire labels readable between the layers, no minimap in the way.
  const first = await expectReadable(page, 2);
  expect(first.minimap).toBeNull();
  await page.screenshot({ path: testInfo.outputPath('seed-lesson.png') });

  // The dock folds and opens again: the canvas changes size and the network is framed anew.
  await page.getByRole('button', { name: 'Fold the panel' }).click();
  await page.waitForTimeout(400);
  await expectReadable(page, 2);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.waitForTimeout(400);
  await expectReadable(page, 2);

  // Arrange: every layer inside the canvas.
  await page.keyboard.press('Control+Shift+L');
  await page.waitForTimeout(400);
  await expectReadable(page, 0);
});

test('a bigger lesson: layers compact when zoomed out, shapes above the layers when the gap is short, shown when pointed at', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: /A small CNN reads/ }).click();
  // Every wire's shape shown, over the gap above the layers where it does not fit between them.
  const view = await expectReadable(page, 6);
  expect(view.zoom).toBeLessThan(0.9);
  await expect(page.getByTestId('layer-conv1')).toHaveClass(/is-compact/);
  await page.screenshot({ path: testInfo.outputPath('cnn-lesson.png') });

  // Zoomed far out, labels stay 11 px on screen: those without room are tucked away, and shown
  // when their wire is pointed at.
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  for (let step = 0; step < 4; step += 1) await zoomOut.click();
  await expectReadable(page, 0);
  await page.screenshot({ path: testInfo.outputPath('cnn-far.png') });
  const label = page.getByTestId('wire-conv1-conv2');
  await expect(label).toHaveClass(/is-tucked/);
  await expect(label).toHaveText('(None, 6, 6, 8)');
  const from = await page.getByTestId('out-conv1').boundingBox();
  const to = await page.getByTestId('in-conv2').boundingBox();
  if (!from || !to) throw new Error('no handles');
  await page.mouse.move((from.x + to.x + to.width) / 2, from.y + from.height / 2);
  await expect(label).not.toHaveClass(/is-tucked/);

  // The minimap, when asked for, and the view framed around it.
  await page.getByRole('button', { name: 'Fit View' }).click();
  await page.getByRole('button', { name: 'Show the minimap' }).click();
  await expect(page.locator('.react-flow__minimap')).toBeVisible();
  await page.waitForTimeout(400);
  await expectReadable(page, 1);
});
