'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { TailMessage } from '@/lib/contract/actions';
import { TAIL_CAP } from '@/lib/contract/actions';
import { useLiveStore } from '@/lib/store';
import { useWatch } from '@/lib/store/use-live-bridge';
import { viewOf } from '@/lib/store/watch-slice';
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

/** The replay buttons are one Tab stop: Tab enters the list at the last used row, the arrow
 *  keys (and Home, End) move between rows, so 200 rows do not trap the keyboard. */
function useRovingReplay(rows: number) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, Math.max(0, rows - 1));
  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: rows - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(rows - 1, moves[e.key]));
    setActive(next);
    body.current?.querySelectorAll<HTMLButtonElement>('button[data-replay]')[next]?.focus();
  };
  return { current, setActive, body, onKeyDown };
}

/** The newest messages of a topic as they arrive, newest on top. Read with plain fetches:
 *  the tail joins no group and moves nobody's offsets. */
export function TailPanel({ topic }: { topic: string }) {
  const t = useTranslations('lab.tail');
  const format = useFormatter();
  useWatch(topic ? { kind: 'tail', topic } : null);
  const live = useLiveStore((s) => (topic ? viewOf(s, { kind: 'tail', topic })?.messages : undefined) ?? NO_MESSAGES);
  const replay = useLiveStore((s) => s.setProduceDraft);
  const canAct = useCanAct();
  // Paused: the view holds still while messages keep arriving underneath.
  const [frozen, setFrozen] = useState<TailMessage[] | null>(null);
  const shown = useMemo(() => [...(frozen ?? live)].reverse(), [frozen, live]);
  const newSince = frozen
    ? live.filter((m) => !frozen.some((f) => f.partition === m.partition && f.offset === m.offset)).length
    : 0;
  const roving = useRovingReplay(shown.length);

  return (
    <div data-testid="tail-panel">
      <div className="mb-2 flex items-center gap-3 text-xs text-zinc-400">
        <Button size="sm" onClick={() => setFrozen(frozen ? null : live)} data-testid="tail-pause">
          {frozen ? t('resume') : t('pause')}
        </Button>
        <span>{frozen ? t('paused', { count: newSince }) : t('live')}</span>
        <span className="ml-auto">{t('kept', { cap: TAIL_CAP })}</span>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-400">{t('empty')}</p>
      ) : (
        <div className="max-h-[480px] overflow-y-auto">
          <table className="w-full table-fixed text-left text-xs">
            <thead className="sticky top-0 bg-zinc-900 text-zinc-400">
              <tr>
                <th className="w-16 py-1">{t('time')}</th>
                <th className="w-24 whitespace-nowrap">{t('partOffset')}</th>
                <th className="w-28">{t('key')}</th>
                <th>{t('value')}</th>
                <th className="w-16">
                  <span className="sr-only">{t('replayColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody ref={roving.body} onKeyDown={roving.onKeyDown}>
              {shown.map((m, index) => (
                <tr
                  key={`${m.partition}:${m.offset}`}
                  className="border-t border-zinc-800/70 align-top"
                  data-testid={`tail-row-${m.partition}-${m.offset}`}
                >
                  <td className="py-1 tabular-nums text-zinc-400">
                    {format.dateTime(m.timestamp, {
                      hour: '2-digit',
                      minute: '2-digit',
                      second: '2-digit',
                      hour12: false,
                    })}
                  </td>
                  <td className="whitespace-nowrap">
                    <PartitionChip partition={m.partition} />{' '}
                    <span className="font-mono text-zinc-400">{m.offset}</span>
                  </td>
                  <td className="truncate font-mono text-zinc-200" title={m.key ?? ''}>
                    {m.key ?? <span className="text-zinc-400">null</span>}
                  </td>
                  <td className="truncate font-mono text-zinc-300" title={m.value ?? ''}>
                    {m.value ?? <span className="text-zinc-400">{t('tombstone')}</span>}
                    {m.truncated && <span className="text-zinc-400"> …</span>}
                    {m.headers.length > 0 && (
                      <span className="ml-2 text-zinc-400">
                        [{m.headers.map((h) => `${h.key}=${h.value}`).join(', ')}]
                      </span>
                    )}
                  </td>
                  <td className="text-right">
                    {canAct && (
                      <Button
                        size="sm"
                        title={t('replayTitle')}
                        data-replay=""
                        tabIndex={index === roving.current ? 0 : -1}
                        onFocus={() => roving.setActive(index)}
                        onClick={() =>
                          replay({
                            key: m.key,
                            value: m.value ?? '',
                            tombstone: m.value === null,
                            format: isJson(m.value) ? 'json' : 'text',
                            headers: m.headers,
                          })
                        }
                      >
                        {t('replay')}
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
