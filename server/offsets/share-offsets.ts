import { ActionError } from '@/server/actions/errors';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { groupCoordinatorBroker, kafkaErrorText } from '@/server/kafka/kafkajs-private';
import { alterShareGroupOffsets, send } from '@/server/kafka/protocol';

// A share group's reset: its start offsets (where members begin acquiring records) live with
// the share coordinator, not as committed offsets, so they are set with AlterShareGroupOffsets.

export async function alterShareStartOffsets(
  connections: KafkaConnections,
  groupId: string,
  topic: string,
  offsets: Map<number, number>,
): Promise<void> {
  const coordinator = await groupCoordinatorBroker(connections, groupId);
  const answer = await send(coordinator, alterShareGroupOffsets, {
    groupId,
    topic,
    offsets: [...offsets].map(([partition, offset]) => ({ partition, offset })),
  });
  if (answer.errorCode !== 0)
    throw new ActionError(
      `Kafka refused the reset of share group ${groupId}: ${answer.errorMessage ?? kafkaErrorText(answer.errorCode)}`,
    );
  const failed = answer.partitions.filter((p) => p.errorCode !== 0);
  if (failed.length > 0)
    throw new ActionError(
      `Kafka refused the reset of share group ${groupId} on ${failed
        .map((p) => `partition ${p.partition} (${p.errorMessage ?? kafkaErrorText(p.errorCode)})`)
        .join(', ')}`,
    );
}
