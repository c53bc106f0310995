// @vitest-environment happy-dom
/**
 * The data panel draws whatever the recipe registry holds: a kind it has never seen
 * (tests/fixtures/parity-recipe.ts, added with one registry line) appears in the menu, with its
 * own controls and its preview, and no line of the panel changes.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';

// React's act() warns unless the environment says it is a test one.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
import { parity } from '../../../tests/fixtures/parity-recipe';

vi.mock('../../../shared/data/recipes/index.js', async (importOriginal) =>
  (await import('../../../tests/fixtures/parity-recipe')).registryWithParity(await importOriginal()),
);

const { initI18n } = await import('../i18n');
const { useAppStore } = await import('../store');
const { DataPanel } = await import('./DataPanel');

/** The panel as the learner sees it: its markup once React has rendered it, and the source chosen. */
async function renderPanel(): Promise<{ html: string; source: string | undefined }> {
  const host = document.createElement('div');
  const root = createRoot(host);
  await act(async () => root.render(<DataPanel />));
  const rendered = { html: host.innerHTML, source: host.querySelector('select')?.value };
  await act(async () => root.unmount());
  return rendered;
}

describe('the data panel', () => {
  it('shows a new kind of data from its recipe alone: menu entry, controls, shapes and preview', async () => {
    await initI18n('en');
    useAppStore.getState().setData({ ...parity.defaultSpec } as never);
    const { html, source } = await renderPanel();
    expect(source).toBe('parity');
    expect(html).toContain('<option value="parity">Bits: odd or even</option>');
    expect(html).toContain('Random bits; is the count of ones odd?');
    expect(html).toMatch(/<span class="field-name">bits per sequence<\/span><input[^>]*value="6"/);
    // What it builds: X's shape, the classes, and the first samples under the recipe's headings.
    expect(html).toContain('<code>(64, 6, 1)</code>');
    expect(html).toContain('0:"even"');
    expect(html).toContain('<th>bits</th><th>target</th>');
    expect(html).toContain('<td class="mono">"100010"</td>');
  });

  it('still shows every shipped kind in its menu, by its recipe’s title, in the learner’s language', async () => {
    await initI18n('es');
    useAppStore.getState().setLanguage('es');
    useAppStore.getState().setData(null);
    const { html } = await renderPanel();
    expect(html).toContain('Texto: siguiente carácter');
    expect(html).toContain('Imágenes: dígitos escritos a mano');
    expect(html).toContain('Bits: par o impar');
  });
});
