import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitGuard, quitWaitMs } from './quit';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createQuitGuard', () => {
  it('asks the page, and lets the quit go on when the page answers', async () => {
    const askPage = vi.fn();
    const guard = createQuitGuard(askPage);
    const done = vi.fn();
    void guard.flush().then(done);
    expect(askPage).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(10);
    expect(done).not.toHaveBeenCalled();
    guard.ready();
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toHaveBeenCalledOnce();
  });

  it('waits a few seconds at most for a page that never answers', async () => {
    const guard = createQuitGuard(() => undefined);
    const done = vi.fn();
    void guard.flush().then(done);
    await vi.advanceTimersByTimeAsync(quitWaitMs - 1);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalledOnce();
  });

  it('does not wait when there is no page to ask', async () => {
    const guard = createQuitGuard(() => {
      throw new Error('no page');
    });
    await expect(guard.flush()).resolves.toBeUndefined();
  });

  it('ignores an answer nobody waits for', () => {
    expect(() => createQuitGuard(() => undefined).ready()).not.toThrow();
  });
});
