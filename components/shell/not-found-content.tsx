'use client';

import { useTranslations } from 'use-intl';
import { CurrentPath } from './current-path';
import { ProblemCard } from './problem-card';

/** The not-found page's text, in a client component because the language is chosen in the browser. */
export function NotFoundContent() {
  const t = useTranslations('shell.notFound');
  const nav = useTranslations('shell.nav');
  return (
    <ProblemCard
      title={t('title')}
      testId="not-found"
      links={[
        { href: '/', label: nav('overview') },
        { href: '/topics', label: nav('topics') },
        { href: '/groups', label: nav('groups') },
      ]}
    >
      <p>{t.rich('body', { path: () => <CurrentPath /> })}</p>
    </ProblemCard>
  );
}

export function LoadingText() {
  const t = useTranslations('shell');
  return <p className="text-zinc-400">{t('loading')}</p>;
}
