'use client';

import { useTranslations } from 'use-intl';
import { previewProduce } from '@/lib/produce-preview';
import { PartitionChip, partitionColor } from '@/components/ui/partition-chip';

/** Where the messages will land, before sending, and the one-line why. */
export function PartitionPreview({
  keyText,
  partition,
  count,
  partitions,
}: {
  keyText: string | null;
  partition: number | null;
  count: number;
  partitions: number;
}) {
  const t = useTranslations('lab.preview');
  if (partitions < 1) return null;
  const p = previewProduce(keyText, partition, Math.max(1, count), partitions);
  const max = Math.max(1, ...p.spread);
  return (
    <div
      className="rounded border border-zinc-800 bg-zinc-950/60 p-3 text-xs text-zinc-400"
      data-testid="partition-preview"
      data-predicted={p.single ?? ''}
    >
      <p className="mb-2 text-zinc-300">
        {p.reason === 'explicit' && (
          <>
            {t.rich('explicit', { chip: () => <PartitionChip partition={p.single!} testId="predicted-partition" /> })}
          </>
        )}
        {p.reason === 'key' && (
          <>
            {t.rich('key', {
              key: keyText ?? '',
              partitions,
              mono: (chunks) => <span className="font-mono text-zinc-100">{chunks}</span>,
              chip: () => <PartitionChip partition={p.single!} testId="predicted-partition" />,
            })}
          </>
        )}
        {p.reason === 'keys' && <>{t('keys', { n: '{n}' })}</>}
        {p.reason === 'round-robin' && <>{t('roundRobin')}</>}
      </p>
      <div className="flex items-end gap-1.5" aria-label={t('spread')}>
        {p.spread.map((n, i) => (
          <div key={i} className="flex w-9 flex-col items-center gap-1">
            <span className="tabular-nums text-zinc-300">{n}</span>
            <div
              className={`w-full rounded-sm ${n > 0 ? partitionColor(i) : 'bg-zinc-800'}`}
              style={{ height: `${4 + (n / max) * 36}px` }}
            />
            <span className="font-mono text-[10px] text-zinc-400">P{i}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
