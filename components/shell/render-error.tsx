'use client';

import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { ProblemCard } from './problem-card';

/** The error boundary's content: the page failed to render, but the header and the live
 *  connection stay, and the person can retry or leave. In production Next.js replaces a server
 *  render's message by a generic one and a digest, which the server log carries. */
export function RenderError({ error, reset }: { error: Error & { digest?: string }; reset(): void }) {
  const t = useTranslations('shell.renderError');
  const nav = useTranslations('shell.nav');
  return (
    <ProblemCard
      title={t('title')}
      testId="render-error"
      links={[{ href: '/', label: nav('overview') }]}
      actions={
        <Button tone="primary" onClick={reset}>
          {t('tryAgain')}
        </Button>
      }
    >
      <p
        className="break-words rounded border border-rose-800 bg-rose-950/60 px-2 py-1 font-mono text-xs text-rose-200"
        data-testid="render-error-message"
      >
        {error.message || t('unknown')}
      </p>
      {error.digest && (
        <p className="text-xs text-zinc-400">
          {t.rich('digest', {
            digest: () => <span className="font-mono">{error.digest}</span>,
          })}
        </p>
      )}
    </ProblemCard>
  );
}
