import type { TailMessage } from '../../lib/contract/actions';
import { TAIL_CAP } from '../../lib/contract/actions';
import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from '../cluster/store';
import { newest } from './decode';
import { fetchFrom } from './fetch';
import { TailReader, type TailSink } from './reader';

// Live tails for the pages: each subscriber (a socket) tails at most one topic. A new
// subscriber first gets a backfill (the newest messages of each partition, read up to the
// log end now), then what the topic's shared reader sees. A reader stops with its last page.

export type { TailSink };

export class TailService {
  private readonly readers = new Map<string, TailReader>();
  private readonly subscribers = new Map<string, { topic: string; sink: TailSink }>();
  /** Reader stops and backfills still under way: close() waits for them, or one of them could
   *  reconnect the tail's connection after it was closed and keep the process alive. */
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly clients: KafkaClients,
    private readonly store: ClusterStore,
  ) {}

  watch(subscriber: string, topic: string | null, sink: TailSink): void {
    const previous = this.subscribers.get(subscriber);
    if (previous) {
      this.subscribers.delete(subscriber);
      const reader = this.readers.get(previous.topic);
      reader?.sinks.delete(previous.sink);
      if (reader && reader.sinks.size === 0) {
        this.readers.delete(previous.topic);
        this.track(reader.stop());
      }
    }
    if (topic === null || this.closed) return;
    const entry = { topic, sink };
    this.subscribers.set(subscriber, entry);
    let reader = this.readers.get(topic);
    if (!reader) {
      reader = new TailReader(topic, this.clients.tailWire, this.store);
      this.readers.set(topic, reader);
      reader.start();
    }
    reader.sinks.add(sink);
    this.track(
      this.backfill(topic)
        .catch((): TailMessage[] => [])
        .then((messages) => {
          // Only if the subscriber still tails this topic.
          if (this.subscribers.get(subscriber) === entry) sink(topic, messages, true);
        }),
    );
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** The newest messages of the topic, spread over its partitions, read up to the log end. */
  async backfill(topic: string): Promise<TailMessage[]> {
    const t = this.store.snapshot().topics.find((x) => x.name === topic);
    if (!t || t.partitions.length === 0) return [];
    const perPartition = Math.ceil(TAIL_CAP / t.partitions.length);
    const byLeader = new Map<number, Map<number, number>>();
    for (const p of t.partitions) {
      if (p.leader < 0 || p.high === null) continue;
      const from = Math.max(p.low ?? 0, p.high - perPartition);
      const parts = byLeader.get(p.leader) ?? new Map<number, number>();
      parts.set(p.partition, from);
      byLeader.set(p.leader, parts);
    }
    const answers = await Promise.all([...byLeader].map(([leader, from]) => retried(() => fetchFrom(this.clients.tailWire, topic, leader, from, 0)).catch(() => [])));
    return newest(
      answers.flat().flatMap((p) => p.messages),
      TAIL_CAP,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscribers.clear();
    for (const reader of this.readers.values()) this.track(reader.stop());
    this.readers.clear();
    await Promise.allSettled([...this.pending]);
    await this.clients.tailWire.disconnect().catch(() => undefined);
  }
}

/** A backfill answers with reset: a fetch that fails once (a connection being remade, a
 *  metadata refresh under way) would otherwise wipe the page's tail instead of filling it. */
async function retried<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
