'use client';

import { KEY_SAMPLE_CAP } from '@/lib/contract/actions';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ActionMessage } from '@/components/ui/action-message';
import { formatCount } from '@/components/ui/format';

// The compaction walk-through: count what the log holds now, next to what compaction will
// leave (one record per key). Counting reads the whole topic once, so it runs on a click.

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

export function CompactionCard({ topic }: { topic: string }) {
  const canAct = useCanAct();
  const count = useAction('topic:count-keys');
  const r = count.result;
  const waiting = r ? r.records - r.unkeyed - r.distinctKeys : 0;
  return (
    <Card title="Log compaction" testId="compaction-card">
      <p className="text-sm text-zinc-300">
        A compacted topic keeps at least the latest value for every key: the log cleaner drops older values of a key in the background, and a record with a null value (a tombstone) later removes the key.
      </p>
      <p className="mt-1 text-xs text-zinc-500">
        The active segment is never cleaned: older values stay until the segment rolls (after segment.ms or segment.bytes) and the dirty share of the log passes min.cleanable.dirty.ratio.
      </p>
      {canAct && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button onClick={() => void count.run({ topic })} disabled={count.pending} data-testid="count-keys">
            {count.pending ? 'Counting…' : 'Count records and keys'}
          </Button>
          {r && (
            <span className="text-sm text-zinc-200" data-testid="count-keys-summary">
              {plural(r.records, 'record')}, {plural(r.distinctKeys, 'distinct key')}
              {r.unkeyed > 0 ? `, ${plural(r.unkeyed, 'record')} without a key` : ''}
              {r.records === 0 ? ': the topic is empty' : waiting > 0 ? `: ${plural(waiting, 'older value')} wait for the cleaner` : ': one record per key, fully compacted'}
            </span>
          )}
        </div>
      )}
      <ActionMessage error={count.error} testId="count-keys-error" />
      {r && r.latest.length > 0 && (
        <table className="mt-3 w-full text-left text-xs" data-testid="latest-per-key">
          <thead className="text-zinc-500">
            <tr>
              <th className="py-1 pr-3 font-medium">Key</th>
              <th className="py-1 pr-3 font-medium">Latest value</th>
              <th className="py-1 pr-3 font-medium">Partition</th>
              <th className="py-1 font-medium">Offset</th>
            </tr>
          </thead>
          <tbody className="font-mono text-zinc-200">
            {r.latest.map((l) => (
              <tr key={l.key} className="border-t border-zinc-800">
                <td className="py-1 pr-3">{l.key}</td>
                <td className="max-w-md truncate py-1 pr-3">{l.value === null ? <span className="text-zinc-500">tombstone</span> : l.value}</td>
                <td className="py-1 pr-3 tabular-nums">{l.partition}</td>
                <td className="py-1 tabular-nums">{l.offset}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r && r.distinctKeys > r.latest.length && <p className="mt-1 text-xs text-zinc-500">First {KEY_SAMPLE_CAP} keys shown, by name.</p>}
    </Card>
  );
}
