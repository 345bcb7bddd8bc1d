'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { LIGHT_QUERY, applyThemeChoice, storedThemeChoice, type ThemeChoice } from '@/lib/theme/theme';

// Drawn as symbols to stay small in a full header; the words are the buttons' names.
const CHOICES = [
  ['system', '◐'],
  ['light', '☀'],
  ['dark', '☾'],
] as const satisfies readonly (readonly [ThemeChoice, string])[];

// The three-way theme choice, shaped like the language switch. The theme itself is already on
// <html> before React runs (app/layout.tsx); this only changes it and keeps following the system.
export function ThemeSwitch() {
  const t = useTranslations('shell.theme');
  // 'system' on the server and the first client render; the stored choice comes in an effect, so
  // hydration matches (the page's colours are already right, only the pressed button catches up).
  const [choice, setChoice] = useState<ThemeChoice>('system');
  useEffect(() => setChoice(storedThemeChoice()), []);
  useEffect(() => {
    if (choice !== 'system') return;
    const media = window.matchMedia(LIGHT_QUERY);
    const follow = () => applyThemeChoice('system');
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [choice]);
  const choose = (c: ThemeChoice) => {
    applyThemeChoice(c);
    setChoice(c);
  };
  return (
    <div role="group" aria-label={t('label')} className="flex rounded border border-zinc-700 text-xs">
      {CHOICES.map(([c, icon]) => (
        <button
          key={c}
          type="button"
          aria-pressed={c === choice}
          data-testid={`theme-${c}`}
          aria-label={t(c)}
          title={t(c)}
          onClick={() => choose(c)}
          className={`px-2 py-1 ${c === choice ? 'bg-zinc-800 text-zinc-100' : 'text-zinc-300 hover:bg-zinc-900'}`}
        >
          <span aria-hidden>{icon}</span>
        </button>
      ))}
    </div>
  );
}
