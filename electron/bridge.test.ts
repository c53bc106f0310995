import { describe, expect, it, vi } from 'vitest';
import { bridgeEvents, ipcChannels, ipcContract, ipcEvents } from '../shared/ipc/contract.js';
import { createBridge, type Subscribe } from './bridge.js';

/** A stand-in for ipcRenderer.on: records listeners so a test can fire main's events. */
function fakeEvents() {
  const listeners = new Map<string, Set<() => void>>();
  const subscribe: Subscribe = vi.fn((event, listener) => {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  });
  const fire = (event: string) => listeners.get(event)?.forEach((listener) => listener());
  const count = (event: string) => listeners.get(event)?.size ?? 0;
  return { subscribe, fire, count };
}

describe('createBridge', () => {
  it('exposes exactly one function per contract entry and per event, under its bridge name', () => {
    const bridge = createBridge(vi.fn(), fakeEvents().subscribe);
    expect(Object.keys(bridge).sort()).toEqual(
      [
        ...ipcChannels.map((channel) => ipcContract[channel].bridgeName),
        ...ipcEvents.map((event) => bridgeEvents[event]),
        'onCommand',
        'pathForFile',
      ].sort(),
    );
    for (const member of Object.values(bridge)) expect(typeof member).toBe('function');
  });

  it('forwards each call to its own channel with exactly one argument', async () => {
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }));
    const bridge = createBridge(invoke, fakeEvents().subscribe);
    expect(await bridge.appInfo()).toEqual({ ok: true, value: 'app:info' });
    await bridge.loadSettings();
    await bridge.saveSettings({ language: 'es' });
    // Extra arguments from the page are dropped before they reach IPC.
    await (bridge.openExternal as (...args: unknown[]) => Promise<unknown>)('https://keras.io/', 'extra');
    await bridge.saveProject({ path: '/home/ana/rnn.layerlab', content: '{}' });
    await (bridge.writeAutosave as (...args: unknown[]) => Promise<unknown>)('{}', { path: '/etc/passwd' });
    expect(invoke.mock.calls).toEqual([
      ['app:info', undefined],
      ['settings:load', undefined],
      ['settings:save', { language: 'es' }],
      ['shell:open-external', 'https://keras.io/'],
      ['project:save', { path: '/home/ana/rnn.layerlab', content: '{}' }],
      ['autosave:write', '{}'],
    ]);
  });

  it('cannot be changed by the page', () => {
    const bridge = createBridge(vi.fn(), fakeEvents().subscribe);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(() => Object.assign(bridge, { invoke: () => undefined })).toThrow(TypeError);
  });

  it('runs every onBeforeQuit callback with no arguments, then tells main once', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: undefined }));
    const events = fakeEvents();
    const bridge = createBridge(invoke, events.subscribe);
    const order: string[] = [];
    const first = vi.fn(async (...args: unknown[]) => {
      expect(args).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('first autosaved');
    });
    const failing = vi.fn(() => {
      throw new Error('autosave failed');
    });
    bridge.onBeforeQuit(first);
    bridge.onBeforeQuit(failing);
    // One listener on the IPC event, however many callbacks.
    expect(events.count('app:before-quit')).toBe(1);
    invoke.mockImplementation(async () => {
      order.push('quit-ready');
      return { ok: true, value: undefined };
    });
    events.fire('app:before-quit');
    await vi.waitFor(() => expect(invoke).toHaveBeenCalledOnce());
    expect(invoke).toHaveBeenCalledWith('app:quit-ready', undefined);
    expect(order).toEqual(['first autosaved', 'quit-ready']);
    expect(failing).toHaveBeenCalledOnce();
  });

  it('stops listening when the last callback unsubscribes, and refuses a callback that is not a function', () => {
    const events = fakeEvents();
    const bridge = createBridge(vi.fn(), events.subscribe);
    const stopOne = bridge.onBeforeQuit(() => undefined);
    const stopTwo = bridge.onBeforeQuit(() => undefined);
    stopOne();
    expect(events.count('app:before-quit')).toBe(1);
    stopTwo();
    expect(events.count('app:before-quit')).toBe(0);
    expect(() => (bridge.onBeforeQuit as (callback: unknown) => unknown)('alert(1)')).toThrow(TypeError);
  });

  it("passes the native menu's commands on, and nothing that is not a command of the table", () => {
    let deliver: (payload: unknown) => void = () => undefined;
    const bridge = createBridge(vi.fn(), fakeEvents().subscribe, (listener) => {
      deliver = listener;
      return () => undefined;
    });
    const received: string[] = [];
    bridge.onCommand((command) => received.push(command));
    for (const payload of ['edit.undo', 'file.save', 'shell.openExternal', '__proto__', 42, null, { id: 'edit.undo' }])
      deliver(payload);
    expect(received).toEqual(['edit.undo', 'file.save']);
    expect(() => (bridge.onCommand as (callback: unknown) => void)('not a function')).toThrow(TypeError);
  });
});
