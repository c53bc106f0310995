/** Languages LayerLab speaks. Spanish first: the course it serves is Spanish. */
export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

/** A short text in every language LayerLab speaks. */
export type Localized = Readonly<Record<Language, string>>;

/** Picks the text for `language`, falling back to English. */
export function localize(text: Localized, language: Language): string {
  return text[language] || text.en;
}

/** Texts said one after the other, in each language: a reason and what it leads to. */
export function joinLocalized(...parts: readonly Localized[]): Localized {
  return {
    es: parts.map((part) => part.es).join(' '),
    en: parts.map((part) => part.en).join(' '),
  };
}

/** Maps a BCP 47 tag such as `es-MX` or `en_US.UTF-8` to a supported language. */
export function languageFromTag(tag: string | undefined | null): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_.]/)[0];
  return primary === 'es' ? 'es' : 'en';
}
