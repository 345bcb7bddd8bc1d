'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { useFormat } from '@/components/ui/format';
import { BROWSE_LIMIT_DEFAULT, BROWSE_SCANNED_DEFAULT } from '@/lib/contract/browse';
import { useLiveStore } from '@/lib/store';
import { useScan } from '@/lib/store/use-scan';
import { Card } from '@/components/ui/card';
import { TopicMissing } from '@/components/topics/topic-missing';
import { QueryForm } from './query-form';
import { ResultsExport } from './results-export';
import { ResultsList } from './results-list';
import { MessageDetail } from './message-detail';
import { messageId } from './message-summary';
import { ScanProgress } from './scan-progress';
import { useBrowseQuery } from './use-browse-query';

/** The message browser of one topic: a query, its progress as it runs, and what it found. */
export function BrowseScreen({ name, search }: { name: string; search: string }) {
  const t = useTranslations('browse');
  const fmt = useFormat();
  const partitions = useLiveStore((s) => s.cluster?.topics.find((t) => t.name === name)?.partitions.length ?? null);
  const loaded = useLiveStore((s) => s.cluster !== null);
  const live = useLiveStore((s) => s.socket === 'live');
  const scan = useScan(name);
  const q = useBrowseQuery(search, scan.start, live);
  const { state } = scan;
  // Chosen within one scan: a new search starts with nothing chosen.
  const [chosen, setChosen] = useState<{ scanId: string | null; id: string } | null>(null);
  const selectedId = chosen && chosen.scanId === state.scanId ? chosen.id : null;
  const selected = selectedId === null ? -1 : state.matches.findIndex((m) => messageId(m) === selectedId);

  if (loaded && partitions === null) return <TopicMissing name={name} />;

  const running = state.status === 'running';
  const error = q.formError ?? (q.stale ? null : state.error);
  const limits = {
    limit: q.ran?.limit ?? BROWSE_LIMIT_DEFAULT,
    maxScanned: q.ran?.maxScanned ?? BROWSE_SCANNED_DEFAULT,
  };
  const message = selected >= 0 ? state.matches[selected] : null;
  // Refused before anything was read: the reason is next to the form, nothing to show here.
  const refused = state.outcome?.stoppedBy === 'error' && state.outcome.scanned === 0;
  const shown = state.status !== 'idle' && !refused;
  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Link href="/topics" className="text-zinc-400 hover:text-zinc-300">
          {t('breadcrumb')}
        </Link>
        <Link
          href={`/topics/${encodeURIComponent(name)}`}
          className="break-all font-mono text-zinc-400 hover:text-zinc-200"
        >
          {name}
        </Link>
        <span className="text-zinc-400">/</span>
        <h1 className="text-lg font-semibold text-zinc-100">{t('title')}</h1>
      </div>
      {q.linkError && (
        <p
          role="alert"
          className="rounded border border-amber-800 bg-amber-950/50 px-3 py-2 text-sm text-amber-200"
          data-testid="browse-link-error"
        >
          {t('linkError', { error: q.linkError })}
        </p>
      )}
      <Card title={t('search')}>
        <QueryForm
          draft={q.draft}
          set={q.set}
          partitions={partitions ?? 0}
          running={running}
          error={error}
          onSubmit={q.run}
        />
      </Card>
      {shown && (
        <Card title={t('progress')}>
          <ScanProgress
            progress={state.progress}
            outcome={state.outcome}
            running={running}
            direction={q.ran?.direction ?? 'forward'}
            limits={limits}
            onCancel={scan.cancel}
          />
        </Card>
      )}
      {shown && (
        <div className="grid min-w-0 gap-4 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
          <Card
            title={t('matches', { count: fmt.count(state.matches.length) })}
            actions={<ResultsExport topic={name} messages={state.matches} />}
            className="min-w-0"
          >
            {state.matches.length === 0 ? (
              <p className="text-sm text-zinc-400">{running ? t('noMatchYet') : t('noMatch')}</p>
            ) : (
              <ResultsList
                messages={state.matches}
                selected={selected}
                onSelect={(i) => setChosen({ scanId: state.scanId, id: messageId(state.matches[i]) })}
              />
            )}
          </Card>
          <Card title={t('message')} className="min-w-0">
            {message ? (
              <MessageDetail key={messageId(message)} topic={name} message={message} />
            ) : (
              <p className="text-sm text-zinc-400">{t('choose')}</p>
            )}
          </Card>
        </div>
      )}
    </div>
  );
}
