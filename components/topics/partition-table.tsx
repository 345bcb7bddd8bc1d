'use client';

import { useTranslations } from 'use-intl';
import type { Partition } from '@/lib/contract/cluster';
import { Badge } from '@/components/ui/badge';
import { useFormat } from '@/components/ui/format';
import { LastStableCell } from '@/components/transactions/last-stable-cell';

const ids = (list: number[]) => (list.length ? list.join(', ') : '—');

export function PartitionTable({ partitions }: { partitions: Partition[] }) {
  const t = useTranslations('topics');
  const fmt = useFormat();
  return (
    <table className="w-full text-left text-xs whitespace-nowrap" data-testid="partition-table">
      <thead className="text-zinc-400">
        <tr className="border-b border-zinc-800">
          <th className="py-2 font-medium">{t('partition.partition')}</th>
          <th className="font-medium">{t('partition.leader')}</th>
          <th className="font-medium">{t('partition.replicas')}</th>
          <th className="font-medium">{t('partition.isr')}</th>
          <th className="font-medium">{t('partition.offlineReplicas')}</th>
          <th className="text-right font-medium">{t('partition.low')}</th>
          <th className="text-right font-medium">{t('partition.high')}</th>
          <th className="text-right font-medium">{t('partition.lastStable')}</th>
          <th className="text-right font-medium">{t('partition.messages')}</th>
          <th className="pl-4 font-medium">{t('partition.state')}</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {partitions.map((p) => (
          <tr key={p.partition} data-testid={`partition-row-${p.partition}`} className="border-b border-zinc-800/60">
            <td className="py-1.5 font-mono">{p.partition}</td>
            <td data-testid={`partition-leader-${p.partition}`}>
              {p.leader < 0 ? <span className="text-rose-400">{t('partition.noLeader')}</span> : p.leader}
            </td>
            <td>{ids(p.replicas)}</td>
            <td data-testid={`partition-isr-${p.partition}`}>{ids(p.isr)}</td>
            <td className={p.offlineReplicas.length ? 'text-rose-400' : ''}>{ids(p.offlineReplicas)}</td>
            <td className="text-right">{fmt.count(p.low)}</td>
            <td className="text-right" data-testid={`partition-high-${p.partition}`}>
              {fmt.count(p.high)}
            </td>
            <LastStableCell partition={p} />
            <td className="text-right">{p.low !== null && p.high !== null ? fmt.count(p.high - p.low) : '—'}</td>
            <td className="pl-4">
              {p.offline ? (
                <Badge tone="bad">{t('badge.offlineOne')}</Badge>
              ) : p.underReplicated ? (
                <Badge tone="warn">{t('badge.underReplicatedOne')}</Badge>
              ) : (
                <Badge tone="good">{t('badge.inSync')}</Badge>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
