'use client';

import { useTranslations } from 'use-intl';
import type { GroupMember, Rebalance } from '@/lib/contract/groups';
import { REBALANCE_HISTORY_CAP } from '@/lib/contract/groups';
import { Badge } from '@/components/ui/badge';
import { partitionKey } from '@/lib/contract/cluster';
import { useFormat } from '@/components/ui/format';

function Who({ id, names, colors }: { id: string | null; names: Map<string, string>; colors: Map<string, string> }) {
  const c = useTranslations('common');
  if (id === null) return <span className="text-zinc-400">{c('nobody')}</span>;
  const color = colors.get(id);
  return (
    <span className="inline-flex items-center gap-1" title={id}>
      <span className="h-2 w-2 rounded-full" style={{ backgroundColor: color ?? '#52525b' }} />
      {names.get(id) ?? `${id.slice(0, 12)}…`}
    </span>
  );
}

/** Each generation, newest first: when, how long, who joined and left, which partitions moved. */
export function RebalanceTimeline({
  rebalances,
  members,
  colors,
}: {
  rebalances: Rebalance[];
  members: GroupMember[];
  colors: Map<string, string>;
}) {
  const t = useTranslations('groups.timeline');
  const c = useTranslations('common');
  const fmt = useFormat();
  // Members that left are named from the generation that listed them.
  const names = new Map<string, string>();
  for (const r of rebalances) for (const m of [...r.joined, ...r.left]) names.set(m.memberId, m.clientId);
  for (const m of members) names.set(m.memberId, m.clientId);
  if (rebalances.length === 0)
    return (
      <p className="text-sm text-zinc-400" data-testid="rebalance-timeline">
        {t('none')}
      </p>
    );
  return (
    <ol className="space-y-2" data-testid="rebalance-timeline">
      {rebalances.map((r) => (
        <li
          key={r.generation}
          data-testid={`rebalance-gen-${r.generation}`}
          className="rounded border border-zinc-800 bg-zinc-950/60 p-2.5 text-xs"
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono font-semibold text-zinc-100">gen {r.generation}</span>
            <span className="text-zinc-400">{fmt.time(r.at)}</span>
            {r.durationMs !== null && (
              <span className="text-zinc-400">{t('rebalancedIn', { duration: fmt.span(r.durationMs) })}</span>
            )}
            <span className="text-zinc-400">
              {c('count.members', { count: r.members })}
              {r.protocol ? ` · ${r.protocol}` : ''}
            </span>
            {r.source === 'history' && <Badge title={t('fromLogTitle')}>{t('fromLog')}</Badge>}
          </div>
          {(r.joined.length > 0 || r.left.length > 0) && (
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5">
              {r.joined.map((m) => (
                <span key={`j-${m.memberId}`} className="text-emerald-400" title={m.memberId}>
                  {t('joined', { client: m.clientId })}
                </span>
              ))}
              {r.left.map((m) => (
                <span key={`l-${m.memberId}`} className="text-rose-400" title={m.memberId}>
                  {t('left', { client: m.clientId })}
                </span>
              ))}
            </div>
          )}
          {r.changes.length > 0 && (
            <ul className="mt-1 space-y-0.5 text-zinc-300">
              {r.changes.map((c) => (
                <li key={partitionKey(c.topic, c.partition)} className="flex flex-wrap items-center gap-1.5">
                  <span className="font-mono text-zinc-400">
                    {c.topic}-{c.partition}
                  </span>
                  <Who id={c.from} names={names} colors={colors} />
                  <span className="text-zinc-400">→</span>
                  <Who id={c.to} names={names} colors={colors} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
      <li className="text-[11px] text-zinc-400">{t('kept', { count: REBALANCE_HISTORY_CAP })}</li>
    </ol>
  );
}
