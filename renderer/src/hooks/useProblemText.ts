import { useCallback } from 'react';
import { describeFix } from '../../../shared/graph/fix-text';
import { describeProblem, type Fix, type Problem } from '../../../shared/vocabulary/problems';
import { useAppStore } from '../store';
import { selectLayerNames } from '../store/selectors';

/** The message and the fix label of a problem, in the current language. */
export function useProblemText(): { message: (problem: Problem) => string; fixLabel: (fix: Fix) => string } {
  const language = useAppStore((state) => state.language);
  const names = useAppStore(selectLayerNames);
  const message = useCallback((problem: Problem) => describeProblem(problem, language), [language]);
  const fixLabel = useCallback((fix: Fix) => describeFix(fix, language, names), [language, names]);
  return { message, fixLabel };
}

/** A measured figure (a loss, a metric) to four significant digits: `0.07101`, in Spanish `0,07101`. */
export function useFigureFormat(): (value: number) => string {
  const language = useAppStore((state) => state.language);
  return useCallback(
    (value: number) =>
      Number.isFinite(value)
        ? value.toLocaleString(language === 'es' ? 'es-ES' : 'en-US', {
            minimumSignificantDigits: 4,
            maximumSignificantDigits: 4,
          })
        : String(value),
    [language],
  );
}

/** `0.968` as `96.8%` in English and `96,8 %` in Spanish. */
export function usePercentFormat(): (fraction: number) => string {
  const language = useAppStore((state) => state.language);
  return useCallback(
    (fraction: number) =>
      fraction.toLocaleString(language === 'es' ? 'es-ES' : 'en-US', {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }),
    [language],
  );
}

/** Numbers as the language writes them: 3,358 or 3.358. */
export function useNumberFormat(): (value: number) => string {
  const language = useAppStore((state) => state.language);
  return useCallback((value: number) => value.toLocaleString(language === 'es' ? 'es-ES' : 'en-US'), [language]);
}
