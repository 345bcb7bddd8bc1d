import type { GroupSummary } from '@/lib/contract/groups';
import { lagTrend } from '@/lib/group-derive';
import { formatCount } from '@/components/ui/format';

/** ▲ growing (red) / ▼ shrinking (green) / flat, with the change over the rate window. */
export function LagTrend({ group }: { group: Pick<GroupSummary, 'lagTrend'> }) {
  const trend = lagTrend(group);
  if (trend === 'unknown') return <span className="text-zinc-600">—</span>;
  if (trend === 'flat') return <span className="text-zinc-500">flat</span>;
  const growing = trend === 'growing';
  return (
    <span className={growing ? 'text-rose-400' : 'text-emerald-400'} title="change of total lag over the last 15 s">
      {growing ? '▲' : '▼'} {growing ? '+' : '−'}
      {formatCount(Math.abs(group.lagTrend ?? 0))}
    </span>
  );
}
