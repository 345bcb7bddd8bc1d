'use client';

import { useTranslations } from 'use-intl';
import type { OffsetsLogState } from '@/lib/contract/groups';
import { useFormat } from '@/components/ui/format';

/** Group data is complete only once __consumer_offsets has been read to its end. */
export function OffsetsLogNotice({ offsetsLog }: { offsetsLog: OffsetsLogState | null }) {
  const t = useTranslations('groups.offsetsLog');
  const fmt = useFormat();
  if (!offsetsLog || offsetsLog.status === 'live') return null;
  const text =
    offsetsLog.status === 'unavailable'
      ? t('unavailable', { error: offsetsLog.lastError ?? t('notAnswering') })
      : t('reading', { count: fmt.count(offsetsLog.recordsRead) });
  return (
    <p
      data-testid="offsets-log-notice"
      data-status={offsetsLog.status}
      className={`rounded border px-3 py-2 text-xs ${offsetsLog.status === 'unavailable' ? 'border-rose-900 bg-rose-950/40 text-rose-300' : 'border-amber-900 bg-amber-950/30 text-amber-300'}`}
    >
      {text}
    </p>
  );
}
