import { ActionError } from '@/server/actions/errors';
import { brokerOf } from '@/server/kafka/connections';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { listOffsets, OffsetSpec, send } from '@/server/kafka/protocol';
import type { TopicLayout } from './metadata';

// Offsets of one topic for an action, asked of each partition's leader. Unlike the poll
// round's read, a partition that cannot be answered fails the action: a reset or a count
// must not act on a guess.

export async function topicOffsets(
  connections: KafkaConnections,
  layout: TopicLayout,
  timestampOf: (partition: number) => number,
): Promise<Map<number, number>> {
  const byLeader = new Map<number, number[]>();
  for (const p of layout.partitions) {
    if (p.leader < 0)
      throw new ActionError(
        `partition ${p.partition} of ${layout.name} has no leader right now; try again when its broker is back`,
      );
    byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p.partition]);
  }
  const out = new Map<number, number>();
  await Promise.all(
    [...byLeader].map(async ([leader, partitions]) => {
      await send(await brokerOf(connections, leader), listOffsets, {
        topics: new Map([[layout.name, partitions]]),
        timestamp: (_topic, partition) => timestampOf(partition),
        each: (_topic, partition, offset) => out.set(partition, offset),
        failed(_topic, partition, errorCode) {
          throw new ActionError(
            `listing offsets of ${layout.name} partition ${partition} failed (Kafka error ${errorCode})`,
          );
        },
      });
    }),
  );
  return out;
}

/** Log start and end of every partition. */
export async function topicWatermarks(
  connections: KafkaConnections,
  layout: TopicLayout,
): Promise<Map<number, { low: number; high: number }>> {
  const [low, high] = await Promise.all([
    topicOffsets(connections, layout, () => OffsetSpec.EARLIEST),
    topicOffsets(connections, layout, () => OffsetSpec.LATEST),
  ]);
  return new Map(
    layout.partitions.map((p) => [p.partition, { low: low.get(p.partition) ?? 0, high: high.get(p.partition) ?? 0 }]),
  );
}
