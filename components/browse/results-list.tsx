'use client';

import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BrowseMessage } from '@/lib/contract/browse';
import { Badge } from '@/components/ui/badge';
import { useFormat } from '@/components/ui/format';
import { PartitionChip } from '@/components/ui/partition-chip';
import { formatTime, preview } from './message-summary';

// The matches as a listbox: one tab stop, arrows move the selection (aria-activedescendant),
// and only the rows in view are drawn, so 1,000 matches scroll as lightly as ten.

const ROW_PX = 52;
const OVERSCAN = 12;

function Row({ m }: { m: BrowseMessage }) {
  const t = useTranslations('browse');
  const fmt = useFormat();
  return (
    <>
      <div className="flex min-w-0 items-center gap-2 text-xs">
        <PartitionChip partition={m.partition} />
        <span className="font-mono text-zinc-200">{m.offset}</span>
        <span className="hidden tabular-nums text-zinc-400 sm:inline">{formatTime(m.timestamp)}</span>
        {m.control && <Badge tone="info">{t('row.markerType', { type: m.control.type })}</Badge>}
        {!m.control && m.value === null && <Badge tone="warn">{t('detail.tombstone')}</Badge>}
        {m.headers.length > 0 && <span className="text-zinc-400">{t('row.headers', { count: m.headers.length })}</span>}
        <span className="ml-auto shrink-0 tabular-nums text-zinc-400">{fmt.bytes(m.size)}</span>
      </div>
      <div className="mt-0.5 truncate font-mono text-xs">
        <span className="text-violet-300">{m.key === null ? t('row.noKey') : preview(m.key)}</span>
        <span className="text-zinc-400"> · </span>
        <span className="text-zinc-300">{m.value === null ? 'null' : preview(m.value)}</span>
      </div>
    </>
  );
}

export function ResultsList({
  messages,
  selected,
  onSelect,
}: {
  messages: BrowseMessage[];
  selected: number;
  onSelect(index: number): void;
}) {
  const t = useTranslations('browse');
  const scroller = useRef<HTMLDivElement>(null);
  const prefix = useId();
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: OVERSCAN,
  });
  const go = (index: number) => {
    const to = Math.max(0, Math.min(messages.length - 1, index));
    onSelect(to);
    virtualizer.scrollToIndex(to, { align: 'auto' });
  };
  const keys = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_PX) / ROW_PX) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selected + 1,
      ArrowUp: selected - 1,
      PageDown: selected + page,
      PageUp: selected - page,
      Home: 0,
      End: messages.length - 1,
    };
    if (!(e.key in moves) || messages.length === 0) return;
    e.preventDefault();
    go(selected < 0 && e.key === 'ArrowUp' ? 0 : moves[e.key]);
  };
  const active = selected >= 0 && selected < messages.length ? `${prefix}-${selected}` : undefined;
  return (
    <div
      ref={scroller}
      role="listbox"
      tabIndex={0}
      aria-label={t('detail.matching')}
      aria-activedescendant={active}
      onKeyDown={keys}
      onFocus={() => {
        if (selected < 0 && messages.length > 0) onSelect(0);
      }}
      className="h-[min(60vh,560px)] overflow-y-auto overflow-x-hidden rounded border border-zinc-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-violet-500"
      data-testid="browse-results"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const m = messages[item.index];
          const isSelected = item.index === selected;
          return (
            <div
              key={item.key}
              id={`${prefix}-${item.index}`}
              role="option"
              aria-selected={isSelected}
              aria-setsize={messages.length}
              aria-posinset={item.index + 1}
              onClick={() => onSelect(item.index)}
              data-testid={`browse-row-${m.partition}-${m.offset}`}
              className={`absolute left-0 top-0 w-full cursor-pointer border-b border-zinc-800/70 px-3 py-1.5 ${isSelected ? 'bg-violet-950/60' : 'hover:bg-zinc-900'}`}
              style={{ height: ROW_PX, transform: `translateY(${item.start}px)` }}
            >
              <Row m={m} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
