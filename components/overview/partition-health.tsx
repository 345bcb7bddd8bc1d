'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useLiveStore } from '@/lib/store';
import { selectTopics } from '@/lib/store/selectors';
import { Badge } from '@/components/ui/badge';

const LIST_CAP = 50;

/** Under-replicated and leaderless partitions, worst first. */
export function PartitionHealth() {
  const topics = useLiveStore(selectTopics);
  const reachable = useLiveStore((s) => s.cluster?.connection.status === 'connected');
  const rows = useMemo(() => {
    const out: { topic: string; partition: number; offline: boolean; isr: number; replicas: number }[] = [];
    for (const t of topics) for (const p of t.partitions) if (p.offline || p.underReplicated) out.push({ topic: t.name, partition: p.partition, offline: p.offline, isr: p.isr.length, replicas: p.replicas.length });
    return out.sort((a, b) => Number(b.offline) - Number(a.offline) || a.topic.localeCompare(b.topic) || a.partition - b.partition);
  }, [topics]);
  if (!reachable) return <p className="text-xs text-zinc-500">Unknown until the cluster answers again.</p>;
  if (rows.length === 0) return <p className="text-xs text-emerald-300/80" data-testid="partitions-healthy">Every partition has a leader and a full ISR.</p>;
  return (
    <ul className="max-h-40 space-y-1 overflow-auto text-xs" data-testid="partitions-attention">
      {rows.slice(0, LIST_CAP).map((r) => (
        <li key={`${r.topic}/${r.partition}`} className="flex items-center gap-2">
          <Badge tone={r.offline ? 'bad' : 'warn'}>{r.offline ? 'offline' : 'under-replicated'}</Badge>
          <Link href={`/topics/${encodeURIComponent(r.topic)}`} className="truncate font-mono text-zinc-300 hover:underline">
            {r.topic}/{r.partition}
          </Link>
          <span className="ml-auto tabular-nums text-zinc-500">
            ISR {r.isr}/{r.replicas}
          </span>
        </li>
      ))}
      {rows.length > LIST_CAP && <li className="text-zinc-500">…and {rows.length - LIST_CAP} more</li>}
    </ul>
  );
}
