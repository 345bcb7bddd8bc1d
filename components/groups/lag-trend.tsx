'use client';

import { useTranslations } from 'use-intl';
import type { GroupSummary } from '@/lib/contract/groups';
import { lagTrend } from '@/lib/group-derive';
import { useFormat } from '@/components/ui/format';

/** ▲ growing (red) / ▼ shrinking (green) / flat, with the change over the rate window. */
export function LagTrend({ group }: { group: Pick<GroupSummary, 'lagTrend'> }) {
  const t = useTranslations('groups.trend');
  const fmt = useFormat();
  const trend = lagTrend(group);
  if (trend === 'unknown') return <span className="text-zinc-400">—</span>;
  if (trend === 'flat') return <span className="text-zinc-400">{t('flat')}</span>;
  const growing = trend === 'growing';
  return (
    <span className={growing ? 'text-rose-400' : 'text-emerald-400'} title={t('trendTitle')}>
      {growing ? '▲' : '▼'} {growing ? '+' : '−'}
      {fmt.count(Math.abs(group.lagTrend ?? 0))}
    </span>
  );
}
