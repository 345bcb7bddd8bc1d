import type { BatchRecord } from '@/server/kafka/protocol';

// read_committed without a consumer: Kafka's Fetch answer under READ_COMMITTED still carries
// the records of aborted transactions, plus the list of those transactions (producer id and
// first offset). A consumer leaves out a producer's transactional records from that first
// offset up to the producer's ABORT marker; this does the same. Markers stay (the runner hides
// them unless asked), and records of other producers and committed transactions stay.

export interface AbortedTransaction {
  producerId: number;
  firstOffset: number;
}

/** What it takes of a record: where it is, whose it is, and whether it is a marker. */
export type TransactionalRecord = Pick<BatchRecord, 'offset' | 'key' | 'control' | 'producerId' | 'inTransaction'>;

/** A control record's key: int16 version, int16 type (0 abort). */
const isAbortMarker = (m: TransactionalRecord) =>
  m.control && m.key !== null && m.key.length >= 4 && m.key.readInt16BE(2) === 0;

/** A filter that keeps what a read_committed consumer would, for records given in offset
 *  order; null when nothing was aborted (keep all). */
export function abortedFilter(aborted: readonly AbortedTransaction[]): ((m: TransactionalRecord) => boolean) | null {
  if (aborted.length === 0) return null;
  const upcoming = [...aborted].sort((a, b) => a.firstOffset - b.firstOffset);
  const open = new Set<number>();
  return (m) => {
    while (upcoming.length > 0 && upcoming[0].firstOffset <= m.offset) open.add(upcoming.shift()!.producerId);
    if (isAbortMarker(m)) {
      open.delete(m.producerId);
      return true;
    }
    return !(open.has(m.producerId) && m.inTransaction);
  };
}

export function dropAborted<T extends TransactionalRecord>(
  messages: readonly T[],
  aborted: readonly AbortedTransaction[],
): T[] {
  const keep = abortedFilter(aborted);
  return keep ? messages.filter(keep) : [...messages];
}
