import { brokerOf, refreshMetadataOnce } from '@/server/kafka/connections';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { fetchRequest, IsolationLevel, batchesEnd, readRecords, send as sendRequest } from '@/server/kafka/protocol';
import { abortedFilter, type TransactionalRecord } from './aborted';
import type { FetchBatch, FetchedBatch } from './scan';

// The scan's reads from Kafka: plain Fetch requests to each partition's leader, so a search
// never joins a group and commits nothing. The runner asks per partition; requests for the
// same leader wait while one Fetch is in flight and then go together in the next one, so a
// broker has one search request at a time from this scan and several partitions share it.
// Fetch is encoded and its record batches read here (server/kafka/protocol), not by kafkajs:
// its per-record decoding was most of a search's time.

interface Pending {
  partition: number;
  offset: number;
  maxBytes: number;
  resolve: (batch: FetchedBatch) => void;
  reject: (e: unknown) => void;
}

/** `complete`: the answer held at least one whole record batch (the records may still all be
 *  dropped, as aborted). */
type Answered = FetchedBatch & { complete?: boolean };

function* kept<T extends TransactionalRecord>(records: Iterable<T>, keep: (r: T) => boolean): Generator<T> {
  for (const r of records) if (keep(r)) yield r;
}

export interface FetchTarget {
  connections: KafkaConnections;
  topic: string;
  readCommitted: boolean;
  /** The partition's leader now; `refresh` reads the topic's leaders again. */
  leaderOf(partition: number): number;
  refresh(): Promise<void>;
  /** The log start now: where to go on when retention moved past the position. */
  logStart(partition: number): Promise<number>;
}

/** Kafka's error codes a scan acts on, by the names kafkajs gives them. */
const ERROR_TYPES: Record<number, string> = {
  1: 'OFFSET_OUT_OF_RANGE',
  3: 'UNKNOWN_TOPIC_OR_PARTITION',
  5: 'LEADER_NOT_AVAILABLE',
  6: 'NOT_LEADER_FOR_PARTITION',
  74: 'FENCED_LEADER_EPOCH',
  75: 'UNKNOWN_LEADER_EPOCH',
};
const LEADER_MOVED = new Set(['NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE', 'FENCED_LEADER_EPOCH']);

/** One partition's error in a Fetch answer. */
export class PartitionFetchError extends Error {
  readonly type: string;
  constructor(
    readonly partition: number,
    readonly code: number,
  ) {
    const type = ERROR_TYPES[code] ?? `KAFKA_ERROR_${code}`;
    super(`Kafka answered ${type} for partition ${partition}`);
    this.name = 'PartitionFetchError';
    this.type = type;
  }
}

const kafkaErrorType = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'type' in e ? String((e as { type: unknown }).type) : undefined;

export function createFetchBatch(target: FetchTarget): FetchBatch {
  const waiting = new Map<number, Pending[]>();
  const busy = new Set<number>();

  const flush = (leader: number) => {
    const batch = waiting.get(leader);
    if (busy.has(leader) || !batch || batch.length === 0) return;
    waiting.delete(leader);
    busy.add(leader);
    void send(leader, batch).finally(() => {
      busy.delete(leader);
      flush(leader);
    });
  };

  const send = async (leader: number, batch: Pending[]) => {
    try {
      const answers = await fetchOnce(leader, batch);
      const empty: Pending[] = [];
      const failed: [Pending, PartitionFetchError][] = [];
      for (const p of batch) {
        const got = answers.get(p.partition);
        if (got instanceof PartitionFetchError) failed.push([p, got]);
        else if (got?.complete) p.resolve(got);
        else empty.push(p);
      }
      const retries: Promise<void>[] = failed.map(([p, e]) => recover(p, e));
      // An empty partition in a shared answer may only mean the answer was full (Kafka fills
      // maxBytes partition by partition); alone, an empty answer means its end.
      if (batch.length === 1 || empty.length === batch.length)
        for (const p of empty) {
          const got = answers.get(p.partition);
          p.resolve(got && !(got instanceof PartitionFetchError) ? got : { records: [], next: p.offset });
        }
      else retries.push(...empty.map((p) => send(leader, [p])));
      await Promise.all(retries);
    } catch (e) {
      // The request failed whole (the connection, a broker gone): ask each alone to see whose.
      if (batch.length > 1) await Promise.all(batch.map((p) => send(leader, [p])));
      else await recover(batch[0], e);
    }
  };

  const recover = async (p: Pending, e: unknown) => {
    try {
      const type = kafkaErrorType(e);
      if (type === 'OFFSET_OUT_OF_RANGE') {
        const start = await target.logStart(p.partition);
        if (start > p.offset) return p.resolve({ records: [], next: start });
      } else if (type !== undefined && LEADER_MOVED.has(type)) {
        await target.refresh();
        await refreshMetadataOnce(target.connections);
        const again = (await fetchOnce(target.leaderOf(p.partition), [p])).get(p.partition);
        if (again instanceof PartitionFetchError) return p.reject(again);
        return p.resolve(again ?? { records: [], next: p.offset });
      }
      p.reject(e);
    } catch (again) {
      p.reject(again);
    }
  };

  const fetchOnce = async (leader: number, batch: Pending[]): Promise<Map<number, Answered | PartitionFetchError>> => {
    const broker = await brokerOf(target.connections, leader);
    const answer = await sendRequest(broker, fetchRequest, {
      topic: target.topic,
      partitions: batch,
      isolationLevel: target.readCommitted ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED,
      // Data is there (the range ends at the log end): no reason to wait for more.
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: batch.reduce((n, p) => n + p.maxBytes, 0),
    });
    const out = new Map<number, Answered | PartitionFetchError>();
    for (const raw of answer) {
      const asked = batch.find((p) => p.partition === raw.partition);
      if (!asked) continue;
      if (raw.errorCode !== 0) {
        out.set(raw.partition, new PartitionFetchError(raw.partition, raw.errorCode));
        continue;
      }
      const after = raw.records === null ? null : batchesEnd(raw.records);
      if (raw.records === null || after === null) {
        out.set(raw.partition, { records: [], next: asked.offset });
        continue;
      }
      // Read as the runner goes, one record at a time, straight from the answer's bytes.
      const keep = target.readCommitted ? abortedFilter(raw.abortedTransactions) : null;
      const records = readRecords(raw.records);
      out.set(raw.partition, { records: keep ? kept(records, keep) : records, next: after, complete: true });
    }
    return out;
  };

  return (partition, offset, maxBytes, signal) =>
    new Promise<FetchedBatch>((resolve, reject) => {
      // The runner stops waiting at once on abort; the answer in flight is dropped when it comes.
      if (signal.aborted) return reject(new Error('cancelled'));
      const leader = target.leaderOf(partition);
      if (leader < 0) return reject(new Error(`partition ${partition} of ${target.topic} has no leader right now`));
      const list = waiting.get(leader) ?? [];
      list.push({ partition, offset, maxBytes, resolve, reject });
      waiting.set(leader, list);
      // Next tick: the runner's other partitions ask in the same turn and share the Fetch.
      setImmediate(() => flush(leader));
    });
}
