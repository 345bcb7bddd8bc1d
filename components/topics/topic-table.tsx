'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { TopicSummary } from '@/lib/derive';
import { Badge } from '@/components/ui/badge';
import { useFormat } from '@/components/ui/format';
import { useVirtualRows } from '@/components/ui/use-virtual-rows';
import { SpacerRow } from '@/components/ui/spacer-row';

const COLUMNS = 6;

export function TopicTable({ rows, testId }: { rows: TopicSummary[]; testId: string }) {
  const t = useTranslations('topics');
  const fmt = useFormat();
  const { body, items, measure, padTop, padBottom } = useVirtualRows(rows.length);
  return (
    <table className="w-full text-left text-xs" data-testid={testId} aria-rowcount={rows.length + 1}>
      <thead className="text-zinc-400">
        <tr className="border-b border-zinc-800">
          <th className="py-2 font-medium">{t('col.topic')}</th>
          <th className="text-right font-medium">{t('col.partitions')}</th>
          <th className="text-right font-medium">{t('col.replication')}</th>
          <th className="text-right font-medium">{t('col.messages')}</th>
          <th className="pl-4 font-medium">{t('col.cleanup')}</th>
          <th className="font-medium">{t('col.health')}</th>
        </tr>
      </thead>
      <tbody className="tabular-nums" ref={body}>
        <SpacerRow height={padTop} columns={COLUMNS} />
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <tr
              key={row.name}
              ref={measure}
              data-index={item.index}
              aria-rowindex={item.index + 2}
              data-testid={`topic-row-${row.name}`}
              className="border-b border-zinc-800/60 hover:bg-zinc-900"
            >
              <td className="py-1.5">
                <Link
                  href={`/topics/${encodeURIComponent(row.name)}`}
                  className="font-mono text-zinc-100 hover:text-violet-300 hover:underline"
                >
                  {row.name}
                </Link>
              </td>
              <td className="text-right">{row.partitions}</td>
              <td className="text-right">{row.replicationFactor}</td>
              <td className="text-right">{fmt.count(row.messages)}</td>
              <td className="pl-4 text-zinc-400">{row.cleanupPolicy ?? '—'}</td>
              <td className="space-x-1">
                {row.offline > 0 && <Badge tone="bad">{t('badge.offline', { count: row.offline })}</Badge>}
                {row.underReplicated > 0 && (
                  <Badge tone="warn">{t('badge.underReplicated', { count: row.underReplicated })}</Badge>
                )}
                {row.offline === 0 && row.underReplicated === 0 && <Badge tone="good">{t('badge.healthy')}</Badge>}
              </td>
            </tr>
          );
        })}
        <SpacerRow height={padBottom} columns={COLUMNS} />
      </tbody>
    </table>
  );
}
