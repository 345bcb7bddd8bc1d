import { ensureConnected, type WireCluster } from '../kafka/client';
import { ActionError } from '../actions/errors';

// Commits offsets for a group without joining it. Kafka's coordinator accepts an OffsetCommit
// with generation -1 and an empty member id only while the group has no members (a "simple"
// commit, what Kafka's own admin client sends for alterConsumerGroupOffsets). kafkajs's
// setOffsets/resetOffsets instead join the group with a throwaway consumer, which bumps its
// generation and shows up as a member and a rebalance on the dashboard.

const NO_GENERATION = -1;
const NO_MEMBER = '';

interface CommitAnswer {
  responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[];
}

interface CoordinatorBroker {
  offsetCommit(request: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<CommitAnswer>;
}

/** The part of kafkajs's cluster object (src/cluster/index.js) this needs, beyond WireCluster. */
interface CoordinatorCluster {
  findGroupCoordinator(args: { groupId: string }): Promise<CoordinatorBroker>;
}

/** Kafka's answers when a member appeared between the state check and the commit. */
const GROUP_BUSY = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'REBALANCE_IN_PROGRESS']);

export async function commitWithoutJoining(wire: WireCluster, groupId: string, topic: string, offsets: Map<number, number>): Promise<void> {
  await ensureConnected(wire);
  const coordinator = await (wire as unknown as CoordinatorCluster).findGroupCoordinator({ groupId });
  const partitions = [...offsets].map(([partition, offset]) => ({ partition, offset: String(offset) }));
  let answer: CommitAnswer;
  try {
    answer = await coordinator.offsetCommit({ groupId, groupGenerationId: NO_GENERATION, memberId: NO_MEMBER, topics: [{ topic, partitions }] });
  } catch (e) {
    const type = (e as { type?: string } | null)?.type;
    if (type && GROUP_BUSY.has(type)) throw new ActionError(`group ${groupId} gained members while resetting (${type}); stop its consumers first`);
    throw e;
  }
  // kafkajs throws on the first failed partition; this catches any it let through.
  const failed = answer.responses.flatMap((r) => r.partitions.filter((p) => p.errorCode !== 0));
  if (failed.length > 0) throw new ActionError(`the commit failed for ${failed.map((p) => `partition ${p.partition} (Kafka error ${p.errorCode})`).join(', ')}`);
}
