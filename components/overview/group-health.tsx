'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useTranslations } from 'use-intl';

import { useLiveStore } from '@/lib/store';
import { selectGroups } from '@/lib/store/selectors';
import { isRebalancing } from '@/lib/group-derive';
import { GroupStateBadge } from '@/components/groups/group-state-badge';
import { LagTrend } from '@/components/groups/lag-trend';
import { GroupVerdictBadge } from '@/components/groups/verdict-badge';
import { verdictRank } from '@/lib/contract/lag';
import { useFormat } from '@/components/ui/format';

// An engineer's first question on the overview: which groups are in trouble (worst verdict),
// rebalancing or behind now.
const SHOWN = 6;

const rank = (g: { health: { verdict: Parameters<typeof verdictRank>[0] } | null }) =>
  g.health ? verdictRank(g.health.verdict) : -1;

export function GroupHealth() {
  const t = useTranslations('overview.groups');
  const fmt = useFormat();
  const groups = useLiveStore(selectGroups);
  const rows = useMemo(
    () =>
      [...groups]
        .sort(
          (a, b) =>
            rank(b) - rank(a) ||
            Number(isRebalancing(b)) - Number(isRebalancing(a)) ||
            (b.totalLag ?? -1) - (a.totalLag ?? -1),
        )
        .slice(0, SHOWN),
    [groups],
  );
  if (groups.length === 0) return <p className="text-sm text-zinc-400">{t('none')}</p>;
  const rebalancing = groups.filter(isRebalancing).length;
  const notOk = groups.filter((g) => g.health && g.health.verdict !== 'OK').length;
  return (
    <div data-testid="group-health">
      <p className="mb-2 text-xs text-zinc-400">{t('summary', { count: groups.length, notOk, rebalancing })}</p>
      <div>
        <table className="w-full text-left text-xs tabular-nums">
          <thead className="text-zinc-400">
            <tr className="border-b border-zinc-800">
              <th scope="col" className="py-1.5 font-medium">
                {t('colGroup')}
              </th>
              <th scope="col" className="font-medium">
                {t('colState')}
              </th>
              <th scope="col" className="font-medium">
                {t('colHealth')}
              </th>
              <th scope="col" className="text-right font-medium">
                {t('colLag')}
              </th>
              <th scope="col" className="text-right font-medium">
                {t('colTrend')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.groupId} className="border-b border-zinc-800/60">
                <td className="max-w-48 truncate py-1.5">
                  <Link
                    href={`/groups/${encodeURIComponent(g.groupId)}`}
                    className="font-mono text-zinc-100 hover:text-violet-300 hover:underline"
                  >
                    {g.groupId}
                  </Link>
                </td>
                <td>
                  <GroupStateBadge state={g.state} />
                </td>
                <td>
                  <GroupVerdictBadge
                    health={g.health}
                    observedAt={g.observedAt}
                    testId={`overview-verdict-${g.groupId}`}
                  />
                </td>
                <td className="text-right text-zinc-100">{fmt.count(g.totalLag)}</td>
                <td className="w-20 text-right">
                  <LagTrend group={g} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {groups.length > SHOWN && (
        <Link href="/groups" className="mt-2 inline-block text-xs text-violet-300 hover:underline">
          {t('all', { count: groups.length })}
        </Link>
      )}
    </div>
  );
}
