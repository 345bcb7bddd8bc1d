'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { GroupSummary } from '@/lib/contract/groups';
import { useFormat } from '@/components/ui/format';
import { useVirtualRows } from '@/components/ui/use-virtual-rows';
import { SpacerRow } from '@/components/ui/spacer-row';
import { GroupStateBadge } from './group-state-badge';
import { GroupTypeBadge } from './group-type-badge';
import { LagTrend } from './lag-trend';
import { GroupVerdictBadge } from './verdict-badge';

const COLUMNS = 10;

/** The groups table's body: only the rows near the viewport are drawn (hundreds of groups). */
export function GroupRows({ rows }: { rows: GroupSummary[] }) {
  const t = useTranslations('groups');
  const c = useTranslations('common');
  const fmt = useFormat();
  const { body, items, measure, padTop, padBottom } = useVirtualRows(rows.length);
  return (
    <tbody className="tabular-nums" ref={body}>
      <SpacerRow height={padTop} columns={COLUMNS} />
      {items.map((item) => {
        const g = rows[item.index];
        return (
          <tr
            key={g.groupId}
            ref={measure}
            data-index={item.index}
            data-testid={`group-row-${g.groupId}`}
            data-state={g.state}
            className="border-b border-zinc-800/60 hover:bg-zinc-900"
          >
            <td className="py-1.5">
              <Link
                href={`/groups/${encodeURIComponent(g.groupId)}`}
                className="font-mono text-zinc-100 hover:text-violet-300 hover:underline"
              >
                {g.groupId}
              </Link>
            </td>
            <td>
              <GroupStateBadge state={g.state} /> <GroupTypeBadge type={g.type} />
            </td>
            <td>
              <GroupVerdictBadge health={g.health} observedAt={g.observedAt} testId={`group-verdict-${g.groupId}`} />
            </td>
            <td className="text-zinc-400">{g.protocol ?? '—'}</td>
            <td className="text-right">{g.members}</td>
            <td className="max-w-64 truncate pl-4 font-mono text-zinc-400" title={g.topics.join(', ')}>
              {g.topics.join(', ') || '—'}
            </td>
            <td className="text-right font-medium text-zinc-100" data-testid={`group-lag-${g.groupId}`}>
              {g.totalLag === null ? (
                <span className="text-zinc-400">{c('nothingCommitted')}</span>
              ) : (
                fmt.count(g.totalLag)
              )}
            </td>
            <td className="text-right">
              <LagTrend group={g} />
            </td>
            <td className="text-right text-zinc-400">
              {g.consumeRate === null ? '—' : t('perSecond', { rate: fmt.count(g.consumeRate) })}
            </td>
            <td className="text-right text-zinc-400">{g.coordinator === null ? '—' : `#${g.coordinator}`}</td>
          </tr>
        );
      })}
      <SpacerRow height={padBottom} columns={COLUMNS} />
    </tbody>
  );
}
