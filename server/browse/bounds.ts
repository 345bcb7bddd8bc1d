import { brokerOf } from '@/server/kafka/connections';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { IsolationLevel, listOffsets, OffsetSpec, send } from '@/server/kafka/protocol';
import type { BrowseFrom } from '@/lib/contract/browse';
import { needsTimestampLookup, type PartitionBounds } from './plan';

// Each scanned partition's bounds from its leader: log start, log end (the last stable offset
// for read_committed, which is what ListOffsets LATEST answers at that isolation level) and,
// for a timestamp start, the first offset at or after it. One ListOffsets per leader per kind.

export interface Partitions {
  topic: string;
  /** Partition -> its leader now. */
  leaders: ReadonlyMap<number, number>;
}

/** Offsets of the given partitions for one timestamp (or special offset), by leader. */
export async function offsetsAt(
  connections: KafkaConnections,
  { topic, leaders }: Partitions,
  timestamp: number,
  readCommitted = false,
): Promise<Map<number, number>> {
  const byLeader = new Map<number, number[]>();
  for (const [partition, leader] of leaders) {
    if (leader < 0) throw new Error(`partition ${partition} of ${topic} has no leader right now; try again shortly`);
    byLeader.set(leader, [...(byLeader.get(leader) ?? []), partition]);
  }
  const out = new Map<number, number>();
  await Promise.all(
    [...byLeader].map(async ([leader, partitions]) => {
      await send(await brokerOf(connections, leader), listOffsets, {
        topics: new Map([[topic, partitions]]),
        timestamp,
        isolationLevel: readCommitted ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED,
        each: (_t, partition, offset) => out.set(partition, offset),
        failed(_t, partition, errorCode) {
          throw new Error(`listing offsets of ${topic} partition ${partition} failed (Kafka error ${errorCode})`);
        },
      });
    }),
  );
  return out;
}

export async function readBounds(
  connections: KafkaConnections,
  partitions: Partitions,
  from: BrowseFrom,
  readCommitted: boolean,
): Promise<PartitionBounds[]> {
  const [starts, ends, atTime] = await Promise.all([
    offsetsAt(connections, partitions, OffsetSpec.EARLIEST),
    offsetsAt(connections, partitions, OffsetSpec.LATEST, readCommitted),
    needsTimestampLookup(from) ? offsetsAt(connections, partitions, from.timestamp, readCommitted) : null,
  ]);
  return [...partitions.leaders.keys()].map((partition) => {
    const logStart = starts.get(partition) ?? 0;
    const logEnd = Math.max(logStart, ends.get(partition) ?? logStart);
    const bounds: PartitionBounds = { partition, logStart, logEnd };
    if (atTime) {
      const at = atTime.get(partition);
      // -1: no message is that new.
      bounds.atTimestamp = at === undefined || at < 0 ? null : at;
    }
    return bounds;
  });
}
