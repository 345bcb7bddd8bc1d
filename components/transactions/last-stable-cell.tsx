'use client';

import type { Partition } from '@/lib/contract/cluster';
import { useTranslations } from 'use-intl';
import { useFormat } from '@/components/ui/format';

// The last stable offset beside the high watermark: below it, an open transaction holds every
// read_committed consumer of the partition back.

export function LastStableCell({ partition: p }: { partition: Partition }) {
  const t = useTranslations('transactions');
  const { count: formatCount } = useFormat();
  const held = p.lastStable !== null && p.high !== null && p.lastStable < p.high;
  return (
    <td
      className={held ? 'text-right text-amber-300' : 'text-right'}
      data-testid={`partition-lso-${p.partition}`}
      title={held ? t('lsoHeld', { offset: formatCount(p.lastStable) }) : undefined}
    >
      {formatCount(p.lastStable)}
    </td>
  );
}
