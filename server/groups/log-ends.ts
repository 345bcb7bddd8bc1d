import type { LogReading } from '@/lib/lag/arithmetic';
import { partitionKey } from '@/lib/contract/cluster';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { listOffsets, OffsetSpec, send } from '@/server/kafka/protocol';

// Log ends read after commits. A commit is compared only with an end read after it (see
// lib/lag/arithmetic.ts), so when a committed offset moves, the ends of those partitions are
// read within READ_DELAY_MS. Cost is bounded by leaders, not groups: every partition asked in
// one tick, by any number of groups, goes into one ListOffsets (ends and starts) per leader,
// and a tick never starts while the last one's reads are in flight.

const READ_DELAY_MS = 50;

/** One clock for commits seen and ends read: a counter, so two events in the same millisecond
 *  still order. */
let clock = 0;
export const stamp = (): number => ++clock;

export interface LogEndsOptions {
  /** Leader of a partition now; undefined or < 0 when unknown. */
  leader(topic: string, partition: number): number | undefined;
  /** Called after each tick with the partitions read. */
  onRead(keys: Set<string>): void;
}

export class LogEnds {
  private readonly readings = new Map<string, LogReading>();
  private wanted = new Map<string, { topic: string; partition: number }>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;
  private stopped = false;
  /** Ticks sent, for tests and the cost figure. */
  reads = 0;

  constructor(
    private readonly connections: KafkaConnections,
    private readonly opts: LogEndsOptions,
  ) {}

  get(key: string): LogReading | null {
    return this.readings.get(key) ?? null;
  }

  /** A reading from elsewhere (the poll round); kept only when newer than the one held. */
  offer(key: string, reading: LogReading): void {
    const held = this.readings.get(key);
    if (!held || held.readAt < reading.readAt)
      this.readings.set(key, {
        ...reading,
        // Ends and starts only grow (short of a truncation, which the next read shows).
        start:
          Math.max(reading.start ?? -1, held?.start ?? -1) < 0
            ? null
            : Math.max(reading.start ?? -1, held?.start ?? -1),
      });
  }

  /** Asks for a fresh end of these partitions soon. */
  want(topic: string, partition: number): void {
    this.wanted.set(partitionKey(topic, partition), { topic, partition });
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer || this.inFlight || this.stopped || this.wanted.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), READ_DELAY_MS);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    const batch = this.wanted;
    this.wanted = new Map();
    const byLeader = new Map<number, Map<string, number[]>>();
    for (const { topic, partition } of batch.values()) {
      const leader = this.opts.leader(topic, partition);
      if (leader === undefined || leader < 0) continue;
      let topics = byLeader.get(leader);
      if (!topics) byLeader.set(leader, (topics = new Map()));
      const partitions = topics.get(topic);
      if (partitions) partitions.push(partition);
      else topics.set(topic, [partition]);
    }
    this.inFlight = true;
    this.reads++;
    // Stamped before sending: the answer is at least this new.
    const readAt = stamp();
    const read = new Set<string>();
    try {
      await Promise.all([...byLeader].map(([leader, topics]) => this.readLeader(leader, topics, readAt, read)));
    } finally {
      this.inFlight = false;
      if (read.size > 0 && !this.stopped) this.opts.onRead(read);
      this.schedule();
    }
  }

  private async readLeader(
    leader: number,
    topics: Map<string, number[]>,
    readAt: number,
    read: Set<string>,
  ): Promise<void> {
    const ends = new Map<string, number>();
    const starts = new Map<string, number>();
    const ask = (timestamp: number, into: Map<string, number>) => async () => {
      const broker = await this.connections.findBroker({ nodeId: leader });
      await send(broker, listOffsets, {
        topics,
        timestamp,
        each: (topic, partition, offset) => into.set(partitionKey(topic, partition), offset),
      });
    };
    try {
      await Promise.all([ask(OffsetSpec.LATEST, ends)(), ask(OffsetSpec.EARLIEST, starts)()]);
    } catch {
      // Leadership moved or the broker went away: the next commit asks again, the poll round
      // offers its own reads meanwhile.
      return;
    }
    for (const [key, end] of ends) {
      this.offer(key, { start: starts.get(key) ?? null, end, readAt });
      read.add(key);
    }
  }
}
