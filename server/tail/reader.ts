import type { TailMessage } from '@/lib/contract/actions';
import { TAIL_CAP } from '@/lib/contract/actions';
import type { ClusterStore } from '@/server/cluster/store';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { newest } from './decode';
import { fetchFrom } from './fetch';

// The live part of a tail: one reader per tailed topic, shared by every page tailing it. It
// starts at the log end and long-polls each partition leader. A page keeps only the newest
// TAIL_CAP messages, so on a busy topic the reader skips ahead rather than fetching what no
// page would show, and it batches what it forwards to a few times a second.

const MAX_WAIT_MS = 300;
const MIN_BATCH_INTERVAL_MS = 250;
const RETRY_MS = 1_000;

export type TailSink = (topic: string, messages: TailMessage[], reset: boolean) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class TailReader {
  readonly sinks = new Set<TailSink>();
  private positions = new Map<number, number>();
  private stopped = false;
  private loop: Promise<void> | null = null;

  constructor(
    readonly topic: string,
    private readonly connections: KafkaConnections,
    private readonly store: ClusterStore,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    // On the first look, what a partition already holds is the page's backfill, so reading
    // starts at its end. A partition first seen later (a topic created or a leader elected
    // since) is new to this tail as a whole: read it from its start, or its first messages
    // would be skipped.
    let firstLook = true;
    while (!this.stopped) {
      const topic = this.store.snapshot().topics.find((t) => t.name === this.topic);
      if (!topic) {
        // Not created yet, or deleted: wait for it.
        this.positions.clear();
        firstLook = false;
        await sleep(RETRY_MS);
        continue;
      }
      const byLeader = new Map<number, Map<number, number>>();
      for (const p of topic.partitions) {
        if (p.leader < 0) continue;
        if (!this.positions.has(p.partition)) this.positions.set(p.partition, firstLook ? (p.high ?? 0) : (p.low ?? 0));
        const parts = byLeader.get(p.leader) ?? new Map<number, number>();
        parts.set(p.partition, this.positions.get(p.partition)!);
        byLeader.set(p.leader, parts);
      }
      firstLook = false;
      const started = Date.now();
      const answers = await Promise.all(
        [...byLeader].map(([leader, from]) =>
          fetchFrom(this.connections, this.topic, leader, from, MAX_WAIT_MS).catch(() => null),
        ),
      );
      if (this.stopped) return;
      const fresh: TailMessage[] = [];
      for (const answer of answers) {
        for (const p of answer ?? []) {
          fresh.push(...p.messages);
          // Far behind the end: jump to where the page's window starts.
          this.positions.set(p.partition, Math.max(p.next, p.highWatermark - TAIL_CAP));
        }
      }
      if (fresh.length > 0) for (const sink of this.sinks) sink(this.topic, newest(fresh, TAIL_CAP), false);
      if (answers.length === 0 || answers.every((a) => a === null)) await sleep(RETRY_MS);
      else if (fresh.length > 0) await sleep(Math.max(0, MIN_BATCH_INTERVAL_MS - (Date.now() - started)));
    }
  }
}
