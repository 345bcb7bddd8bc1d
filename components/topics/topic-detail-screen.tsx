'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { selectBrokers } from '@/lib/store/selectors';
import { topicSummary } from '@/lib/derive';
import { browseHref } from '@/lib/browse-url';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Stat } from '@/components/ui/stat';
import { useFormat } from '@/components/ui/format';
import { LeadershipLegend, LeadershipMap } from './leadership-map';
import { PartitionTable } from './partition-table';
import { TopicMissing } from './topic-missing';
import { TopicConsumers } from './topic-consumers';
import { TopicAdmin } from './topic-admin';
import { CompactionCard } from './compaction-card';

export function TopicDetailScreen({ name }: { name: string }) {
  const t = useTranslations('topics');
  const c = useTranslations('common');
  const fmt = useFormat();
  const topic = useLiveStore((s) => s.cluster?.topics.find((x) => x.name === name) ?? null);
  const brokers = useLiveStore(selectBrokers);
  const loaded = useLiveStore((s) => s.cluster !== null);
  const summary = useMemo(() => (topic ? topicSummary(topic) : null), [topic]);
  const lows = useMemo(() => new Map((topic?.partitions ?? []).map((p) => [p.partition, p.low ?? 0])), [topic]);

  if (!loaded) return <p className="text-zinc-400">{c('loading')}</p>;
  if (!topic || !summary) {
    return <TopicMissing name={name} />;
  }
  const compact = topic.config?.cleanupPolicy?.includes('compact') ?? false;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/topics" className="text-zinc-400 hover:text-zinc-300">
          {t('detail.breadcrumb')}
        </Link>
        <h1 className="break-all font-mono text-lg font-semibold text-zinc-100" data-testid="topic-name">
          {topic.name}
        </h1>
        {topic.internal && <Badge tone="info">{t('badge.internal')}</Badge>}
        {compact && <Badge tone="accent">{t('badge.compacted')}</Badge>}
        <Link
          href={browseHref(topic.name)}
          className="ml-auto text-xs text-violet-300 hover:underline"
          data-testid="topic-browse-link"
        >
          {t('detail.browse')}
        </Link>
        {!topic.internal && (
          <Link
            href={`/lab?topic=${encodeURIComponent(topic.name)}`}
            className="text-xs text-violet-300 hover:underline"
            data-testid="topic-lab-link"
          >
            {t('detail.lab')}
          </Link>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label={t('detail.partitions')} value={summary.partitions} />
        <Stat label={t('detail.replicationFactor')} value={summary.replicationFactor} />
        <Stat
          label={t('detail.messages')}
          value={fmt.count(summary.messages)}
          hint={compact ? t('detail.messagesCompactHint') : t('detail.messagesHint')}
        />
        <Stat
          label={t('detail.underReplicated')}
          value={summary.underReplicated}
          tone={summary.underReplicated ? 'warn' : 'neutral'}
        />
        <Stat label={t('detail.offline')} value={summary.offline} tone={summary.offline ? 'bad' : 'neutral'} />
        <Stat
          label={t('detail.retention')}
          value={
            compact && !topic.config?.cleanupPolicy?.includes('delete')
              ? t('detail.latestPerKey')
              : fmt.ms(topic.config?.retentionMs ?? null)
          }
          hint={t('detail.retentionHint', {
            policy: topic.config?.cleanupPolicy ?? '—',
            size: fmt.bytes(topic.config?.retentionBytes ?? null),
          })}
        />
      </div>
      <div className="grid gap-4 xl:grid-cols-[auto_1fr]">
        <Card title={t('detail.leadershipMap')}>
          <LeadershipMap partitions={topic.partitions} brokers={brokers} />
          <div className="mt-3">
            <LeadershipLegend />
          </div>
        </Card>
        <Card title={t('detail.partitions')}>
          <PartitionTable partitions={topic.partitions} />
        </Card>
      </div>
      <Card title={t('detail.consumers')}>
        <TopicConsumers topic={topic.name} lows={lows} />
      </Card>
      {compact && !topic.internal && <CompactionCard topic={topic.name} />}
      <TopicAdmin topic={topic.name} partitions={topic.partitions.length} internal={topic.internal} />
    </div>
  );
}
