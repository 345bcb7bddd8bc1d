'use client';

import type { GroupDetail } from '@/lib/contract/groups';
import { lagByTopic } from '@/lib/group-derive';
import { formatCount } from '@/components/ui/format';

const time = (at: number | null) => (at === null ? '—' : new Date(at).toLocaleTimeString('en-GB', { hour12: false }));

/** Committed offset against log end, per partition, grouped by topic with the topic's total. */
export function OffsetsTable({ detail, colors }: { detail: GroupDetail; colors: Map<string, string> }) {
  const owners = new Map(detail.members.map((m) => [m.memberId, m.clientId]));
  return (
    <div className="space-y-4">
      {lagByTopic(detail.offsets).map((t) => (
        <table key={t.topic} className="w-full text-left text-xs" data-testid={`offsets-${t.topic}`}>
          <caption className="pb-1 text-left text-zinc-400">
            <span className="font-mono text-zinc-200">{t.topic}</span> · {t.partitions} partitions · lag <span className="font-semibold text-zinc-100">{formatCount(t.lag)}</span>
            {t.uncommitted > 0 && <span className="text-zinc-500"> · {t.uncommitted} with nothing committed</span>}
          </caption>
          <thead className="text-zinc-500">
            <tr className="border-b border-zinc-800">
              <th className="py-1.5 font-medium">Partition</th>
              <th className="font-medium">Owner</th>
              <th className="text-right font-medium">Committed</th>
              <th className="text-right font-medium">Log end</th>
              <th className="text-right font-medium">Lag</th>
              <th className="text-right font-medium">Last commit</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {detail.offsets
              .filter((o) => o.topic === t.topic)
              .map((o) => (
                <tr key={o.partition} className="border-b border-zinc-800/60" data-testid={`offset-row-${o.topic}-${o.partition}`}>
                  <td className="py-1 font-mono">{o.partition}</td>
                  <td>
                    {o.memberId ? (
                      <span className="inline-flex items-center gap-1.5">
                        <span className="h-2 w-2 rounded-full" style={{ backgroundColor: colors.get(o.memberId) }} />
                        {owners.get(o.memberId) ?? o.memberId}
                      </span>
                    ) : (
                      <span className="text-zinc-500">nobody</span>
                    )}
                  </td>
                  <td className="text-right">{o.committed === null ? <span className="text-zinc-500">nothing committed</span> : formatCount(o.committed)}</td>
                  <td className="text-right">{formatCount(o.logEnd)}</td>
                  <td className={`text-right font-medium ${o.lag ? 'text-amber-300' : 'text-zinc-100'}`} data-testid={`offset-lag-${o.topic}-${o.partition}`}>
                    {formatCount(o.lag)}
                  </td>
                  <td className="text-right text-zinc-500">{time(o.committedAt)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      {detail.offsets.length === 0 && <p className="text-sm text-zinc-500">No topics yet: the group has not subscribed or committed.</p>}
    </div>
  );
}
