import { describe, expect, it, vi } from 'vitest';
import { guardWebContents, type GuardedWebContents, type NavigationDetails } from './navigation.js';

type NavigationEventName = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';

/** A stand-in for Electron's WebContents that records the listeners it is given. */
function fakeContents() {
  // Every listener takes an event with `preventDefault`; navigation ones also read `url`.
  const listeners = new Map<string, (details: NavigationDetails) => void>();
  let windowOpen: ((details: { url: string }) => { action: 'deny' }) | undefined;
  // Cast: one implementation cannot spell out each overload of `on`.
  const contents = {
    on(event: string, listener: (details: NavigationDetails) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpen = handler;
    },
  } as GuardedWebContents;
  const openExternal = vi.fn(async (_url: string) => undefined);
  guardWebContents(contents, openExternal);

  return {
    openExternal,
    /** Fires a navigation event and answers whether it was prevented. */
    navigate(event: NavigationEventName, url: string): boolean {
      const details = { url, preventDefault: vi.fn() };
      const listener = listeners.get(event);
      if (!listener) throw new Error(`no listener for ${event}`);
      listener(details);
      return details.preventDefault.mock.calls.length > 0;
    },
    attachWebview(): boolean {
      const event = { url: '', preventDefault: vi.fn() };
      const listener = listeners.get('will-attach-webview');
      if (!listener) throw new Error('no listener for will-attach-webview');
      listener(event);
      return event.preventDefault.mock.calls.length > 0;
    },
    open(url: string) {
      if (!windowOpen) throw new Error('no window open handler');
      return windowOpen({ url });
    },
  };
}

const navigationEvents: NavigationEventName[] = ['will-navigate', 'will-frame-navigate', 'will-redirect'];

describe('guardWebContents', () => {
  it.each(navigationEvents)('lets %s stay on the app pages', (event) => {
    const contents = fakeContents();
    expect(contents.navigate(event, 'app://layerlab/index.html')).toBe(false);
    expect(contents.navigate(event, 'app://layerlab/index.html?lesson=2')).toBe(false);
  });

  it.each(navigationEvents)('stops %s to anywhere else', (event) => {
    const contents = fakeContents();
    for (const url of [
      'https://www.tensorflow.org/js',
      'https://evil.example/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://layerlab.evil/',
      'app://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      '',
    ]) {
      expect(contents.navigate(event, url), url).toBe(true);
    }
    expect(contents.openExternal).not.toHaveBeenCalled();
  });

  it('refuses every <webview>', () => {
    expect(fakeContents().attachWebview()).toBe(true);
  });

  it('denies window.open and hands an allow-listed https link to the system browser', () => {
    const contents = fakeContents();
    expect(contents.open('https://www.tensorflow.org/js/guide')).toEqual({ action: 'deny' });
    expect(contents.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.tensorflow.org/js/guide');
  });

  it.each([
    'app://layerlab/index.html',
    'http://www.tensorflow.org/',
    'https://evil.example/',
    'https://www.tensorflow.org.evil.example/',
    'https://user@github.com/',
    'https://github.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'about:blank',
  ])('denies window.open of %s and opens nothing', (url) => {
    const contents = fakeContents();
    expect(contents.open(url)).toEqual({ action: 'deny' });
    expect(contents.openExternal).not.toHaveBeenCalled();
  });

  it('survives a browser that fails to open', async () => {
    const contents = fakeContents();
    contents.openExternal.mockRejectedValueOnce(new Error('no browser'));
    expect(contents.open('https://keras.io/')).toEqual({ action: 'deny' });
    await Promise.resolve();
  });
});
