/**
 * Keeps every web contents on the app's own pages (RELIABILITY.md item 5): navigation elsewhere
 * is stopped, new windows are never opened, allow-listed links go to the system browser, and
 * `<webview>` is refused. Imports no Electron at run time, so it is tested with a fake.
 */
import { isAllowedExternalUrl } from '../shared/host/external-links.js';
import { isAppUrl } from './protocol.js';

/** An event whose default action can be cancelled. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The details Electron passes with `will-navigate`, `will-frame-navigate` and `will-redirect`. */
export interface NavigationDetails extends PreventableEvent {
  readonly url: string;
}

/** The part of Electron's `WebContents` this module touches. */
export interface GuardedWebContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (details: NavigationDetails) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}

/** Opens a URL in the system browser (Electron's `shell.openExternal`). */
export type OpenExternal = (url: string) => Promise<unknown>;

/**
 * Installs the navigation rules on `contents`. Call it from `app.on('web-contents-created')` so
 * that no web contents, of any window or frame, escapes them.
 */
export function guardWebContents(contents: GuardedWebContents, openExternal: OpenExternal): void {
  const stayInApp = (details: NavigationDetails): void => {
    if (!isAppUrl(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  // Also fires for sub-frames, which `will-navigate` does not cover.
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());

  contents.setWindowOpenHandler(({ url }) => {
    // A link to the documentation opens in the browser; the app itself never gets a new window.
    if (isAllowedExternalUrl(url)) {
      openExternal(url).catch(() => undefined);
    }
    return { action: 'deny' };
  });
}
