// @vitest-environment happy-dom
/**
 * The palette and the inspector draw whatever the layer registry holds: a kind LayerLab does not
 * have (tests/fixtures/thresholded-relu-layer.ts, added with one line of shared/layers/kinds.ts) is
 * listed in its group, added by a double click, and inspected with its own setting, whose bad
 * value is refused at the field with the fix. No line of the renderer changes.
 */
import { ReactFlowProvider } from '@xyflow/react';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';

// React's act() warns unless the environment says it is a test one.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

vi.mock('../../../shared/layers/kinds.js', async (importOriginal) =>
  (await import('../../../tests/fixtures/thresholded-relu-layer')).kindsWithThresholdedRelu(await importOriginal()),
);

const { initI18n } = await import('../i18n');
const { useAppStore } = await import('../store');
const { Palette } = await import('./Palette');
const { Inspector } = await import('../inspector/Inspector');

async function rendered(element: React.ReactElement): Promise<{ host: HTMLElement; unmount: () => Promise<void> }> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(<ReactFlowProvider>{element}</ReactFlowProvider>));
  return {
    host,
    unmount: async () => {
      await act(async () => root.unmount());
      host.remove();
    },
  };
}

describe('a layer kind added as one file and one registry line, on screen', () => {
  it('is in the palette’s group, and a double click puts it on the canvas', async () => {
    await initI18n('en');
    const { host, unmount } = await rendered(<Palette />);
    const group = host.querySelector('section[aria-label="Core"]');
    const item = host.querySelector<HTMLElement>('[data-testid="palette-ThresholdedReLU"]');
    expect(item?.closest('section')).toBe(group);
    expect(item?.textContent).toContain('only the values above theta');
    await act(async () => item?.dispatchEvent(new MouseEvent('dblclick', { bubbles: true })));
    expect(useAppStore.getState().nodes.map((node) => node.data.kind)).toContain('ThresholdedReLU');
    await unmount();
  });

  it('is inspected with its own setting, and a bad value is refused at the field', async () => {
    await initI18n('en');
    const store = useAppStore.getState();
    const input = store.addLayer('Input', { x: 0, y: 0 });
    const thresholded = store.addLayer('ThresholdedReLU' as never, { x: 300, y: 0 });
    store.connect({ source: input, target: thresholded, sourceHandle: null, targetHandle: null });
    store.selectOnly(thresholded);
    const { host, unmount } = await rendered(<Inspector />);
    expect(host.querySelector('.inspector-header h3')?.textContent).toBe('ThresholdedReLU');
    expect(host.querySelector('[data-param="theta"]')?.textContent).toContain('The threshold values must pass');
    expect(host.querySelector<HTMLInputElement>('[data-param="theta"] input')?.value).toBe('1');
    expect(host.querySelector('.inspector-facts')?.textContent).toContain('(None, 3, 8)');

    // The learner types a threshold over 10: the field says why, and the layer keeps its last good value.
    const field = host.querySelector<HTMLInputElement>('[data-param="theta"] input');
    if (!field) throw new Error('no theta field');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    await act(async () => {
      setValue?.call(field, '20');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(host.querySelector('[data-param="theta"] .field-error')?.textContent).toBe(
      'Expected a number from 0 to 10.',
    );
    expect(useAppStore.getState().nodes.find((node) => node.id === thresholded)?.data.params).toMatchObject({
      theta: 1,
    });
    await unmount();
  });
});
