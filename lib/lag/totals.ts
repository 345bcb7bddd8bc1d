import type { PartitionLag } from '@/lib/contract/groups';
import { lagTotal } from './arithmetic';

// Lag sums, computed here once for the server (summaries, topic views, history, metrics) and
// the browser (per-topic totals): two copies of a sum drift. Per-partition lag comes from
// ./arithmetic.ts (lagFigures); this only adds rows up.

type LagRow = Pick<PartitionLag, 'lag' | 'lagUnknown' | 'lagAtLeast' | 'expiredUnread'>;

const figures = (rows: readonly LagRow[]) =>
  lagTotal(
    rows.map((r) => ({
      lag: r.lag,
      unknown: r.lagUnknown,
      atLeast: r.lagAtLeast,
      expiredUnread: r.expiredUnread,
      shownCommitted: null,
      endStale: false,
      beyondEnd: false,
      mayIncludeExpired: false,
    })),
  );

/** Sum of the lags; null when no row has one, or when a committed row's lag is not yet known
 *  (a partial sum would read lower than the truth). */
export function totalLag(rows: readonly LagRow[]): number | null {
  const t = figures(rows);
  return t.complete ? t.total : null;
}

/** Messages retention deleted before the group read them, over the rows. */
export const totalExpiredUnread = (rows: readonly LagRow[]): number => figures(rows).expiredUnread;

export interface TopicLag {
  topic: string;
  partitions: number;
  lag: number | null;
  uncommitted: number;
}

/** Per topic, in the order topics first appear: partitions, total lag, partitions with nothing
 *  committed. */
export function lagByTopic(offsets: PartitionLag[]): TopicLag[] {
  const byTopic = new Map<string, PartitionLag[]>();
  for (const o of offsets) {
    const rows = byTopic.get(o.topic);
    if (rows) rows.push(o);
    else byTopic.set(o.topic, [o]);
  }
  return [...byTopic].map(([topic, rows]) => ({
    topic,
    partitions: rows.length,
    lag: totalLag(rows),
    uncommitted: rows.filter((o) => o.committed === null).length,
  }));
}
