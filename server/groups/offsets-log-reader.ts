import type { OffsetsLogState } from '@/lib/contract/groups';
import { brokerOf, ensureConnected } from '@/server/kafka/connections';
import { kafkaErrorText, type KafkaConnections } from '@/server/kafka/kafkajs-private';
import {
  batchesEnd,
  controlType,
  decodeOffsetsRecord,
  fetchRequest,
  IsolationLevel,
  listOffsets,
  OffsetSpec,
  readRecords,
  send,
} from '@/server/kafka/protocol';
import type { OffsetsRecord } from '@/server/kafka/protocol';
import { PendingOffsets, type Applied, type AppliedRecord } from './pending-offsets';

// The offsets-log reader: reads __consumer_offsets from the beginning with plain Fetch requests, one
// long-poll loop per partition leader. It joins no group and commits nothing, so it can never
// show up as (or disturb) a user's group, and two dashboards on one cluster never split the
// log between them. Where to read comes from the cluster poller's metadata (`leaders()`).
// Transactional offset commits are applied as the coordinator applies them: ./pending-offsets.ts.

export const OFFSETS_TOPIC = '__consumer_offsets';
const MAX_WAIT_MS = 500;
const PARTITION_MAX_BYTES = 1_048_576;
const RETRY_MS = 1_000;
const OFFSET_OUT_OF_RANGE = 1;

/** A partition the leader would not serve (it moved, or is not ready): the loop recovers. */
class PartitionError extends Error {
  constructor(partition: number, code: number) {
    super(`partition ${partition}: ${kafkaErrorText(code)}`);
  }
}

export interface RecordMeta {
  partition: number;
  offset: number;
  timestamp: number;
  /** False while the reader is still replaying what was written before it started. */
  live: boolean;
}

export interface OffsetsLogReaderOptions {
  /** Current leader per __consumer_offsets partition; empty while the topic does not exist. */
  leaders(): Map<number, number>;
  onRecord(record: OffsetsRecord, meta: RecordMeta): void;
  onState(state: OffsetsLogState): void;
  log?: (line: string) => void;
}

export class OffsetsLogReader {
  private positions = new Map<number, number>();
  private caughtUp = new Set<number>();
  private readonly pending = new PendingOffsets<RecordMeta>();
  private loops = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  /** The topic did not exist when the reader started: everything in it is new, so live. */
  private startedEmpty = false;
  private state: OffsetsLogState = { status: 'starting', lastError: null, recordsRead: 0, recordsSkipped: 0 };
  /** Records skipped, by reason (a record type or value version a newer broker writes): /metrics. */
  readonly skippedByReason = new Map<string, number>();

  constructor(
    private readonly connections: KafkaConnections,
    private readonly opts: OffsetsLogReaderOptions,
  ) {}

  current(): OffsetsLogState {
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
    await this.connections.disconnect().catch(() => undefined);
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
        await ensureConnected(this.connections);
        await this.fetchOnce(broker, partitions);
      } catch (e) {
        if (this.stopped) return;
        await this.recover(broker, partitions, e);
      }
    }
  }

  private async fetchOnce(broker: number, partitions: number[]): Promise<void> {
    const conn = await brokerOf(this.connections, broker);
    // Read uncommitted: an open transaction must not hold back the records after it (other
    // groups' commits). Its offsets wait in `pending` for the producer's marker instead.
    const answer = await send(conn, fetchRequest, {
      topic: OFFSETS_TOPIC,
      partitions: partitions.map((p) => ({
        partition: p,
        offset: this.positions.get(p) ?? 0,
        maxBytes: PARTITION_MAX_BYTES,
      })),
      isolationLevel: IsolationLevel.READ_UNCOMMITTED,
      maxWaitMs: MAX_WAIT_MS,
      minBytes: 1,
      maxBytes: PARTITION_MAX_BYTES * partitions.length,
    });
    for (const part of answer) {
      if (part.errorCode === OFFSET_OUT_OF_RANGE) {
        // Compaction or retention moved the log start past our position: read on from the start.
        this.positions.set(part.partition, await this.logStart(broker, part.partition).catch(() => 0));
        continue;
      }
      if (part.errorCode !== 0) throw new PartitionError(part.partition, part.errorCode);
      this.readPartition(part.partition, part.records);
      if ((this.positions.get(part.partition) ?? 0) >= part.highWatermark) this.markCaughtUp(part.partition);
    }
  }

  private readPartition(partition: number, records: Buffer | null): void {
    const after = records === null ? null : batchesEnd(records);
    if (records === null || after === null) return;
    const live = this.startedEmpty || this.caughtUp.has(partition);
    const from = this.positions.get(partition) ?? 0;
    for (const r of readRecords(records)) {
      // A batch can start before the offset asked for: skip what was already read.
      if (r.offset < from) continue;
      const meta = { partition, offset: r.offset, timestamp: r.timestamp, live };
      if (r.control) {
        const result = controlType(r.key);
        if (result) this.emit(this.pending.marker(r.producerId, result, meta));
        continue;
      }
      const record = this.decode(r.key, r.value, meta);
      if (record) this.emit(this.pending.record(record, meta, r));
    }
    // Past the last batch, records compaction removed included.
    this.positions.set(partition, Math.max(from, after));
  }

  private emit(applied: Applied<RecordMeta>[]): void {
    for (const a of applied) this.opts.onRecord(a.record, a.meta);
  }

  private decode(key: Buffer | null, value: Buffer | null, meta: RecordMeta): AppliedRecord | null {
    let record: OffsetsRecord;
    try {
      record = decodeOffsetsRecord(key, value);
    } catch (e) {
      // One bad record must not stop the reader: count it and move on.
      this.opts.log?.(
        `__consumer_offsets ${meta.partition}@${meta.offset}: ${e instanceof Error ? e.message : String(e)}`,
      );
      record = { kind: 'skipped', reason: 'undecodable' };
    }
    this.state = {
      ...this.state,
      recordsRead: this.state.recordsRead + 1,
      recordsSkipped: this.state.recordsSkipped + (record.kind === 'skipped' ? 1 : 0),
    };
    if (record.kind !== 'skipped') return record;
    this.skippedByReason.set(record.reason, (this.skippedByReason.get(record.reason) ?? 0) + 1);
    return null;
  }

  private markCaughtUp(partition: number): void {
    if (this.caughtUp.has(partition)) return;
    this.caughtUp.add(partition);
    const all = [...this.opts.leaders().keys()];
    const done = all.every((p) => this.caughtUp.has(p));
    this.setState({ status: done ? 'live' : 'catching-up', lastError: null });
  }

  private async recover(broker: number, partitions: number[], error: unknown): Promise<void> {
    const err = error as { message?: string };
    for (const p of partitions) this.caughtUp.delete(p);
    const message = `reading ${OFFSETS_TOPIC} from broker ${broker}: ${err.message ?? String(error)}`;
    this.setState({ status: this.caughtUp.size > 0 ? 'catching-up' : 'unavailable', lastError: message });
    // Leaders may have moved: give the poller a round to notice before trying again.
    await new Promise((r) => setTimeout(r, RETRY_MS));
  }

  private async logStart(broker: number, partition: number): Promise<number> {
    const conn = await brokerOf(this.connections, broker);
    let start = 0;
    await send(conn, listOffsets, {
      topics: new Map([[OFFSETS_TOPIC, [partition]]]),
      timestamp: OffsetSpec.EARLIEST,
      each: (_topic, _partition, offset) => (start = offset),
    });
    return start;
  }

  private setState(change: Partial<OffsetsLogState>): void {
    const next = { ...this.state, ...change };
    if (next.status === this.state.status && next.lastError === this.state.lastError) {
      this.state = next;
      return;
    }
    this.state = next;
    this.opts.onState(next);
  }
}
