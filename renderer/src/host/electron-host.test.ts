import { describe, expect, it, vi } from 'vitest';
import type { LayerLabBridge } from '../../../shared/ipc/contract';
import { ElectronHost } from './electron-host';

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });

function fakeBridge() {
  return {
    saveProject: vi.fn(() => ok({ name: 'rnn.layerlab', path: '/p/rnn.layerlab' })),
    saveProjectAs: vi.fn(() => ok(null)),
    openRecent: vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { name: 'NotFound', message: 'rnn.layerlab is no longer there.' } }),
    ),
    onBeforeQuit: vi.fn(() => () => undefined),
  };
}

describe('ElectronHost', () => {
  it('saves over a known path, or asks where when there is none', async () => {
    const bridge = fakeBridge();
    const host = new ElectronHost(bridge as unknown as LayerLabBridge);
    expect(await host.saveProject('{}', { path: '/p/rnn.layerlab', suggestedName: 'rnn' })).toEqual({
      name: 'rnn.layerlab',
      path: '/p/rnn.layerlab',
    });
    expect(bridge.saveProject).toHaveBeenCalledWith({ path: '/p/rnn.layerlab', content: '{}' });
    expect(await host.saveProject('{}', { path: null, suggestedName: 'rnn' })).toBeNull();
    expect(bridge.saveProjectAs).toHaveBeenCalledWith({ suggestedName: 'rnn', content: '{}' });
  });

  it('rethrows main’s errors with their name and message', async () => {
    const host = new ElectronHost(fakeBridge() as unknown as LayerLabBridge);
    await expect(host.openRecent('/p/rnn.layerlab')).rejects.toMatchObject({
      name: 'NotFound',
      message: 'rnn.layerlab is no longer there.',
    });
  });

  it('subscribes to quitting through the bridge', () => {
    const bridge = fakeBridge();
    const callback = vi.fn();
    new ElectronHost(bridge as unknown as LayerLabBridge).onBeforeQuit(callback);
    expect(bridge.onBeforeQuit).toHaveBeenCalledWith(callback);
  });
});
