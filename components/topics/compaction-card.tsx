'use client';

import { useTranslations } from 'use-intl';
import { KEY_SAMPLE_CAP } from '@/lib/contract/actions';
import { useAction, useCanAct } from '@/components/ui/use-action';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ActionMessage } from '@/components/ui/action-message';

// The compaction walk-through: count what the log holds now, next to what compaction will
// leave (one record per key). Counting reads the whole topic once, so it runs on a click.

export function CompactionCard({ topic }: { topic: string }) {
  const t = useTranslations('topics.compaction');
  const c = useTranslations('common');
  const canAct = useCanAct();
  const count = useAction('topic:count-keys');
  const r = count.result;
  const waiting = r ? r.records - r.unkeyed - r.distinctKeys : 0;
  return (
    <Card title={t('title')} testId="compaction-card">
      <p className="text-sm text-zinc-300">{t('body')}</p>
      <p className="mt-1 text-xs text-zinc-400">{t('segment')}</p>
      <p className="mt-1 text-xs text-zinc-400" data-testid="compaction-messages-note">
        {t('messagesNote')}
      </p>
      {canAct && (
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button onClick={() => void count.run({ topic })} disabled={count.pending} data-testid="count-keys">
            {count.pending ? t('counting') : t('count')}
          </Button>
          {r && (
            <span className="text-sm text-zinc-200" data-testid="count-keys-summary">
              {c('count.records', { count: r.records })}, {c('count.keys', { count: r.distinctKeys })}
              {r.unkeyed > 0 ? `, ${t('unkeyed', { records: c('count.records', { count: r.unkeyed }) })}` : ''}
              {': '}
              {r.records === 0 ? t('empty') : waiting > 0 ? c('count.olderValues', { count: waiting }) : t('compacted')}
            </span>
          )}
        </div>
      )}
      <ActionMessage error={count.error} testId="count-keys-error" />
      {r && r.latest.length > 0 && (
        <table className="mt-3 w-full text-left text-xs" data-testid="latest-per-key">
          <thead className="text-zinc-400">
            <tr>
              <th className="py-1 pr-3 font-medium">{t('key')}</th>
              <th className="py-1 pr-3 font-medium">{t('latest')}</th>
              <th className="py-1 pr-3 font-medium">{t('partition')}</th>
              <th className="py-1 font-medium">{t('offset')}</th>
            </tr>
          </thead>
          <tbody className="font-mono text-zinc-200">
            {r.latest.map((l) => (
              <tr key={l.key} className="border-t border-zinc-800">
                <td className="py-1 pr-3">{l.key}</td>
                <td className="max-w-md truncate py-1 pr-3">
                  {l.value === null ? <span className="text-zinc-400">{t('tombstone')}</span> : l.value}
                </td>
                <td className="py-1 pr-3 tabular-nums">{l.partition}</td>
                <td className="py-1 tabular-nums">{l.offset}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r && r.distinctKeys > r.latest.length && (
        <p className="mt-1 text-xs text-zinc-400">{t('firstKeys', { count: KEY_SAMPLE_CAP })}</p>
      )}
    </Card>
  );
}
