/** The interface's languages: i18next with the strings of `en.json` and `es.json`. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/vocabulary/localized';
import en from './en.json';
import es from './es.json';

export const resources = { en: { translation: en }, es: { translation: es } } as const;

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
