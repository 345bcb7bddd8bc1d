import type { KafkaClients } from '@/server/kafka/client';
import type { ClusterStore } from './store';
import type { ThroughputTracker } from './throughput';
import { byLeader, listOffsetsByLeader, observeCluster, type KnownBroker } from './reader';
import { OffsetSpec } from '@/server/kafka/protocol';
import { clusterFromKafka } from './from-kafka';

// Polls the cluster on a fixed interval. A round never starts while one runs (the next is
// scheduled when the last ends), and Kafka being unreachable is a state: retry with
// exponential backoff, report it, never throw out of the loop.

export interface PollerOptions {
  intervalMs: number;
  /** Brokers to show even before the first metadata answer (the embedded nodes). */
  expected: KnownBroker[];
  log?: (line: string) => void;
  /** Runs after each answered round, before the next is scheduled (group state reads ride on
   *  the same pass, so they never overlap it). Its failure is logged, never fails the round. */
  afterRound?: () => Promise<void>;
  /** Topics a page shows right now (the topic pages' rooms): their ends are also read beside
   *  the rounds, every `watchedIntervalMs`. */
  watchedTopics?: () => Iterable<string>;
  watchedIntervalMs?: number;
}

// Low enough that a cluster coming back is shown within seconds; one metadata attempt per
// 5 s is no load on anyone.
const MAX_BACKOFF_MS = 5_000;
// Topic settings and log starts change rarely (a setting changed, retention deleting a
// segment): all are re-read this often, so they are at most this stale; new topics and
// partitions at once, and watched topics' log starts every round.
const CONFIG_REFRESH_MS = 10_000;
const LOG_START_REFRESH_MS = 10_000;
// A produce shows on a watched topic's page within about this, not a whole poll interval.
const WATCHED_INTERVAL_MS = 200;

export class ClusterPoller {
  private known = new Map<number, KnownBroker>();
  private timer: NodeJS.Timeout | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  /** The watched-ends read in progress: one at a time. */
  private watching: Promise<void> | null = null;
  /** The whole round, group pass included. */
  private inFlight: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  private lastConfigsAt = 0;
  private lastLogStartsAt = 0;
  /** Rounds run so far, answered or not: lets a test see the backoff. */
  rounds = 0;
  /** Reads of the watched topics' ends so far. */
  watchedReads = 0;

  constructor(
    private readonly clients: KafkaClients,
    private readonly store: ClusterStore,
    private readonly throughput: ThroughputTracker,
    private readonly opts: PollerOptions,
  ) {
    for (const b of opts.expected) this.known.set(b.id, b);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
    this.watchTimer = setInterval(() => this.readWatched(), this.opts.watchedIntervalMs ?? WATCHED_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.timer = null;
    this.watchTimer = null;
    await this.inFlight;
    await this.watching;
    await this.clients.pollConnections.disconnect().catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const round = this.round();
      this.inFlight = round;
      void round.finally(() => {
        this.inFlight = null;
        this.schedule(this.nextDelay());
      });
    }, delayMs);
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.opts.intervalMs;
    return Math.min(MAX_BACKOFF_MS, this.opts.intervalMs * 2 ** Math.min(this.failures, 10));
  }

  private async round(): Promise<void> {
    const answered = await this.doRound();
    if (answered)
      await this.opts
        .afterRound?.()
        .catch((e: unknown) =>
          this.opts.log?.(`group state read failed: ${e instanceof Error ? e.message : String(e)}`),
        );
  }

  /** The ends of the watched topics' partitions, one ListOffsets per leader. It runs beside
   *  the round (which would hold it back by a whole round otherwise): ends only move forward
   *  here, and the round keeps what was raised while it ran (see ClusterStore.setCluster).
   *  Skipped while the last read still runs and while Kafka is away. */
  private readWatched(): void {
    if (this.watching || this.stopped || this.failures > 0 || !this.opts.watchedTopics) return;
    const watched = new Set(this.opts.watchedTopics());
    if (watched.size === 0) return;
    const snapshot = this.store.snapshot();
    const reachable = new Set(snapshot.brokers.filter((b) => b.online).map((b) => b.id));
    const metadata = {
      topicMetadata: snapshot.topics
        .filter((t) => watched.has(t.name))
        .map((t) => ({
          topic: t.name,
          partitionMetadata: t.partitions.map((p) => ({ partitionId: p.partition, leader: p.leader })),
        })),
    };
    this.watching = listOffsetsByLeader(this.clients.pollConnections, byLeader(metadata, reachable), OffsetSpec.LATEST)
      .then((ends) => {
        this.store.raiseHighWatermarks(ends);
        this.watchedReads++;
      })
      // The round reports Kafka going away; a failed read only waits for the next one.
      .catch(() => undefined)
      .finally(() => {
        this.watching = null;
      });
  }

  /** True when Kafka answered. */
  private async doRound(): Promise<boolean> {
    const snapshot = this.store.snapshot();
    const refreshAllConfigs = Date.now() - this.lastConfigsAt > CONFIG_REFRESH_MS;
    const configured = new Set(snapshot.topics.filter((t) => t.config !== null).map((t) => t.name));
    const allLogStarts = Date.now() - this.lastLogStartsAt > LOG_START_REFRESH_MS;
    const watched = new Set(this.opts.watchedTopics?.() ?? []);
    const before = new Map(snapshot.topics.map((t) => [t.name, t]));
    const knownStart = (topic: string, partition: number) => {
      const p = before.get(topic)?.partitions[partition];
      return p !== undefined && p.partition === partition && p.low !== null;
    };
    const readLogStart = (topic: string, partition: number) =>
      allLogStarts || watched.has(topic) || !knownStart(topic, partition);
    try {
      const reachableBefore = new Set(snapshot.brokers.filter((b) => b.online).map((b) => b.id));
      const obs = await observeCluster(this.clients.pollConnections, {
        known: [...this.known.values()],
        reachableBefore,
        refreshAllConfigs,
        configured,
        readLogStart,
      });
      for (const b of obs.metadata.brokers)
        this.known.set(b.nodeId, { id: b.nodeId, host: b.host, port: b.port, rack: b.rack });
      if (obs.configs && refreshAllConfigs) this.lastConfigsAt = Date.now();
      if (allLogStarts) this.lastLogStartsAt = Date.now();
      const view = clusterFromKafka(obs, [...this.known.values()], snapshot);
      if (this.failures > 0) this.opts.log?.(`Kafka reachable again after ${this.failures} failed round(s)`);
      this.failures = 0;
      const observedAt = Date.now();
      this.store.setCluster(view, observedAt, snapshot);
      this.throughput.record(view.topics, observedAt);
      this.rounds++;
      return true;
    } catch (e) {
      this.failures++;
      const message = e instanceof Error ? e.message : String(e);
      this.throughput.reset();
      if (this.failures === 1) this.opts.log?.(`Kafka unreachable: ${message}; retrying with backoff`);
      // A fresh connection next time: kafkajs can keep sockets to a cluster that restarted.
      await this.clients.pollConnections.disconnect().catch(() => undefined);
      // Nothing answered: every broker we could reach before is now unreachable from here.
      const brokers = snapshot.brokers.map((b) =>
        b.status === 'online' ? { ...b, status: 'unreachable' as const, online: false } : b,
      );
      this.store.setUnreachable(message, Date.now() + this.nextDelay(), brokers);
    }
    this.rounds++;
    return false;
  }
}
