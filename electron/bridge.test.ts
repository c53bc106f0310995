import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, ipcContract } from '../shared/ipc/contract.js';
import { createBridge } from './bridge.js';

describe('createBridge', () => {
  it('exposes exactly one function per contract entry, under its bridge name', () => {
    const bridge = createBridge(vi.fn());
    expect(Object.keys(bridge).sort()).toEqual(ipcChannels.map((channel) => ipcContract[channel].bridgeName).sort());
    for (const member of Object.values(bridge)) expect(typeof member).toBe('function');
  });

  it('forwards each call to its own channel with exactly one argument', async () => {
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }));
    const bridge = createBridge(invoke);
    expect(await bridge.appInfo()).toEqual({ ok: true, value: 'app:info' });
    await bridge.loadSettings();
    await bridge.saveSettings({ language: 'es' });
    // Extra arguments from the page are dropped before they reach IPC.
    await (bridge.openExternal as (...args: unknown[]) => Promise<unknown>)('https://keras.io/', 'extra');
    expect(invoke.mock.calls).toEqual([
      ['app:info', undefined],
      ['settings:load', undefined],
      ['settings:save', { language: 'es' }],
      ['shell:open-external', 'https://keras.io/'],
    ]);
  });

  it('cannot be changed by the page', () => {
    const bridge = createBridge(vi.fn());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => Object.assign(bridge, { invoke: () => undefined })).toThrow(TypeError);
  });
});
