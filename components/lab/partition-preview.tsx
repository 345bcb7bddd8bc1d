'use client';

import { previewProduce } from '@/lib/produce-preview';
import { PartitionChip, partitionColor } from '@/components/ui/partition-chip';

/** Where the messages will land, before sending, and the one-line why. */
export function PartitionPreview({ keyText, partition, count, partitions }: { keyText: string | null; partition: number | null; count: number; partitions: number }) {
  if (partitions < 1) return null;
  const p = previewProduce(keyText, partition, Math.max(1, count), partitions);
  const max = Math.max(1, ...p.spread);
  return (
    <div className="rounded border border-zinc-800 bg-zinc-950/60 p-3 text-xs text-zinc-400" data-testid="partition-preview" data-predicted={p.single ?? ''}>
      <p className="mb-2 text-zinc-300">
        {p.reason === 'explicit' && (
          <>
            Goes to <PartitionChip partition={p.single!} testId="predicted-partition" /> because you picked the partition.
          </>
        )}
        {p.reason === 'key' && (
          <>
            Key <span className="font-mono text-zinc-100">{keyText}</span> lands in <PartitionChip partition={p.single!} testId="predicted-partition" /> (murmur2 of the key, mod {partitions}). Every message with
            this key goes there, so they keep their order.
          </>
        )}
        {p.reason === 'keys' && <>Each message gets its own key ({'{n}'} = its number): each key picks its partition by murmur2, so the messages spread, and each key&apos;s messages stay in order.</>}
        {p.reason === 'round-robin' && <>No key: messages are spread round-robin over the partitions. Order is kept only within each partition, not across them.</>}
      </p>
      <div className="flex items-end gap-1.5" aria-label="expected spread">
        {p.spread.map((n, i) => (
          <div key={i} className="flex w-9 flex-col items-center gap-1">
            <span className="tabular-nums text-zinc-300">{n}</span>
            <div className={`w-full rounded-sm ${n > 0 ? partitionColor(i) : 'bg-zinc-800'}`} style={{ height: `${4 + (n / max) * 36}px` }} />
            <span className="font-mono text-[10px] text-zinc-500">P{i}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
