import { useCallback } from 'react';
import { describeFix } from '../../../shared/graph/fix-text';
import { describeProblem, type Fix, type Problem } from '../../../shared/graph/problems';
import { useAppStore } from '../store';

/** The message and the fix label of a problem, in the current language. */
export function useProblemText(): { message: (problem: Problem) => string; fixLabel: (fix: Fix) => string } {
  const language = useAppStore((state) => state.language);
  const nodes = useAppStore((state) => state.nodes);
  const message = useCallback((problem: Problem) => describeProblem(problem, language), [language]);
  const fixLabel = useCallback(
    (fix: Fix) => describeFix(fix, language, new Map(nodes.map((node) => [node.id, node.data.name]))),
    [language, nodes],
  );
  return { message, fixLabel };
}

/** Numbers as the language writes them: 3,358 or 3.358. */
export function useNumberFormat(): (value: number) => string {
  const language = useAppStore((state) => state.language);
  return useCallback((value: number) => value.toLocaleString(language === 'es' ? 'es-ES' : 'en-US'), [language]);
}
