import type { TailMessage } from '@/lib/contract/actions';
import { TAIL_CAP } from '@/lib/contract/actions';
import type { KafkaClients } from '@/server/kafka/client';
import type { ClusterStore } from '@/server/cluster/store';
import { describeError } from '@/server/actions/errors';
import { newest } from './decode';
import { fetchFrom } from './fetch';
import { TailReader, type TailSink } from './reader';

// Live tails for the pages (server/realtime/subscriptions.ts subscribes per tail watch). A new
// subscriber first gets a backfill (the newest messages of each partition, read up to the
// log end now), then what the topic's shared reader sees. A reader stops with its last page.

export type { TailSink };

export class TailService {
  private readonly readers = new Map<string, TailReader>();
  /** Reader stops and backfills still under way: close() waits for them, or one of them could
   *  reconnect the tail's connection after it was closed and keep the process alive. */
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly clients: KafkaClients,
    private readonly store: ClusterStore,
  ) {}

  /** Tails `topic` into `sink` until the returned stop is called. The topic's one reader
   *  stops with its last subscriber. */
  subscribe(topic: string, sink: TailSink): () => void {
    if (this.closed) return () => undefined;
    let reader = this.readers.get(topic);
    if (!reader) {
      reader = new TailReader(topic, this.clients.tailConnections, this.store);
      this.readers.set(topic, reader);
      reader.start();
    }
    const own = reader;
    // Each subscription is its own entry, even for the same sink function twice.
    const entry: TailSink = (...args) => sink(...args);
    own.sinks.add(entry);
    let active = true;
    this.track(
      this.backfill(topic)
        .catch((error: unknown): Backfill => ({ messages: [], error }))
        .then(({ messages, error }) => {
          if (error !== undefined) console.warn(`[kafka-live] tail backfill of ${topic}: ${describeError(error)}`);
          // Only if the subscriber still tails this topic. A backfill that could not read every
          // leader adds what it has: as a reset it would wipe what the page still shows.
          if (active) sink(topic, messages, error === undefined);
        }),
    );
    return () => {
      if (!active) return;
      active = false;
      own.sinks.delete(entry);
      if (own.sinks.size === 0 && this.readers.get(topic) === own) {
        this.readers.delete(topic);
        this.track(own.stop());
      }
    };
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** The newest messages of the topic, spread over its partitions, read up to the log end.
   *  `error` is set when some leader did not answer, even after retries. */
  async backfill(topic: string): Promise<Backfill> {
    const t = this.store.snapshot().topics.find((x) => x.name === topic);
    if (!t || t.partitions.length === 0) return { messages: [] };
    const perPartition = Math.ceil(TAIL_CAP / t.partitions.length);
    const byLeader = new Map<number, Map<number, number>>();
    for (const p of t.partitions) {
      if (p.leader < 0 || p.high === null) continue;
      const from = Math.max(p.low ?? 0, p.high - perPartition);
      const parts = byLeader.get(p.leader) ?? new Map<number, number>();
      parts.set(p.partition, from);
      byLeader.set(p.leader, parts);
    }
    let error: unknown;
    const answers = await Promise.all(
      [...byLeader].map(([leader, from]) =>
        retried(() => fetchFrom(this.clients.tailConnections, topic, leader, from, 0)).catch((e: unknown) => {
          error = e;
          return null;
        }),
      ),
    );
    const messages = newest(
      answers.flatMap((a) => a ?? []).flatMap((p) => p.messages),
      TAIL_CAP,
    );
    return { messages, error };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const reader of this.readers.values()) this.track(reader.stop());
    this.readers.clear();
    await Promise.allSettled([...this.pending]);
    await this.clients.tailConnections.disconnect().catch(() => undefined);
  }
}

export interface Backfill {
  messages: TailMessage[];
  /** Why some leader did not answer; undefined when every one did, and only then may the
   *  page's tail be replaced by these messages. */
  error?: unknown;
}

/** A fetch that fails once (a connection being remade, a metadata refresh under way) is tried
 *  again for a few seconds before the backfill gives that leader up. */
async function retried<T>(fn: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.min(1_000, 100 * 2 ** i)));
    }
  }
}
