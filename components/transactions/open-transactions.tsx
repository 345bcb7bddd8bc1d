import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { OpenTransaction, OpenTransactionKind } from '@/lib/contract/transactions';
import { Badge, type Tone } from '@/components/ui/badge';
import { useFormat } from '@/components/ui/format';
import { AbortTransaction } from './abort-transaction';
import { useAge } from './age';

const TONE: Record<OpenTransactionKind, Tone> = { open: 'neutral', 'long-open': 'warn', hanging: 'bad' };
const KIND_KEY = {
  open: 'kindName.open',
  'long-open': 'kindName.long-open',
  hanging: 'kindName.hanging',
} as const satisfies Record<OpenTransactionKind, string>;

export function OpenTransactions({ open, onAborted }: { open: OpenTransaction[]; onAborted(): void }) {
  const t = useTranslations('transactions.open');
  const { count: formatCount } = useFormat();
  const age = useAge();
  if (open.length === 0)
    return (
      <p className="text-sm text-zinc-500" data-testid="open-transactions-empty">
        {t('empty')}
      </p>
    );
  return (
    <table className="w-full text-left text-xs" data-testid="open-transactions">
      <thead className="text-zinc-500">
        <tr className="border-b border-zinc-800">
          <th className="py-2 font-medium">{t('partition')}</th>
          <th className="font-medium">{t('transactionalId')}</th>
          <th className="font-medium">{t('producer')}</th>
          <th className="text-right font-medium">{t('startOffset')}</th>
          <th className="text-right font-medium">{t('lastStable')}</th>
          <th className="text-right font-medium">{t('openFor')}</th>
          <th className="pl-4 font-medium">{t('kind')}</th>
          <th className="font-medium">{t('blocked')}</th>
          <th className="font-medium">
            <span className="sr-only">{t('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {open.map((o) => (
          <tr
            key={`${o.topic}/${o.partition}/${o.producerId}`}
            data-testid={`open-transaction-${o.topic}-${o.partition}`}
            className="border-b border-zinc-800/60 align-top"
          >
            <td className="py-1.5 font-mono">
              <Link href={`/topics/${encodeURIComponent(o.topic)}`} className="text-violet-300 hover:underline">
                {o.topic}
              </Link>
              /{o.partition}
            </td>
            <td className="font-mono">{o.transactionalId ?? '—'}</td>
            <td className="font-mono">
              {o.producerId} ({o.producerEpoch})
            </td>
            <td className="text-right">{formatCount(o.startOffset)}</td>
            <td className="text-right">
              {formatCount(o.lastStable)} / {formatCount(o.high)}
            </td>
            <td className="text-right">{age(o.openMs)}</td>
            <td className="pl-4">
              <Badge tone={TONE[o.kind]}>{t(KIND_KEY[o.kind])}</Badge>
            </td>
            <td>
              {o.blockedGroups.length === 0
                ? '—'
                : o.blockedGroups.map((g) => (
                    <Link
                      key={g}
                      href={`/groups/${encodeURIComponent(g)}`}
                      className="mr-2 text-violet-300 hover:underline"
                      data-testid="blocked-group"
                    >
                      {g}
                    </Link>
                  ))}
            </td>
            <td>
              <AbortTransaction open={o} onDone={onAborted} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
