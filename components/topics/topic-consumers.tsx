'use client';

import Link from 'next/link';
import { useLiveStore } from '@/lib/store';
import { useTopicWatch } from '@/lib/store/use-live-bridge';
import { GroupStateBadge } from '@/components/groups/group-state-badge';
import { formatCount } from '@/components/ui/format';

function Progress({ committed, logEnd, low }: { committed: number | null; logEnd: number | null; low: number }) {
  if (committed === null || logEnd === null) return <span className="text-zinc-500">nothing committed</span>;
  const span = Math.max(1, logEnd - low);
  const pct = Math.min(100, Math.max(0, ((committed - low) / span) * 100));
  return (
    <div className="min-w-28">
      <div className="flex justify-between gap-2 text-zinc-300">
        <span>
          {formatCount(committed)} / {formatCount(logEnd)}
        </span>
        <span className={logEnd - committed > 0 ? 'text-amber-300' : 'text-zinc-500'}>lag {formatCount(Math.max(0, logEnd - committed))}</span>
      </div>
      <div className="mt-0.5 h-1.5 rounded bg-zinc-800">
        <div className="h-1.5 rounded bg-violet-500" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Every group reading this topic, side by side per partition: each keeps its own offset. */
export function TopicConsumers({ topic, lows }: { topic: string; lows: Map<number, number> }) {
  useTopicWatch(topic);
  const consumers = useLiveStore((s) => (s.topicConsumers?.topic === topic ? s.topicConsumers : null));
  if (!consumers) return <p className="text-sm text-zinc-500">Loading…</p>;
  if (consumers.groups.length === 0) return <p className="text-sm text-zinc-500" data-testid="topic-consumers">No consumer group reads this topic yet.</p>;
  const partitions = [...new Set(consumers.groups.flatMap((g) => g.partitions.map((p) => p.partition)))].sort((a, b) => a - b);
  return (
    <div className="overflow-x-auto" data-testid="topic-consumers">
      <p className="mb-2 text-xs text-zinc-500">Each group keeps its own offset per partition: one group reading a message does not take it from another.</p>
      <table className="w-full text-left text-xs tabular-nums">
        <thead className="text-zinc-500">
          <tr className="border-b border-zinc-800">
            <th className="py-1.5 pr-4 font-medium">Partition</th>
            {consumers.groups.map((g) => (
              <th key={g.groupId} className="pr-4 font-medium">
                <Link href={`/groups/${encodeURIComponent(g.groupId)}`} className="font-mono text-zinc-200 hover:text-violet-300 hover:underline">
                  {g.groupId}
                </Link>{' '}
                <GroupStateBadge state={g.state} />
                <div className="font-normal text-zinc-500">total lag {formatCount(g.totalLag)}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {partitions.map((p) => (
            <tr key={p} className="border-b border-zinc-800/60">
              <td className="py-1.5 pr-4 font-mono">{p}</td>
              {consumers.groups.map((g) => {
                const row = g.partitions.find((x) => x.partition === p);
                return (
                  <td key={g.groupId} className="pr-4" data-testid={`topic-group-${g.groupId}-${p}`} data-lag={row?.lag ?? ''}>
                    <Progress committed={row?.committed ?? null} logEnd={row?.logEnd ?? null} low={lows.get(p) ?? 0} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
