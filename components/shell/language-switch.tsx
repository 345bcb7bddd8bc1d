'use client';

import { useLocale, useTranslations } from 'use-intl';
import { LOCALES, type Locale } from '@/lib/i18n/locale';
import { useSetLocale } from './i18n-provider';

// Each language is named in itself, so a person who cannot read the current one still finds theirs.
const NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

export function LanguageSwitch() {
  const t = useTranslations('shell');
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <div role="group" aria-label={t('language')} className="flex rounded border border-zinc-700 text-xs">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          data-testid={`language-${l}`}
          onClick={() => setLocale(l)}
          className={`px-2 py-1 ${l === locale ? 'bg-zinc-800 text-zinc-100' : 'text-zinc-300 hover:bg-zinc-900'}`}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
