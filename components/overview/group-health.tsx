'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useLiveStore } from '@/lib/store';
import { selectGroups } from '@/lib/store/selectors';
import { isRebalancing } from '@/lib/group-derive';
import { GroupStateBadge } from '@/components/groups/group-state-badge';
import { LagTrend } from '@/components/groups/lag-trend';
import { formatCount } from '@/components/ui/format';

// An engineer's first question on the overview: which groups are behind or rebalancing now.
const SHOWN = 6;

export function GroupHealth() {
  const groups = useLiveStore(selectGroups);
  const rows = useMemo(
    () => [...groups].sort((a, b) => Number(isRebalancing(b)) - Number(isRebalancing(a)) || (b.totalLag ?? -1) - (a.totalLag ?? -1)).slice(0, SHOWN),
    [groups],
  );
  if (groups.length === 0) return <p className="text-sm text-zinc-500">No consumer groups yet.</p>;
  const rebalancing = groups.filter(isRebalancing).length;
  return (
    <div data-testid="group-health">
      <p className="mb-2 text-xs text-zinc-500">
        {groups.length} groups · {rebalancing} rebalancing · most behind first
      </p>
      <table className="w-full text-left text-xs tabular-nums">
        <tbody>
          {rows.map((g) => (
            <tr key={g.groupId} className="border-b border-zinc-800/60">
              <td className="max-w-48 truncate py-1.5">
                <Link href={`/groups/${encodeURIComponent(g.groupId)}`} className="font-mono text-zinc-100 hover:text-violet-300 hover:underline">
                  {g.groupId}
                </Link>
              </td>
              <td>
                <GroupStateBadge state={g.state} />
              </td>
              <td className="text-right text-zinc-100">{g.totalLag === null ? '—' : formatCount(g.totalLag)}</td>
              <td className="w-20 text-right">
                <LagTrend group={g} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {groups.length > SHOWN && (
        <Link href="/groups" className="mt-2 inline-block text-xs text-violet-300 hover:underline">
          All {groups.length} groups →
        </Link>
      )}
    </div>
  );
}
