// Transactions and producers (GET /api/transactions and the transactions page).

/** One transactional id, as its coordinator describes it (ListTransactions + DescribeTransactions). */
export interface TransactionRow {
  transactionalId: string;
  /** Kafka's words: Empty, Ongoing, PrepareCommit, PrepareAbort, CompleteCommit, CompleteAbort, Dead, PrepareEpochFence. */
  state: string;
  producerId: number;
  producerEpoch: number | null;
  timeoutMs: number | null;
  /** When the open transaction started (ms); null when none is open. */
  startedAt: number | null;
  partitions: { topic: string; partition: number }[];
  /** Broker coordinating the id. */
  coordinator: number;
}

/** Why an open transaction is listed: open past its own timeout or the finder's threshold, or
 *  hanging (as `kafka-transactions.sh find-hanging` decides: its coordinator no longer knows it). */
export type OpenTransactionKind = 'open' | 'long-open' | 'hanging';

/** A transaction open on one partition, as the partition leader holds it (DescribeProducers). */
export interface OpenTransaction {
  topic: string;
  partition: number;
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  /** First offset of the open transaction: read_committed consumers stop here. */
  startOffset: number;
  /** Last write of the producer (ms); the age counts from it, as Kafka's tool does. */
  lastTimestamp: number;
  openMs: number;
  transactionalId: string | null;
  kind: OpenTransactionKind;
  lastStable: number | null;
  high: number | null;
  /** Groups with a commit at the partition's last stable offset: read_committed consumers it holds back. */
  blockedGroups: string[];
}

export interface TransactionsResponse {
  transactions: TransactionRow[];
  open: OpenTransaction[];
  /** Open for longer than this is "long-open" (the `olderThanMs` query, default 60 s). */
  longOpenMs: number;
  /** Open longer than this, with no coordinator state for the partition, is hanging (15 min). */
  hangingMs: number;
  readAt: number;
  /** Brokers or partitions that could not be read, in words. */
  errors: string[];
}
