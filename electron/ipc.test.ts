import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, type IpcChannel, type IpcResponse, type IpcResult } from '../shared/ipc/contract.js';
import { maxProjectBytes } from '../shared/vocabulary/project-format.js';
import { registerIpcHandlers, type IpcHandlers, type IpcMainLike, type IpcSenderEvent } from './ipc.js';

type Listener = Parameters<IpcMainLike['handle']>[1];

const appPage: IpcSenderEvent = { senderFrame: { url: 'app://layerlab/index.html' } };

function setup() {
  const listeners = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
  };
  const handlers = {
    'app:info': vi.fn(async () => ({ name: 'LayerLab', version: '0.1.0', platform: 'linux', locale: 'es-ES' })),
    'settings:load': vi.fn(async () => ({ language: null })),
    'settings:save': vi.fn(async () => undefined),
    'shell:open-external': vi.fn(async (url: string) => url.startsWith('https://')),
    'project:open': vi.fn(async () => null as IpcResponse<'project:open'>),
    'project:open-recent': vi.fn(async (path: string) => ({ name: 'rnn.layerlab', path, content: '{}' })),
    'project:save': vi.fn(async ({ path }: { path: string }) => ({ name: 'rnn.layerlab', path })),
    'project:save-as': vi.fn(async () => null as IpcResponse<'project:save-as'>),
    'project:recent': vi.fn(async () => [] as IpcResponse<'project:recent'>),
    'autosave:write': vi.fn(async () => undefined),
    'autosave:read': vi.fn(async () => null as IpcResponse<'autosave:read'>),
    'autosave:clear': vi.fn(async () => undefined),
    'app:quit-ready': vi.fn(async () => undefined),
  } satisfies IpcHandlers;
  const reportError = vi.fn();
  registerIpcHandlers(ipcMain, handlers, { reportError });

  /** Invokes `channel` as the renderer would, with `event` standing for the sender. */
  async function invoke(channel: IpcChannel, event: IpcSenderEvent, ...args: unknown[]): Promise<IpcResult<unknown>> {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return (await listener(event, ...args)) as IpcResult<unknown>;
  }
  const handlerCalls = () => Object.values(handlers).reduce((total, handler) => total + handler.mock.calls.length, 0);
  return { listeners, handlers, reportError, invoke, handlerCalls };
}

const validRequests: Record<IpcChannel, unknown[]> = {
  'app:info': [],
  'settings:load': [undefined],
  'settings:save': [{ language: 'es' }],
  'shell:open-external': ['https://www.tensorflow.org/js'],
  'project:open': [],
  'project:open-recent': ['/home/ana/rnn.layerlab'],
  'project:save': [{ path: '/home/ana/rnn.layerlab', content: '{"formatVersion": 2}' }],
  'project:save-as': [{ suggestedName: 'rnn.layerlab', content: '{"formatVersion": 2}' }],
  'project:recent': [],
  'autosave:write': ['{"formatVersion": 2}'],
  'autosave:read': [],
  'autosave:clear': [],
  'app:quit-ready': [],
};

/** A project text one character over the cap: refused before any handler reads it. */
const oversized = 'x'.repeat(maxProjectBytes + 1);

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...setup().listeners.keys()].sort()).toEqual([...ipcChannels].sort());
  });

  it('answers valid requests from the app with the handler value', async () => {
    const { invoke, handlers } = setup();
    expect(await invoke('app:info', appPage)).toEqual({
      ok: true,
      value: { name: 'LayerLab', version: '0.1.0', platform: 'linux', locale: 'es-ES' },
    });
    expect(await invoke('settings:load', appPage, undefined)).toEqual({ ok: true, value: { language: null } });
    expect(await invoke('settings:save', appPage, { language: 'en' })).toEqual({ ok: true, value: undefined });
    expect(handlers['settings:save']).toHaveBeenCalledExactlyOnceWith({ language: 'en' });
    expect(await invoke('shell:open-external', appPage, 'https://keras.io/')).toEqual({ ok: true, value: true });
  });

  const forgedEvents: [string, IpcSenderEvent][] = [
    ['another origin', { senderFrame: { url: 'https://evil.example/' } }],
    ['a file:// page', { senderFrame: { url: 'file:///home/user/Downloads/evil.html' } }],
    ['a look-alike host', { senderFrame: { url: 'app://layerlab.evil/index.html' } }],
    ['another app host', { senderFrame: { url: 'app://evil/index.html' } }],
    ['a data: URL', { senderFrame: { url: 'data:text/html,<script>1</script>' } }],
    ['about:blank', { senderFrame: { url: 'about:blank' } }],
    ['an empty URL', { senderFrame: { url: '' } }],
    ['a destroyed frame', { senderFrame: null }],
    ['no frame at all', {}],
  ];

  describe.each(forgedEvents)('refuses a sender from %s', (_label, event) => {
    it.each(ipcChannels)('on %s, without running the handler', async (channel) => {
      const { invoke, handlerCalls, reportError } = setup();
      const result = await invoke(channel, event, ...validRequests[channel]);
      expect(result).toEqual({ ok: false, error: { name: 'ForbiddenSender', message: expect.any(String) } });
      expect(handlerCalls()).toBe(0);
      expect(reportError).toHaveBeenCalledOnce();
    });
  });

  it('refuses a sender whose frame getter throws', async () => {
    const { invoke, handlerCalls } = setup();
    const event = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await invoke('app:info', event)).toMatchObject({ ok: false, error: { name: 'ForbiddenSender' } });
    expect(handlerCalls()).toBe(0);
  });

  const badPayloads: [IpcChannel, unknown[]][] = [
    ['app:info', ['x']],
    ['app:info', [{}]],
    ['app:info', [null]],
    ['settings:load', [1]],
    ['settings:load', [{ language: 'es' }]],
    ['settings:save', []],
    ['settings:save', [undefined]],
    ['settings:save', [null]],
    ['settings:save', [{}]],
    ['settings:save', [{ language: 'fr' }]],
    ['settings:save', [{ language: 'es', extra: true }]],
    ['settings:save', [JSON.parse('{"language":"es","__proto__":{"polluted":true}}')]],
    ['settings:save', ['{"language":"es"}']],
    ['shell:open-external', []],
    ['shell:open-external', [42]],
    ['shell:open-external', [{ url: 'https://keras.io/' }]],
    ['shell:open-external', [`https://keras.io/${'a'.repeat(2048)}`]],
    ['shell:open-external', ['https://keras.io/', 'extra']],
    ['project:open', ['/etc/passwd']],
    ['project:open-recent', []],
    ['project:open-recent', ['']],
    ['project:open-recent', [42]],
    ['project:open-recent', ['/home/ana/rnn.layerlab\0.png']],
    ['project:open-recent', [`/${'a'.repeat(5000)}`]],
    ['project:save', [{ content: '{}' }]],
    ['project:save', [{ path: null, content: '{}' }]],
    ['project:save', [{ path: '/home/ana/rnn.layerlab' }]],
    ['project:save', [{ path: '/home/ana/rnn.layerlab', content: 7 }]],
    ['project:save', [{ path: '/home/ana/rnn.layerlab', content: '{}', mode: 0o777 }]],
    ['project:save', [{ path: '/home/ana/rnn.layerlab', content: oversized }]],
    ['project:save', [JSON.parse('{"path":"/tmp/a.layerlab","content":"{}","__proto__":{"polluted":true}}')]],
    ['project:save', ['/home/ana/rnn.layerlab', '{}']],
    ['project:save-as', [{ suggestedName: '', content: '{}' }]],
    ['project:save-as', [{ suggestedName: 'x'.repeat(256), content: '{}' }]],
    ['project:save-as', [{ suggestedName: 'rnn', content: oversized }]],
    ['project:save-as', [{ suggestedName: 'rnn', content: '{}', path: '/etc/passwd' }]],
    ['project:recent', [{ limit: 100 }]],
    ['autosave:write', []],
    ['autosave:write', [{ content: '{}' }]],
    ['autosave:write', [oversized]],
    ['autosave:read', ['/etc/passwd']],
    ['autosave:clear', [true]],
    ['app:quit-ready', ['now']],
  ];

  /** A payload as the test's name shows it: cut short, so a 192 MB one does not become a 192 MB name. */
  const shown = (args: unknown[]) => {
    const text = JSON.stringify(args) ?? String(args);
    return text.length > 80 ? `${text.slice(0, 60)}… (${text.length.toLocaleString('en-US')} characters)` : text;
  };
  it.each(badPayloads.map(([channel, args]) => [channel, shown(args), args] as const))(
    'refuses %s with payload %s as InvalidRequest',
    async (channel, _shown, args) => {
      const { invoke, handlerCalls } = setup();
      const result = await invoke(channel, appPage, ...args);
      expect(result).toEqual({
        ok: false,
        error: { name: 'InvalidRequest', message: expect.stringContaining(channel) },
      });
      expect(handlerCalls()).toBe(0);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it('turns a thrown error into { name, message } with no stack', async () => {
    const { invoke, handlers, reportError } = setup();
    const thrown = new TypeError('disk full');
    handlers['settings:save'].mockRejectedValueOnce(thrown);
    const result = await invoke('settings:save', appPage, { language: 'es' });
    expect(result).toEqual({ ok: false, error: { name: 'TypeError', message: 'disk full' } });
    if (!result.ok) expect(Object.keys(result.error)).toEqual(['name', 'message']);
    expect(reportError).toHaveBeenCalledExactlyOnceWith('settings:save', thrown);
  });

  it('describes thrown values that are not errors', async () => {
    const { invoke, handlers } = setup();
    handlers['app:info'].mockRejectedValueOnce('plain text');
    expect(await invoke('app:info', appPage)).toEqual({ ok: false, error: { name: 'Error', message: 'plain text' } });
    handlers['app:info'].mockRejectedValueOnce({
      toString() {
        throw new Error('nope');
      },
    });
    expect(await invoke('app:info', appPage)).toMatchObject({ ok: false, error: { name: 'Error' } });
  });

  it('cuts very long error messages', async () => {
    const { invoke, handlers } = setup();
    handlers['app:info'].mockRejectedValueOnce(new Error('x'.repeat(10_000)));
    const result = await invoke('app:info', appPage);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThanOrEqual(1001);
  });

  it('answers valid project and autosave requests from the app', async () => {
    const { invoke, handlers } = setup();
    for (const channel of ipcChannels) {
      const result = await invoke(channel, appPage, ...validRequests[channel]);
      expect(result.ok, channel).toBe(true);
    }
    expect(handlers['project:save']).toHaveBeenCalledExactlyOnceWith({
      path: '/home/ana/rnn.layerlab',
      content: '{"formatVersion": 2}',
    });
    expect(handlers['autosave:write']).toHaveBeenCalledExactlyOnceWith('{"formatVersion": 2}');
  });

  it('refuses an answer that breaks the contract as InvalidResponse', async () => {
    const { invoke, handlers } = setup();
    // A handler bug the type system would catch; forced here to prove the run-time check.
    handlers['settings:load'].mockResolvedValueOnce({ language: 'klingon' } as never);
    expect(await invoke('settings:load', appPage)).toMatchObject({ ok: false, error: { name: 'InvalidResponse' } });
  });
});
