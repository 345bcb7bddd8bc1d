import type { TransactionsResponse } from '@/lib/contract/transactions';

// What /metrics says of transactions, from one read of the transactions view: how many are open,
// how old the oldest is, and which partitions hang. Computed here so the page and the metrics
// cannot count differently.

/** Coordinator states in which a transaction is open (not yet completed). */
const OPEN_STATES = new Set(['Ongoing', 'PrepareCommit', 'PrepareAbort', 'PrepareEpochFence']);

export interface TransactionFigures {
  /** Distinct producers with a transaction open: on a partition leader, or at its coordinator. */
  open: number;
  /** Age of the oldest open one (s): from its coordinator start time, else its last write on the
   *  partition (as Kafka's tool counts); 0 with none open. */
  oldestOpenSeconds: number;
  /** Partitions holding a hanging transaction (no marker will ever come). */
  hanging: { topic: string; partition: number; producerId: number }[];
}

/** null when the read was partial: a missing broker could hold the oldest or a hanging one, and
 *  a guessed 0 would resolve an alert that should fire. */
export function transactionFigures(read: TransactionsResponse, now: number): TransactionFigures | null {
  if (read.errors.length > 0) return null;
  const ages = new Map<number, number>();
  const older = (producerId: number, ms: number) => ages.set(producerId, Math.max(ages.get(producerId) ?? 0, ms));
  for (const t of read.transactions)
    if (OPEN_STATES.has(t.state)) older(t.producerId, t.startedAt === null ? 0 : Math.max(0, now - t.startedAt));
  for (const o of read.open) older(o.producerId, o.openMs);
  return {
    open: ages.size,
    oldestOpenSeconds: ages.size ? Math.max(...ages.values()) / 1000 : 0,
    hanging: read.open
      .filter((o) => o.kind === 'hanging')
      .map((o) => ({ topic: o.topic, partition: o.partition, producerId: o.producerId })),
  };
}
