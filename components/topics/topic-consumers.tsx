'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { useWatch } from '@/lib/store/use-live-bridge';
import { viewOf } from '@/lib/store/watch-slice';
import { GroupStateBadge } from '@/components/groups/group-state-badge';
import { useFormat } from '@/components/ui/format';
import { GroupVerdictBadge, VerdictBadge } from '@/components/groups/verdict-badge';

function Progress({
  committed,
  logEnd,
  lag,
  low,
}: {
  committed: number | null;
  logEnd: number | null;
  lag: number | null;
  low: number;
}) {
  const t = useTranslations('topics.consumers');
  const c = useTranslations('common');
  const fmt = useFormat();
  if (committed === null || logEnd === null || lag === null)
    return <span className="text-zinc-400">{c('nothingCommitted')}</span>;
  const span = Math.max(1, logEnd - low);
  const pct = Math.min(100, Math.max(0, ((committed - low) / span) * 100));
  return (
    <div className="min-w-28">
      <div className="flex justify-between gap-2 text-zinc-300">
        <span>
          {fmt.count(committed)} / {fmt.count(logEnd)}
        </span>
        <span className={lag > 0 ? 'text-amber-300' : 'text-zinc-400'}>{t('lag', { lag: fmt.count(lag) })}</span>
      </div>
      <div className="mt-0.5 h-1.5 rounded bg-zinc-800">
        <div className="h-1.5 rounded bg-violet-500" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Every group reading this topic, side by side per partition: each keeps its own offset. */
export function TopicConsumers({ topic, lows }: { topic: string; lows: Map<number, number> }) {
  const t = useTranslations('topics');
  const c = useTranslations('common');
  const fmt = useFormat();
  useWatch({ kind: 'topic', topic });
  const consumers = useLiveStore((s) => viewOf(s, { kind: 'topic', topic })?.consumers ?? null);
  if (!consumers) return <p className="text-sm text-zinc-400">{c('loading')}</p>;
  if (consumers.groups.length === 0)
    return (
      <p className="text-sm text-zinc-400" data-testid="topic-consumers">
        {t('consumers.none')}
      </p>
    );
  const partitions = [...new Set(consumers.groups.flatMap((g) => g.partitions.map((p) => p.partition)))].sort(
    (a, b) => a - b,
  );
  return (
    <div data-testid="topic-consumers">
      <p className="mb-2 text-xs text-zinc-400">{t('consumers.note')}</p>
      <table className="w-full text-left text-xs tabular-nums">
        <thead className="text-zinc-400">
          <tr className="border-b border-zinc-800">
            <th className="py-1.5 pr-4 font-medium">{t('partition.partition')}</th>
            {consumers.groups.map((g) => (
              <th key={g.groupId} className="pr-4 font-medium">
                <Link
                  href={`/groups/${encodeURIComponent(g.groupId)}`}
                  className="font-mono text-zinc-200 hover:text-violet-300 hover:underline"
                >
                  {g.groupId}
                </Link>{' '}
                <GroupStateBadge state={g.state} />{' '}
                <GroupVerdictBadge health={g.health} testId={`topic-group-verdict-${g.groupId}`} />
                <div className="font-normal text-zinc-400">
                  {t('consumers.totalLag', { lag: fmt.count(g.totalLag) })}
                </div>
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
                  <td
                    key={g.groupId}
                    className="pr-4"
                    data-testid={`topic-group-${g.groupId}-${p}`}
                    data-lag={row?.lag ?? ''}
                  >
                    <Progress
                      committed={row?.committed ?? null}
                      logEnd={row?.logEnd ?? null}
                      lag={row?.lag ?? null}
                      low={lows.get(p) ?? 0}
                    />
                    {row?.verdict && row.verdict !== 'OK' && <VerdictBadge verdict={row.verdict} />}
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
