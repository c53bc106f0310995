/**
 * A lesson step's call to a view inside the network ("Show me" on a step whose highlight is
 * `inside`): the call, while it is the latest highlight, and a ref that scrolls the view into sight
 * each time it is made.
 */
import { useCallback } from 'react';
import { useAppStore } from '../store';
import type { Highlight } from '../store/lesson-slice';

export function useInsideCall(view: 'training' | 'playground' | 'by-hand'): {
  call: Extract<Highlight, { kind: 'inside' }> | null;
  scrollRef: (element: HTMLElement | null) => void;
} {
  const call = useAppStore((state) =>
    state.highlight?.kind === 'inside' && state.highlight.name === view ? state.highlight : null,
  );
  const at = call?.at ?? null;
  const scrollRef = useCallback(
    (element: HTMLElement | null) => {
      if (at !== null) element?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
    [at],
  );
  return { call, scrollRef };
}
