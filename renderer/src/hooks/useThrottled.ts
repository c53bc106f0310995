import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once every `intervalMs`: for views (charts) that cost more to draw
 * than the data arriving for them is worth. The last value always arrives. The change is a
 * transition, so React draws it in small slices and the page stays responsive meanwhile.
 */
export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  useEffect(() => {
    const wait = lastShown.current + intervalMs - performance.now();
    const timer = setTimeout(
      () => {
        lastShown.current = performance.now();
        startTransition(() => setShown(value));
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}
