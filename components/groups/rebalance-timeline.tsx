'use client';

import type { GroupMember, Rebalance } from '@/lib/contract/groups';
import { REBALANCE_HISTORY_CAP } from '@/lib/contract/groups';
import { Badge } from '@/components/ui/badge';

const time = (at: number) => new Date(at).toLocaleTimeString('en-GB', { hour12: false });

function Who({ id, names, colors }: { id: string | null; names: Map<string, string>; colors: Map<string, string> }) {
  if (id === null) return <span className="text-zinc-500">nobody</span>;
  const color = colors.get(id);
  return (
    <span className="inline-flex items-center gap-1" title={id}>
      <span className="h-2 w-2 rounded-full" style={{ backgroundColor: color ?? '#52525b' }} />
      {names.get(id) ?? `${id.slice(0, 12)}…`}
    </span>
  );
}

/** Each generation, newest first: when, how long, who joined and left, which partitions moved. */
export function RebalanceTimeline({ rebalances, members, colors }: { rebalances: Rebalance[]; members: GroupMember[]; colors: Map<string, string> }) {
  // Members that left are named from the generation that listed them.
  const names = new Map<string, string>();
  for (const r of rebalances) for (const m of [...r.joined, ...r.left]) names.set(m.memberId, m.clientId);
  for (const m of members) names.set(m.memberId, m.clientId);
  if (rebalances.length === 0) return <p className="text-sm text-zinc-500" data-testid="rebalance-timeline">No generation stored yet: the first rebalance completes when the first member has joined.</p>;
  return (
    <ol className="space-y-2" data-testid="rebalance-timeline">
      {rebalances.map((r) => (
        <li key={r.generation} data-testid={`rebalance-gen-${r.generation}`} className="rounded border border-zinc-800 bg-zinc-950/60 p-2.5 text-xs">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono font-semibold text-zinc-100">gen {r.generation}</span>
            <span className="text-zinc-400">{time(r.at)}</span>
            {r.durationMs !== null && <span className="text-zinc-500">rebalanced in {r.durationMs < 1000 ? `${r.durationMs} ms` : `${(r.durationMs / 1000).toFixed(1)} s`}</span>}
            <span className="text-zinc-500">
              {r.members} member{r.members === 1 ? '' : 's'}
              {r.protocol ? ` · ${r.protocol}` : ''}
            </span>
            {r.source === 'history' && (
              <Badge title="read back from __consumer_offsets when the dashboard started">from log</Badge>
            )}
          </div>
          {(r.joined.length > 0 || r.left.length > 0) && (
            <div className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5">
              {r.joined.map((m) => (
                <span key={`j-${m.memberId}`} className="text-emerald-400" title={m.memberId}>
                  + {m.clientId} joined
                </span>
              ))}
              {r.left.map((m) => (
                <span key={`l-${m.memberId}`} className="text-rose-400" title={m.memberId}>
                  − {m.clientId} left
                </span>
              ))}
            </div>
          )}
          {r.changes.length > 0 && (
            <ul className="mt-1 space-y-0.5 text-zinc-300">
              {r.changes.map((c) => (
                <li key={`${c.topic}:${c.partition}`} className="flex flex-wrap items-center gap-1.5">
                  <span className="font-mono text-zinc-400">
                    {c.topic}-{c.partition}
                  </span>
                  <Who id={c.from} names={names} colors={colors} />
                  <span className="text-zinc-600">→</span>
                  <Who id={c.to} names={names} colors={colors} />
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
      <li className="text-[11px] text-zinc-600">The last {REBALANCE_HISTORY_CAP} generations are kept.</li>
    </ol>
  );
}
