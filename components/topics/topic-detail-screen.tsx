'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useLiveStore } from '@/lib/store';
import { selectBrokers } from '@/lib/store/selectors';
import { topicSummary } from '@/lib/derive';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Stat } from '@/components/ui/stat';
import { formatBytes, formatCount, formatMs } from '@/components/ui/format';
import { LeadershipLegend, LeadershipMap } from './leadership-map';
import { PartitionTable } from './partition-table';
import { TopicConsumers } from './topic-consumers';
import { TopicAdmin } from './topic-admin';
import { CompactionCard } from './compaction-card';

export function TopicDetailScreen({ name }: { name: string }) {
  const topic = useLiveStore((s) => s.cluster?.topics.find((t) => t.name === name) ?? null);
  const brokers = useLiveStore(selectBrokers);
  const loaded = useLiveStore((s) => s.cluster !== null);
  const summary = useMemo(() => (topic ? topicSummary(topic) : null), [topic]);
  const lows = useMemo(() => new Map((topic?.partitions ?? []).map((p) => [p.partition, p.low ?? 0])), [topic]);

  if (!loaded) return <p className="text-zinc-500">Loading…</p>;
  if (!topic || !summary) {
    return (
      <div className="space-y-2" data-testid="topic-missing">
        <p className="text-zinc-300">
          Topic <span className="font-mono">{name}</span> does not exist (or was deleted).
        </p>
        <Link href="/topics" className="text-violet-300 hover:underline">
          ← All topics
        </Link>
      </div>
    );
  }
  const compact = topic.config?.cleanupPolicy?.includes('compact') ?? false;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Link href="/topics" className="text-zinc-500 hover:text-zinc-300">
          Topics /
        </Link>
        <h1 className="font-mono text-lg font-semibold text-zinc-100" data-testid="topic-name">
          {topic.name}
        </h1>
        {topic.internal && <Badge tone="info">internal</Badge>}
        {compact && <Badge tone="accent">compacted</Badge>}
        {!topic.internal && (
          <Link href={`/lab?topic=${encodeURIComponent(topic.name)}`} className="ml-auto text-xs text-violet-300 hover:underline" data-testid="topic-lab-link">
            Produce and tail in the Lab →
          </Link>
        )}
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat label="Partitions" value={summary.partitions} />
        <Stat label="Replication factor" value={summary.replicationFactor} />
        <Stat label="Messages" value={formatCount(summary.messages)} hint="high − low watermark, summed" />
        <Stat label="Under-replicated" value={summary.underReplicated} tone={summary.underReplicated ? 'warn' : 'neutral'} />
        <Stat label="Offline" value={summary.offline} tone={summary.offline ? 'bad' : 'neutral'} />
        <Stat
          label="Retention"
          value={compact && !topic.config?.cleanupPolicy?.includes('delete') ? 'latest per key' : formatMs(topic.config?.retentionMs ?? null)}
          hint={`${topic.config?.cleanupPolicy ?? '—'} · size ${formatBytes(topic.config?.retentionBytes ?? null)}`}
        />
      </div>
      <div className="grid gap-4 xl:grid-cols-[auto_1fr]">
        <Card title="Leadership map">
          <LeadershipMap partitions={topic.partitions} brokers={brokers} />
          <div className="mt-3">
            <LeadershipLegend />
          </div>
        </Card>
        <Card title="Partitions">
          <PartitionTable partitions={topic.partitions} />
        </Card>
      </div>
      <Card title="Consumer groups on this topic">
        <TopicConsumers topic={topic.name} lows={lows} />
      </Card>
      {compact && !topic.internal && <CompactionCard topic={topic.name} />}
      <TopicAdmin topic={topic.name} partitions={topic.partitions.length} internal={topic.internal} />
    </div>
  );
}
