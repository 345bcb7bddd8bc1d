import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from './store';
import type { ThroughputTracker } from './throughput';
import { observeCluster, type KnownBroker } from './reader';
import { reshapeCluster } from './reshape';

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
}

// Low enough that a cluster coming back is shown within seconds; one metadata attempt per
// 5 s is no load on anyone.
const MAX_BACKOFF_MS = 5_000;
// Topic settings change rarely: all are re-read this often, new topics at once.
const CONFIG_REFRESH_MS = 10_000;

export class ClusterPoller {
  private known = new Map<number, KnownBroker>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  private lastConfigsAt = 0;
  /** Rounds run so far, answered or not: lets a test see the backoff. */
  rounds = 0;

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
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.clients.wire.disconnect().catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.round().finally(() => this.schedule(this.nextDelay()));
    }, delayMs);
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.opts.intervalMs;
    return Math.min(MAX_BACKOFF_MS, this.opts.intervalMs * 2 ** Math.min(this.failures, 10));
  }

  private round(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.doRound().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async doRound(): Promise<void> {
    const snapshot = this.store.snapshot();
    const refreshAllConfigs = Date.now() - this.lastConfigsAt > CONFIG_REFRESH_MS;
    const configured = new Set(snapshot.topics.filter((t) => t.config !== null).map((t) => t.name));
    try {
      const reachableBefore = new Set(snapshot.brokers.filter((b) => b.online).map((b) => b.id));
      const obs = await observeCluster(this.clients.wire, { known: [...this.known.values()], reachableBefore, refreshAllConfigs, configured });
      for (const b of obs.metadata.brokers) this.known.set(b.nodeId, { id: b.nodeId, host: b.host, port: b.port, rack: b.rack });
      if (obs.configs && refreshAllConfigs) this.lastConfigsAt = Date.now();
      const view = reshapeCluster(obs, [...this.known.values()], snapshot);
      if (this.failures > 0) this.opts.log?.(`Kafka reachable again after ${this.failures} failed round(s)`);
      this.failures = 0;
      const observedAt = Date.now();
      this.store.setCluster(view, observedAt);
      this.throughput.record(view.topics, observedAt);
      await this.opts.afterRound?.().catch((e: unknown) => this.opts.log?.(`group state read failed: ${e instanceof Error ? e.message : String(e)}`));
    } catch (e) {
      this.failures++;
      const message = e instanceof Error ? e.message : String(e);
      this.throughput.reset();
      if (this.failures === 1) this.opts.log?.(`Kafka unreachable: ${message}; retrying with backoff`);
      // A fresh connection next time: kafkajs can keep sockets to a cluster that restarted.
      await this.clients.wire.disconnect().catch(() => undefined);
      // Nothing answered: every broker we could reach before is now unreachable from here.
      const brokers = snapshot.brokers.map((b) => (b.status === 'online' ? { ...b, status: 'unreachable' as const, online: false } : b));
      this.store.setUnreachable(message, Date.now() + this.nextDelay(), brokers);
    }
    this.rounds++;
  }
}
