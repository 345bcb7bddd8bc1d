// The two languages the dashboard speaks, and how the choice is made and remembered. Pages are
// prerendered once, in English; the browser then switches to the person's language, so no locale
// sits in the URL and every page stays static.

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const STORAGE_KEY = 'kafka-live-locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Korean for a browser that asks for Korean first among the two, English otherwise. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'ko') return 'ko';
    if (base === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}

export function storedLocale(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be disabled (private modes, policies): fall back to the browser's language.
    return null;
  }
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across reloads then; the switch still works for this page.
  }
}

export function initialLocale(): Locale {
  return (
    storedLocale() ?? localeFromLanguages(navigator.languages?.length ? navigator.languages : [navigator.language])
  );
}
