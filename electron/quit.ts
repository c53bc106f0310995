/**
 * Autosave on quit (RELIABILITY.md item 10): before the app quits or its window closes, main asks
 * the page to autosave (`app:before-quit`) and waits until the page answers on `app:quit-ready`,
 * or a few seconds at most, so a page that hangs never keeps the app from quitting.
 */

/** How long main waits for the page to autosave before quitting anyway. */
export const quitWaitMs = 3000;

export interface QuitGuard {
  /** Asks the page to autosave; resolves when it answers or the wait is over. Never rejects. */
  flush(): Promise<void>;
  /** The page's answer (the `app:quit-ready` handler). */
  ready(): void;
}

export function createQuitGuard(
  askPage: () => void,
  { waitMs = quitWaitMs, setTimer = setTimeout, clearTimer = clearTimeout } = {},
): QuitGuard {
  const waiting = new Set<() => void>();
  return {
    flush() {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimer(timer);
          waiting.delete(done);
          resolve();
        };
        const timer = setTimer(done, waitMs);
        waiting.add(done);
        try {
          askPage();
        } catch {
          // The page is gone: nothing to wait for.
          done();
        }
      });
    },
    ready() {
      for (const done of [...waiting]) done();
    },
  };
}
