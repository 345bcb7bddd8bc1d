import type { OpenTransactionKind, TransactionRow } from '@/lib/contract/transactions';

// Which open transactions to worry about. Hanging follows Kafka's TransactionsCommand
// find-hanging: open longer than the brokers' transaction.max.timeout.ms (15 min by default),
// and the coordinator does not know the producer, or its current transaction does not include
// the partition (so no marker will ever come). Long-open: open longer than the transaction's
// own timeout or the asked threshold, whichever is shorter: still known, but holding consumers.

export const HANGING_AFTER_MS = 15 * 60_000;

export function classifyOpen(
  open: { topic: string; partition: number; producerId: number; openMs: number },
  byProducer: ReadonlyMap<number, TransactionRow>,
  longOpenMs: number,
  hangingMs = HANGING_AFTER_MS,
): OpenTransactionKind {
  const row = byProducer.get(open.producerId);
  const included = row?.partitions.some((p) => p.topic === open.topic && p.partition === open.partition) ?? false;
  if (open.openMs > hangingMs && !included) return 'hanging';
  const limit = Math.min(longOpenMs, row?.timeoutMs ?? longOpenMs);
  return open.openMs > limit ? 'long-open' : 'open';
}

/** Groups a transaction holds back: committed exactly at the partition's last stable offset,
 *  with records after it. */
export function blockedGroups(
  commits: Iterable<{ groupId: string; committed: number }>,
  lastStable: number | null,
  high: number | null,
): string[] {
  if (lastStable === null || high === null || lastStable >= high) return [];
  const out = new Set<string>();
  for (const c of commits) if (c.committed === lastStable) out.add(c.groupId);
  return [...out].sort();
}
