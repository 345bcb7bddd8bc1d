import Link from 'next/link';
import type { OpenTransaction, OpenTransactionKind } from '@/lib/contract/transactions';
import { Badge, type Tone } from '@/components/ui/badge';
import { formatCount } from '@/components/ui/format';
import { AbortTransaction } from './abort-transaction';
import { age } from './age';

const TONE: Record<OpenTransactionKind, Tone> = { open: 'neutral', 'long-open': 'warn', hanging: 'bad' };

export function OpenTransactions({ open, onAborted }: { open: OpenTransaction[]; onAborted(): void }) {
  if (open.length === 0)
    return (
      <p className="text-sm text-zinc-500" data-testid="open-transactions-empty">
        No transaction is open on any partition.
      </p>
    );
  return (
    <table className="w-full text-left text-xs" data-testid="open-transactions">
      <thead className="text-zinc-500">
        <tr className="border-b border-zinc-800">
          <th className="py-2 font-medium">Partition</th>
          <th className="font-medium">Transactional id</th>
          <th className="font-medium">Producer (epoch)</th>
          <th className="text-right font-medium">Start offset</th>
          <th className="text-right font-medium">Last stable / high</th>
          <th className="text-right font-medium">Open for</th>
          <th className="pl-4 font-medium">Kind</th>
          <th className="font-medium">Groups held back</th>
          <th className="font-medium" />
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
              <Badge tone={TONE[o.kind]}>{o.kind}</Badge>
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
