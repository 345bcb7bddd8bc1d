import type { Topic } from '@/lib/contract/cluster';
import type { RecordTime } from '@/lib/lag/lag-seconds';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { createFetchBatch } from '@/server/browse/kafka-fetch';
import type { FetchBatch } from '@/server/browse/scan';
import { RecordTimeCache } from './record-time-cache';

// Timestamps of the oldest unread record of each partition a group is behind on: the record at
// its committed offset, read with the browse path's plain Fetch (no consumer, no group). Bounded:
// each poll round asks at most FETCHES_PER_ROUND records, oldest asks first, a round's reads
// never overlap the next, each read asks RECORD_BYTES (Kafka answers at least one whole record
// batch). Each offset is read once: the cache keeps it (./record-time-cache.ts).

export const FETCHES_PER_ROUND = 200;
const RECORD_BYTES = 1024;

export interface RecordTimesOptions {
  topics(): ReadonlyMap<string, Topic>;
  logStart(topic: string, partition: number): number;
}

export class RecordTimes {
  readonly cache = new RecordTimeCache();
  private wanted = new Map<string, { topic: string; partition: number; offset: number }>();
  private batches = new Map<string, FetchBatch>();
  private reading: Promise<void> | null = null;
  private readonly aborts = new AbortController();
  private closed = false;
  /** Records read, for the cost figure. */
  fetched = 0;

  constructor(
    private readonly connections: KafkaConnections,
    private readonly opts: RecordTimesOptions,
  ) {}

  /** The time of the first record at or after `offset`, when read. */
  get(topic: string, partition: number, offset: number): RecordTime | null {
    return this.cache.get(topic, partition, offset);
  }

  /** Asks for it in the next read, unless known or asked already. */
  ask(topic: string, partition: number, offset: number): void {
    const key = `${topic}:${partition}:${offset}`;
    if (this.wanted.has(key) || this.cache.get(topic, partition, offset)) return;
    this.wanted.set(key, { topic, partition, offset });
  }

  /** Reads up to FETCHES_PER_ROUND of the records asked for, unless the last round's still run. */
  readAsked(): Promise<void> {
    if (this.closed || this.reading || this.wanted.size === 0) return this.reading ?? Promise.resolve();
    const batch = [...this.wanted].slice(0, FETCHES_PER_ROUND);
    for (const [key] of batch) this.wanted.delete(key);
    const signal = this.aborts.signal;
    this.reading = Promise.allSettled(
      batch.map(async ([, w]) => {
        const answer = await this.fetchBatch(w.topic)(w.partition, w.offset, RECORD_BYTES, signal);
        this.fetched++;
        // Kafka answers whole batches: skip records before the offset, and transaction markers.
        // Fields are copied at once: the browse adapter may hand out one reused record view.
        for (const r of answer.records) {
          if (r.offset < w.offset || r.control) continue;
          this.cache.set(w.topic, w.partition, w.offset, {
            offset: r.offset,
            timestamp: r.timestamp,
            type: r.timestampType,
          });
          break;
        }
      }),
    ).then(() => {
      this.reading = null;
    });
    return this.reading;
  }

  /** No more reads; the one running is cancelled and awaited, so nothing opens a connection
   *  after the server closed them. */
  async close(): Promise<void> {
    this.closed = true;
    this.aborts.abort();
    await this.reading;
  }

  /** A topic deleted (or recreated, reusing offsets from 0). */
  forgetTopic(topic: string): void {
    this.cache.forgetTopic(topic);
    this.batches.delete(topic);
  }

  private fetchBatch(topic: string): FetchBatch {
    let batch = this.batches.get(topic);
    if (!batch) {
      const leaderOf = (p: number) =>
        this.opts
          .topics()
          .get(topic)
          ?.partitions.find((x) => x.partition === p)?.leader ?? -1;
      batch = createFetchBatch({
        connections: this.connections,
        topic,
        readCommitted: false,
        leaderOf,
        refresh: async () => undefined,
        logStart: async (p) => this.opts.logStart(topic, p),
      });
      this.batches.set(topic, batch);
    }
    return batch;
  }
}
