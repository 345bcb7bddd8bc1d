'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useTranslations } from 'use-intl';

import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { Badge } from '@/components/ui/badge';

// One row per topic with partitions that need attention, worst first: offline partitions,
// then the user's topics before Kafka's internal ones. Per topic, not per partition: a killed
// broker leaves every internal topic's 50 partitions under-replicated, which would bury the
// one topic a person is looking for.

const LIST_CAP = 50;
const SHOWN_PARTITIONS = 8;

interface TopicAttention {
  topic: string;
  internal: boolean;
  offline: number[];
  underReplicated: number[];
}

const listed = (ps: number[]) =>
  ps.slice(0, SHOWN_PARTITIONS).join(', ') + (ps.length > SHOWN_PARTITIONS ? ` +${ps.length - SHOWN_PARTITIONS}` : '');

export function PartitionHealth() {
  const t = useTranslations('overview.partitions');
  const topics = useLiveStore(selectTopics);
  const reachable = useLiveStore((s) => s.cluster?.connection.status === 'connected');
  const rows = useMemo(() => {
    const out: TopicAttention[] = [];
    for (const t of topics) {
      const offline = t.partitions.filter((p) => p.offline).map((p) => p.partition);
      const underReplicated = t.partitions.filter((p) => !p.offline && p.underReplicated).map((p) => p.partition);
      if (offline.length + underReplicated.length > 0)
        out.push({ topic: t.name, internal: t.internal, offline, underReplicated });
    }
    return out.sort(
      (a, b) =>
        b.offline.length - a.offline.length ||
        Number(a.internal) - Number(b.internal) ||
        a.topic.localeCompare(b.topic),
    );
  }, [topics]);
  if (!reachable) return <p className="text-xs text-zinc-400">{t('unknown')}</p>;
  if (rows.length === 0)
    return (
      <p className="text-xs text-emerald-300" data-testid="partitions-healthy">
        {t('healthy')}
      </p>
    );
  return (
    <ul className="max-h-40 space-y-1 overflow-auto text-xs" data-testid="partitions-attention">
      {rows.slice(0, LIST_CAP).map((r) => (
        <li
          key={r.topic}
          className="flex flex-wrap items-center gap-x-2 gap-y-0.5"
          data-testid={`attention-${r.topic}`}
        >
          <Link
            href={`/topics/${encodeURIComponent(r.topic)}`}
            className="min-w-0 truncate font-mono text-zinc-300 hover:underline"
          >
            {r.topic}
          </Link>
          {r.offline.length > 0 && (
            <Badge tone="bad">{t('offline', { count: r.offline.length, list: listed(r.offline) })}</Badge>
          )}
          {r.underReplicated.length > 0 && (
            <Badge tone="warn">
              {t('underReplicated', { count: r.underReplicated.length, list: listed(r.underReplicated) })}
            </Badge>
          )}
        </li>
      ))}
      {rows.length > LIST_CAP && <li className="text-zinc-400">{t('more', { count: rows.length - LIST_CAP })}</li>}
    </ul>
  );
}
