import type { SidecarState } from '../../lib/contract/groups';
import { ensureConnected, type WireCluster } from '../kafka/client';
import { decodeOffsetsRecord, type OffsetsRecord } from './offsets-codec';

// The sidecar: reads __consumer_offsets from the beginning with plain Fetch requests, one
// long-poll loop per partition leader. It joins no group and commits nothing, so it can never
// show up as (or disturb) a user's group, and two dashboards on one cluster never split the
// log between them. Where to read comes from the cluster poller's metadata (`leaders()`).

export const OFFSETS_TOPIC = '__consumer_offsets';
const MAX_WAIT_MS = 500;
const PARTITION_MAX_BYTES = 1_048_576;
const RETRY_MS = 1_000;
const READ_COMMITTED = 1;

export interface RecordMeta {
  partition: number;
  offset: number;
  timestamp: number;
  /** False while the reader is still replaying what was written before it started. */
  live: boolean;
}

export interface OffsetsReaderOptions {
  /** Current leader per __consumer_offsets partition; empty while the topic does not exist. */
  leaders(): Map<number, number>;
  onRecord(record: OffsetsRecord, meta: RecordMeta): void;
  onState(state: SidecarState): void;
  log?: (line: string) => void;
}

export class OffsetsReader {
  private positions = new Map<number, number>();
  private caughtUp = new Set<number>();
  private loops = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  /** The topic did not exist when the reader started: everything in it is new, so live. */
  private startedEmpty = false;
  private state: SidecarState = { status: 'starting', lastError: null, recordsRead: 0, recordsSkipped: 0 };

  constructor(
    private readonly wire: WireCluster,
    private readonly opts: OffsetsReaderOptions,
  ) {}

  current(): SidecarState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.plan();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.loops.values()]);
    await this.wire.disconnect().catch(() => undefined);
  }

  /** Starts a loop for every leader that has none; re-checked each second for leader moves. */
  private plan(): void {
    if (this.stopped) return;
    const leaders = this.opts.leaders();
    if (leaders.size === 0 && this.state.status === 'starting') {
      // No group was ever used on this cluster: nothing to replay.
      this.startedEmpty = true;
      this.setState({ status: 'live' });
    }
    for (const broker of new Set(leaders.values())) {
      if (broker < 0 || this.loops.has(broker)) continue;
      const loop = this.brokerLoop(broker).finally(() => this.loops.delete(broker));
      this.loops.set(broker, loop);
    }
    this.timer = setTimeout(() => this.plan(), RETRY_MS);
  }

  private partitionsLedBy(broker: number): number[] {
    return [...this.opts.leaders()].filter(([, leader]) => leader === broker).map(([p]) => p);
  }

  private async brokerLoop(broker: number): Promise<void> {
    while (!this.stopped) {
      const partitions = this.partitionsLedBy(broker);
      if (partitions.length === 0) return;
      try {
        await ensureConnected(this.wire);
        await this.fetchOnce(broker, partitions);
      } catch (e) {
        if (this.stopped) return;
        await this.recover(broker, partitions, e);
      }
    }
  }

  private async fetchOnce(broker: number, partitions: number[]): Promise<void> {
    const conn = await this.wire.findBroker({ nodeId: broker });
    const response = await conn.fetch({
      isolationLevel: READ_COMMITTED,
      maxWaitTime: MAX_WAIT_MS,
      topics: [{ topic: OFFSETS_TOPIC, partitions: partitions.map((p) => ({ partition: p, fetchOffset: String(this.positions.get(p) ?? 0), maxBytes: PARTITION_MAX_BYTES })) }],
    });
    for (const topic of response.responses) {
      for (const part of topic.partitions) {
        const live = this.startedEmpty || this.caughtUp.has(part.partition);
        let next = this.positions.get(part.partition) ?? 0;
        for (const message of part.messages) {
          const offset = Number(message.offset);
          // A batch can start before the offset asked for: skip what was already read.
          if (offset < next) continue;
          next = offset + 1;
          if (message.isControlRecord) continue;
          this.consume(message.key, message.value, { partition: part.partition, offset, timestamp: Number(message.timestamp), live });
        }
        this.positions.set(part.partition, next);
        const end = Number(part.lastStableOffset) >= 0 ? Number(part.lastStableOffset) : Number(part.highWatermark);
        if (next >= end) this.markCaughtUp(part.partition);
      }
    }
  }

  private consume(key: Buffer | null, value: Buffer | null, meta: RecordMeta): void {
    let record: OffsetsRecord;
    try {
      record = decodeOffsetsRecord(key, value);
    } catch (e) {
      // One bad record must not stop the reader: count it and move on.
      this.opts.log?.(`__consumer_offsets ${meta.partition}@${meta.offset}: ${e instanceof Error ? e.message : String(e)}`);
      record = { kind: 'skipped', reason: 'undecodable' };
    }
    this.state = {
      ...this.state,
      recordsRead: this.state.recordsRead + 1,
      recordsSkipped: this.state.recordsSkipped + (record.kind === 'skipped' ? 1 : 0),
    };
    if (record.kind !== 'skipped') this.opts.onRecord(record, meta);
  }

  private markCaughtUp(partition: number): void {
    if (this.caughtUp.has(partition)) return;
    this.caughtUp.add(partition);
    const all = [...this.opts.leaders().keys()];
    const done = all.every((p) => this.caughtUp.has(p));
    this.setState({ status: done ? 'live' : 'catching-up', lastError: null });
  }

  private async recover(broker: number, partitions: number[], error: unknown): Promise<void> {
    const err = error as { name?: string; type?: string; partition?: number; message?: string };
    if (err.name === 'KafkaJSOffsetOutOfRange' && typeof err.partition === 'number') {
      // Compaction or retention moved the log start past our position: read on from the start.
      this.positions.set(err.partition, await this.logStart(broker, err.partition).catch(() => 0));
      return;
    }
    for (const p of partitions) this.caughtUp.delete(p);
    const message = `reading ${OFFSETS_TOPIC} from broker ${broker}: ${err.message ?? String(error)}`;
    this.setState({ status: this.caughtUp.size > 0 ? 'catching-up' : 'unavailable', lastError: message });
    // Leaders may have moved: give the poller a round to notice before trying again.
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }

  private async logStart(broker: number, partition: number): Promise<number> {
    const conn = await this.wire.findBroker({ nodeId: broker });
    const res = await conn.listOffsets({ topics: [{ topic: OFFSETS_TOPIC, partitions: [{ partition, timestamp: '-2' }] }] });
    return Number(res.responses[0]?.partitions[0]?.offset ?? 0);
  }

  private setState(change: Partial<SidecarState>): void {
    const next = { ...this.state, ...change };
    if (next.status === this.state.status && next.lastError === this.state.lastError) {
      this.state = next;
      return;
    }
    this.state = next;
    this.opts.onState(next);
  }
}
