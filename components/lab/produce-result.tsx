'use client';

import { useTranslations } from 'use-intl';
import type { ProduceResult } from '@/lib/contract/actions';
import { PartitionChip } from '@/components/ui/partition-chip';
import { formatCount } from '@/components/ui/format';

// A page of rows is enough to see the pattern; the spread above counts them all.
const LISTED = 20;

/** Where each sent message landed: partition and offset, as Kafka acknowledged them. */
export function ProduceResultView({ result }: { result: ProduceResult }) {
  const t = useTranslations('lab.result');
  return (
    <div
      className="mt-3 rounded border border-emerald-900 bg-emerald-950/30 p-3 text-xs"
      data-testid="produce-result"
      data-count={result.count}
    >
      <p className="text-emerald-200">
        {t.rich('sent', {
          count: result.count,
          topic: result.topic,
          ms: result.durationMs,
          mono: (chunks) => <span className="font-mono">{chunks}</span>,
        })}
      </p>
      <div className="mt-2 flex flex-wrap gap-3">
        {result.spread.map((s) => (
          <span
            key={s.partition}
            className="flex items-center gap-1 text-zinc-300"
            data-testid={`produced-partition-${s.partition}`}
          >
            <PartitionChip partition={s.partition} /> {formatCount(s.count)} × {t('offset')}{' '}
            {s.firstOffset === s.lastOffset ? s.firstOffset : `${s.firstOffset}–${s.lastOffset}`}
          </span>
        ))}
      </div>
      {result.count > 1 && (
        <details className="mt-2 text-zinc-400">
          <summary className="cursor-pointer">{t('each')}</summary>
          <ol
            className="mt-1 grid grid-cols-2 gap-x-4 font-mono text-[11px] md:grid-cols-4"
            data-testid="produced-messages"
          >
            {result.messages.slice(0, LISTED).map((m) => (
              <li key={m.index}>
                #{m.index} {m.key ?? '∅'} → P{m.partition}@{m.offset}
              </li>
            ))}
          </ol>
          {result.count > LISTED && <p className="mt-1">{t('more', { count: formatCount(result.count - LISTED) })}</p>}
        </details>
      )}
      {result.count === 1 && result.messages[0] && (
        <p
          className="mt-2 text-zinc-400"
          data-testid="produced-offset"
          data-partition={result.messages[0].partition}
          data-offset={result.messages[0].offset}
        >
          {t('single', { partition: result.messages[0].partition, offset: result.messages[0].offset })}
        </p>
      )}
    </div>
  );
}
