import { useCallback } from 'react';
import { localize, type Localized } from '../../../shared/vocabulary/localized';
import { useAppStore } from '../store';

/** Picks the current language's text from a registry description. */
export function useLocalize(): (text: Localized) => string {
  const language = useAppStore((state) => state.language);
  return useCallback((text: Localized) => localize(text, language), [language]);
}
