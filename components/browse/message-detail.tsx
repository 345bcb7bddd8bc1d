'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { BrowseMessage, DecodedData } from '@/lib/contract/browse';
import type { ViewMode } from '@/lib/browse-bytes';
import { ActionMessage } from '@/components/ui/action-message';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { useFormat } from '@/components/ui/format';
import { PartitionChip } from '@/components/ui/partition-chip';
import { MessageActions } from './message-actions';
import { formatTime } from './message-summary';
import { useFullMessage } from './use-full-message';
import { ModePicker, ValueView } from './value-view';

const anyTruncated = (m: BrowseMessage) =>
  [m.key, m.value, ...m.headers.map((h) => h.value)].some((d) => d?.truncated === true);

function Small({ data }: { data: DecodedData | null }) {
  if (data === null) return <span className="text-zinc-400">null</span>;
  return <ValueView data={data} mode={data.encoding === 'json' ? 'text' : 'auto'} />;
}

/** One message in full: where it is, when, key, headers and value, with its decoding chosen. */
export function MessageDetail({ topic, message: found }: { topic: string; message: BrowseMessage }) {
  const t = useTranslations('browse.detail');
  const c = useTranslations('common');
  const fmt = useFormat();
  const full = useFullMessage(topic, found);
  const m = full.message;
  const [mode, setMode] = useState<ViewMode>('auto');
  return (
    <div className="min-w-0 space-y-3" data-testid="browse-detail">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <PartitionChip partition={m.partition} />
        <span className="font-mono text-zinc-100">{t('offset', { offset: m.offset })}</span>
        {m.control && <Badge tone="info">{t('marker', { type: m.control.type })}</Badge>}
        {!m.control && m.value === null && <Badge tone="warn">{t('tombstone')}</Badge>}
      </div>
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
        <dt className="text-zinc-400">{t('time')}</dt>
        <dd className="tabular-nums text-zinc-200">
          {formatTime(m.timestamp)} <span className="text-zinc-400">({m.timestampType})</span>
        </dd>
        <dt className="text-zinc-400">{t('size')}</dt>
        <dd className="text-zinc-200">{t('sizeNote', { size: fmt.bytes(m.size) })}</dd>
        <dt className="text-zinc-400">{t('key')}</dt>
        <dd className="min-w-0">
          <Small data={m.key} />
        </dd>
      </dl>
      <MessageActions topic={topic} message={m} />
      {m.headers.length > 0 && (
        <div className="overflow-x-auto">
          <table className="text-left text-xs">
            <caption className="pb-1 text-left text-[11px] font-medium uppercase tracking-wider text-zinc-400">
              {t('headers')}
            </caption>
            <tbody>
              {m.headers.map((h, i) => (
                <tr key={i} className="border-t border-zinc-800/70 align-top">
                  <th scope="row" className="py-1 pr-3 font-mono font-normal text-violet-300">
                    {h.key}
                  </th>
                  <td className="py-1">
                    <Small data={h.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-[11px] font-medium uppercase tracking-wider text-zinc-400">{t('value')}</h3>
          {m.value && <ModePicker mode={mode} onChange={setMode} label={t('showAs')} />}
          {anyTruncated(m) && (
            <Button size="sm" onClick={() => void full.load()} disabled={full.loading} data-testid="browse-load-full">
              {full.loading ? c('loading') : t('loadFull', { size: fmt.bytes(m.value?.size ?? m.size) })}
            </Button>
          )}
        </div>
        {m.value === null ? (
          <p className="text-sm text-zinc-400">{m.control ? t('markerNoValue') : t('tombstoneNoValue')}</p>
        ) : (
          <ValueView data={m.value} mode={mode} testId="browse-value" />
        )}
        <ActionMessage error={full.error} />
      </div>
    </div>
  );
}
