'use client';

import { useMemo, useState } from 'react';
import type { TailMessage } from '@/lib/contract/actions';
import { TAIL_CAP } from '@/lib/contract/actions';
import { useLiveStore } from '@/lib/store';
import { useTailWatch } from '@/lib/store/use-live-bridge';
import { Button } from '@/components/ui/button';
import { PartitionChip } from '@/components/ui/partition-chip';
import { useCanAct } from '@/components/ui/use-action';

const NO_MESSAGES: TailMessage[] = [];

const isJson = (v: string | null) => {
  if (v === null) return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
};

/** The newest messages of a topic as they arrive, newest on top. Read with plain fetches:
 *  the tail joins no group and moves nobody's offsets. */
export function TailPanel({ topic }: { topic: string }) {
  useTailWatch(topic || null);
  const live = useLiveStore((s) => (s.tail?.topic === topic ? s.tail.messages : NO_MESSAGES));
  const replay = useLiveStore((s) => s.setProduceDraft);
  const canAct = useCanAct();
  // Paused: the view holds still while messages keep arriving underneath.
  const [frozen, setFrozen] = useState<TailMessage[] | null>(null);
  const shown = useMemo(() => [...(frozen ?? live)].reverse(), [frozen, live]);
  const newSince = frozen ? live.filter((m) => !frozen.some((f) => f.partition === m.partition && f.offset === m.offset)).length : 0;

  return (
    <div data-testid="tail-panel">
      <div className="mb-2 flex items-center gap-3 text-xs text-zinc-500">
        <Button size="sm" onClick={() => setFrozen(frozen ? null : live)} data-testid="tail-pause">
          {frozen ? 'Resume' : 'Pause'}
        </Button>
        <span>{frozen ? `paused · ${newSince} new` : 'live'}</span>
        <span className="ml-auto">newest {TAIL_CAP} kept</span>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-500">No messages yet. Send some with the produce panel.</p>
      ) : (
        <div className="max-h-[480px] overflow-y-auto">
          <table className="w-full table-fixed text-left text-xs">
            <thead className="sticky top-0 bg-zinc-900 text-zinc-500">
              <tr>
                <th className="w-16 py-1">time</th>
                <th className="w-24 whitespace-nowrap">part · offset</th>
                <th className="w-28">key</th>
                <th>value</th>
                <th className="w-14" />
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={`${m.partition}:${m.offset}`} className="border-t border-zinc-800/70 align-top" data-testid={`tail-row-${m.partition}-${m.offset}`}>
                  <td className="py-1 tabular-nums text-zinc-500">{new Date(m.timestamp).toLocaleTimeString('en-GB')}</td>
                  <td className="whitespace-nowrap">
                    <PartitionChip partition={m.partition} /> <span className="font-mono text-zinc-400">{m.offset}</span>
                  </td>
                  <td className="truncate font-mono text-zinc-200" title={m.key ?? ''}>
                    {m.key ?? <span className="text-zinc-600">null</span>}
                  </td>
                  <td className="truncate font-mono text-zinc-300" title={m.value ?? ''}>
                    {m.value ?? <span className="text-zinc-600">null (tombstone)</span>}
                    {m.truncated && <span className="text-zinc-500"> …</span>}
                    {m.headers.length > 0 && <span className="ml-2 text-zinc-500">[{m.headers.map((h) => `${h.key}=${h.value}`).join(', ')}]</span>}
                  </td>
                  <td className="text-right">
                    {canAct && (
                      <Button size="sm" title="put this message into the produce panel" onClick={() => replay({ key: m.key, value: m.value ?? '', format: isJson(m.value) ? 'json' : 'text', headers: m.headers })}>
                        replay
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
