'use client';

import { useMemo, useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { cachedTopicSummary } from '@/lib/derive';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { useCanAct } from '@/components/ui/use-action';
import { CreateTopicForm } from './create-topic-form';
import { TopicTable } from './topic-table';

export function TopicsScreen() {
  const t = useTranslations('topics');
  const c = useTranslations('common');
  const topics = useLiveStore(selectTopics);
  const [filter, setFilter] = useState('');
  const [showInternal, setShowInternal] = useState(false);
  const [creating, setCreating] = useState(false);
  const canAct = useCanAct();
  const { user, internal } = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const rows = topics.filter((t) => !needle || t.name.toLowerCase().includes(needle)).map(cachedTopicSummary);
    return { user: rows.filter((r) => !r.internal), internal: rows.filter((r) => r.internal) };
  }, [topics, filter]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold text-zinc-100">{t('title')}</h1>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('filter')}
          aria-label={t('filterLabel')}
          className="w-full rounded sm:w-64 border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100 placeholder:text-zinc-400 focus:border-violet-500 focus:outline-none"
        />
        <span className="text-xs text-zinc-400" data-testid="topic-count">
          {c('count.topics', { count: user.length })}
        </span>
        {canAct && !creating && (
          <Button tone="primary" className="ml-auto" onClick={() => setCreating(true)} data-testid="new-topic">
            {t('newTopic')}
          </Button>
        )}
      </div>
      {canAct && creating && (
        <Card title={t('newTopic')}>
          <CreateTopicForm onClose={() => setCreating(false)} />
        </Card>
      )}
      <Card>
        {user.length ? (
          <TopicTable rows={user} testId="topic-table" />
        ) : (
          <p className="text-zinc-400">{filter ? t('noMatch') : t('empty')}</p>
        )}
      </Card>
      <Card
        title={t('internalTitle', { count: internal.length })}
        actions={
          <button
            type="button"
            className="text-xs text-violet-300 hover:underline"
            onClick={() => setShowInternal((v) => !v)}
          >
            {showInternal ? c('hide') : c('show')}
          </button>
        }
      >
        {showInternal ? (
          <TopicTable rows={internal} testId="internal-topic-table" />
        ) : (
          <p className="text-xs text-zinc-400">{t('internalNote')}</p>
        )}
      </Card>
    </div>
  );
}
