import type { OffsetsResetRequest } from '@/lib/contract/action-schemas';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { OffsetSpec } from '@/server/kafka/protocol';
import { ActionError } from '@/server/actions/errors';
import type { TopicLayout } from '@/server/topics/metadata';
import { topicOffsets, topicWatermarks } from '@/server/topics/watermarks';

// Where a reset puts each partition of the topic, checked against the log as it is now.

export async function resolveTargets(
  connections: KafkaConnections,
  layout: TopicLayout,
  req: OffsetsResetRequest,
): Promise<Map<number, number>> {
  switch (req.to) {
    case 'earliest':
      return topicOffsets(connections, layout, () => OffsetSpec.EARLIEST);
    case 'latest':
      return topicOffsets(connections, layout, () => OffsetSpec.LATEST);
    case 'timestamp': {
      const [found, ends] = await Promise.all([
        topicOffsets(connections, layout, () => req.timestamp),
        topicOffsets(connections, layout, () => OffsetSpec.LATEST),
      ]);
      // -1: no record at or after the timestamp, so the group starts at the log end.
      return new Map(
        layout.partitions.map(({ partition }) => [
          partition,
          (found.get(partition) ?? -1) < 0 ? (ends.get(partition) ?? 0) : found.get(partition)!,
        ]),
      );
    }
    case 'explicit':
      return explicitTargets(connections, layout, req.offsets);
  }
}

async function explicitTargets(
  connections: KafkaConnections,
  layout: TopicLayout,
  asked: { partition: number; offset: number }[],
): Promise<Map<number, number>> {
  const problems: string[] = [];
  const seen = new Set<number>();
  const count = layout.partitions.length;
  for (const { partition } of asked) {
    if (seen.has(partition)) problems.push(`partition ${partition} is listed twice`);
    seen.add(partition);
    if (partition >= count)
      problems.push(
        `partition ${partition} does not exist (${layout.name} has ${count} partition${count === 1 ? '' : 's'}: 0-${count - 1})`,
      );
  }
  if (problems.length > 0) throw new ActionError(problems.join('; '));
  const wanted = { ...layout, partitions: layout.partitions.filter((p) => seen.has(p.partition)) };
  const marks = await topicWatermarks(connections, wanted);
  for (const { partition, offset } of asked) {
    const m = marks.get(partition);
    if (!m) continue;
    if (offset < m.low) problems.push(`partition ${partition}: offset ${offset} is before the log start ${m.low}`);
    if (offset > m.high) problems.push(`partition ${partition}: offset ${offset} is past the log end ${m.high}`);
  }
  if (problems.length > 0) throw new ActionError(problems.join('; '));
  return new Map(asked.map(({ partition, offset }) => [partition, offset]));
}
