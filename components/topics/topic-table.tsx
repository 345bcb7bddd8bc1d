'use client';

import Link from 'next/link';
import type { TopicSummary } from '@/lib/derive';
import { Badge } from '@/components/ui/badge';
import { formatCount } from '@/components/ui/format';
import { useVirtualRows } from '@/components/ui/use-virtual-rows';
import { SpacerRow } from '@/components/ui/spacer-row';

const COLUMNS = 6;

export function TopicTable({ rows, testId }: { rows: TopicSummary[]; testId: string }) {
  const { body, items, measure, padTop, padBottom } = useVirtualRows(rows.length);
  return (
    <table className="w-full text-left text-xs" data-testid={testId} aria-rowcount={rows.length + 1}>
      <thead className="text-zinc-500">
        <tr className="border-b border-zinc-800">
          <th className="py-2 font-medium">Topic</th>
          <th className="text-right font-medium">Partitions</th>
          <th className="text-right font-medium">Replication</th>
          <th className="text-right font-medium">Messages</th>
          <th className="pl-4 font-medium">Cleanup</th>
          <th className="font-medium">Health</th>
        </tr>
      </thead>
      <tbody className="tabular-nums" ref={body}>
        <SpacerRow height={padTop} columns={COLUMNS} />
        {items.map((item) => {
          const t = rows[item.index];
          return (
            <tr key={t.name} ref={measure} data-index={item.index} aria-rowindex={item.index + 2} data-testid={`topic-row-${t.name}`} className="border-b border-zinc-800/60 hover:bg-zinc-900">
              <td className="py-1.5">
                <Link href={`/topics/${encodeURIComponent(t.name)}`} className="font-mono text-zinc-100 hover:text-violet-300 hover:underline">
                  {t.name}
                </Link>
              </td>
              <td className="text-right">{t.partitions}</td>
              <td className="text-right">{t.replicationFactor}</td>
              <td className="text-right">{formatCount(t.messages)}</td>
              <td className="pl-4 text-zinc-400">{t.cleanupPolicy ?? '—'}</td>
              <td className="space-x-1">
                {t.offline > 0 && <Badge tone="bad">{t.offline} offline</Badge>}
                {t.underReplicated > 0 && <Badge tone="warn">{t.underReplicated} under-replicated</Badge>}
                {t.offline === 0 && t.underReplicated === 0 && <Badge tone="good">healthy</Badge>}
              </td>
            </tr>
          );
        })}
        <SpacerRow height={padBottom} columns={COLUMNS} />
      </tbody>
    </table>
  );
}
