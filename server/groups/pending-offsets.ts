import type { OffsetsRecord } from '@/server/kafka/protocol';

// Transactional offset commits as the group coordinator applies them (apache/kafka
// group-coordinator OffsetMetadataManager: replay and replayEndTransactionMarker). An offset
// written in a producer's transaction (`sendOffsetsToTransaction`) waits, per producer id, until
// that producer's marker in the same __consumer_offsets partition: COMMIT applies it, ABORT drops
// it. Plain commits apply at once. A pending offset loses to a plain commit written after it in
// the log, whichever comes to be applied last, so replaying the log from its start (where
// compaction may have removed records) ends in the state the coordinator holds.

export type AppliedRecord = Exclude<OffsetsRecord, { kind: 'skipped' }>;
type OffsetRecord = Extract<AppliedRecord, { kind: 'offset' }>;

/** Where a record sits in __consumer_offsets and what the reader knows of it. */
export interface LogPlace {
  partition: number;
  offset: number;
  timestamp: number;
  live: boolean;
}

export interface Applied<M extends LogPlace> {
  record: AppliedRecord;
  meta: M;
}

/** The batch a record came in: its producer (-1: none) and whether it is transactional. */
export interface Origin {
  producerId: number;
  inTransaction: boolean;
}

const keyOf = (r: OffsetRecord): string => `${r.group}\u0000${r.topic}\u0000${r.partition}`;
const txnOf = (logPartition: number, producerId: number): string => `${logPartition}:${producerId}`;

export class PendingOffsets<M extends LogPlace> {
  /** Log partition and producer id -> the offsets its open transaction wrote, by group/topic/partition. */
  private readonly open = new Map<string, Map<string, Applied<M>>>();
  /** Log offset of the record each applied offset came from: the newer record wins. */
  private readonly appliedFrom = new Map<string, number>();

  /** A data record of __consumer_offsets: what applies now (nothing while it waits on a marker). */
  record(record: AppliedRecord, meta: M, origin: Origin): Applied<M>[] {
    if (record.kind !== 'offset') return [{ record, meta }];
    const key = keyOf(record);
    if (record.value === null) {
      // A tombstone deletes the offset and what open transactions hold for it.
      this.appliedFrom.delete(key);
      for (const [txn, offsets] of this.open) {
        offsets.delete(key);
        if (offsets.size === 0) this.open.delete(txn);
      }
      return [{ record, meta }];
    }
    if (origin.inTransaction && origin.producerId >= 0) {
      const txn = txnOf(meta.partition, origin.producerId);
      const offsets = this.open.get(txn) ?? new Map<string, Applied<M>>();
      offsets.set(key, { record, meta });
      this.open.set(txn, offsets);
      return [];
    }
    this.appliedFrom.set(key, meta.offset);
    return [{ record, meta }];
  }

  /** A COMMIT or ABORT marker of `producerId` in the log partition `meta.partition`. */
  marker(producerId: number, result: 'commit' | 'abort', meta: M): Applied<M>[] {
    const txn = txnOf(meta.partition, producerId);
    const offsets = this.open.get(txn);
    this.open.delete(txn);
    if (!offsets || result === 'abort') return [];
    const out: Applied<M>[] = [];
    for (const [key, pending] of offsets) {
      const applied = this.appliedFrom.get(key);
      if (applied !== undefined && applied > pending.meta.offset) continue;
      this.appliedFrom.set(key, pending.meta.offset);
      // Visible from now on: a replayed transaction committed after the replay caught up is live.
      out.push({ record: pending.record, meta: { ...pending.meta, live: meta.live } });
    }
    return out;
  }

  /** Producers with a transaction open in a log partition: for the reader's status. */
  openTransactions(): { partition: number; producerId: number; offsets: number }[] {
    return [...this.open].map(([txn, offsets]) => {
      const [partition, producerId] = txn.split(':').map(Number);
      return { partition, producerId, offsets: offsets.size };
    });
  }
}
