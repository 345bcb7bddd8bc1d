import { ensureConnected } from '@/server/kafka/connections';
import { groupCoordinator, type KafkaConnections } from '@/server/kafka/kafkajs-private';
import { ActionError } from '@/server/actions/errors';

// Commits offsets for a group without joining it. Kafka's coordinator accepts an OffsetCommit
// with generation -1 and an empty member id only while the group has no members (a "simple"
// commit, what Kafka's own admin client sends for alterConsumerGroupOffsets). kafkajs's
// setOffsets/resetOffsets instead join the group with a throwaway consumer, which bumps its
// generation and shows up as a member and a rebalance on the dashboard.

const NO_GENERATION = -1;
const NO_MEMBER = '';

/** Kafka's answers when a member appeared between the state check and the commit. */
const GROUP_BUSY = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS']);

export async function commitWithoutJoining(
  connections: KafkaConnections,
  groupId: string,
  topic: string,
  offsets: Map<number, number>,
): Promise<void> {
  await ensureConnected(connections);
  const coordinator = await groupCoordinator(connections, groupId);
  const partitions = [...offsets].map(([partition, offset]) => ({ partition, offset: String(offset) }));
  const answer = await coordinator
    .offsetCommit({ groupId, groupGenerationId: NO_GENERATION, memberId: NO_MEMBER, topics: [{ topic, partitions }] })
    .catch((e: unknown) => {
      const type = (e as { type?: string } | null)?.type;
      if (type && GROUP_BUSY.has(type))
        throw new ActionError(`group ${groupId} gained members while resetting (${type}); stop its consumers first`);
      throw e;
    });
  // kafkajs throws on the first failed partition; this catches any it let through.
  const failed = answer.responses.flatMap((r) => r.partitions.filter((p) => p.errorCode !== 0));
  if (failed.length > 0)
    throw new ActionError(
      `the commit failed for ${failed.map((p) => `partition ${p.partition} (Kafka error ${p.errorCode})`).join(', ')}`,
    );
}
