'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import { MESSAGES } from '@/lib/i18n/catalog';
import { DEFAULT_LOCALE, initialLocale, rememberLocale, type Locale } from '@/lib/i18n/locale';

const SetLocaleContext = createContext<(locale: Locale) => void>(() => {});

export function useSetLocale(): (locale: Locale) => void {
  return useContext(SetLocaleContext);
}

/** Renders English on the server (the prerendered page), then the browser's or the remembered
 *  language once mounted. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(DEFAULT_LOCALE);
  const [timeZone, setTimeZone] = useState('UTC');
  useEffect(() => {
    // Reading the browser's language and time zone is only possible after mount.
    setLocaleState(initialLocale());
    setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  }, []);
  const messages = useMemo(() => MESSAGES[locale], [locale]);
  return (
    <SetLocaleContext.Provider value={setLocale}>
      <IntlProvider locale={locale} messages={messages} timeZone={timeZone}>
        {children}
      </IntlProvider>
    </SetLocaleContext.Provider>
  );
}
