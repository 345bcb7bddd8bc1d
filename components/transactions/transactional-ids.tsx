import { useTranslations } from 'use-intl';
import type { TransactionRow } from '@/lib/contract/transactions';
import { Badge } from '@/components/ui/badge';
import { useAge } from './age';

const OPEN_STATES = new Set(['Ongoing', 'PrepareCommit', 'PrepareAbort', 'PrepareEpochFence']);

export function TransactionalIds({ rows, readAt }: { rows: TransactionRow[]; readAt: number }) {
  const t = useTranslations('transactions');
  const age = useAge();
  if (rows.length === 0) return <p className="text-sm text-zinc-500">{t('ids.empty')}</p>;
  return (
    <table className="w-full text-left text-xs" data-testid="transactional-ids">
      <thead className="text-zinc-500">
        <tr className="border-b border-zinc-800">
          <th className="py-2 font-medium">{t('open.transactionalId')}</th>
          <th className="font-medium">{t('ids.state')}</th>
          <th className="text-right font-medium">{t('ids.age')}</th>
          <th className="pl-4 font-medium">{t('open.producer')}</th>
          <th className="font-medium">{t('ids.partitions')}</th>
          <th className="text-right font-medium">{t('ids.coordinator')}</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((t) => (
          <tr
            key={t.transactionalId}
            data-testid={`transactional-id-${t.transactionalId}`}
            className="border-b border-zinc-800/60"
          >
            <td className="py-1.5 font-mono">{t.transactionalId}</td>
            <td>
              <Badge tone={OPEN_STATES.has(t.state) ? 'warn' : 'neutral'}>{t.state}</Badge>
            </td>
            <td className="text-right">{t.startedAt === null ? '—' : age(Math.max(0, readAt - t.startedAt))}</td>
            <td className="pl-4 font-mono">
              {t.producerId} ({t.producerEpoch ?? '—'})
            </td>
            <td className="font-mono">{t.partitions.map((p) => `${p.topic}/${p.partition}`).join(', ') || '—'}</td>
            <td className="text-right">{t.coordinator}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
