import { ActionError } from '@/server/actions/errors';
import type { KafkaClients } from '@/server/kafka/client';
import { apiMaxVersion, groupCoordinatorBroker } from '@/server/kafka/kafkajs-private';
import { consumerGroupDescribe, send, shareGroupDescribe, streamsGroupDescribe } from '@/server/kafka/protocol';

// A group's real state before a reset or a delete, asked with the describe of its own type: a KIP-848
// consumer group reads as Dead with 0 members through DescribeGroups, which would let a reset
// through under its running consumers. ConsumerGroupDescribe / ShareGroupDescribe /
// StreamsGroupDescribe answer
// GROUP_ID_NOT_FOUND for a group of another type, so each is tried in turn, classic last.

const CONSUMER_GROUP_DESCRIBE_API = 69;
const SHARE_GROUP_DESCRIBE_API = 77;
const STREAMS_GROUP_DESCRIBE_API = 89;
/** The version both describes are sent at: a 3.9 broker advertises v0 of them, early access. */
const DESCRIBE_VERSION = 1;

/** States in which nobody owns the group's partitions. Dead is also what Kafka answers for a
 *  group id it has never seen. */
const MEMBERLESS = new Set(['Empty', 'Dead']);

export interface GroupState {
  type: 'consumer' | 'share' | 'streams' | 'classic';
  state: string;
  members: number;
}

/** The group's type, state and member count, from the describe of its own type. A group id
 *  Kafka has never seen reads as classic, Dead, 0 members. */
export async function groupState(clients: KafkaClients, groupId: string): Promise<GroupState> {
  const coordinator = await groupCoordinatorBroker(clients.pollConnections, groupId);
  if ((apiMaxVersion(coordinator, CONSUMER_GROUP_DESCRIBE_API) ?? -1) >= DESCRIBE_VERSION) {
    const [g] = await send(coordinator, consumerGroupDescribe, { groupIds: [groupId] });
    if (g && g.errorCode === 0) return { type: 'consumer', state: g.state, members: g.members.length };
  }
  if ((apiMaxVersion(coordinator, SHARE_GROUP_DESCRIBE_API) ?? -1) >= DESCRIBE_VERSION) {
    const [g] = await send(coordinator, shareGroupDescribe, { groupIds: [groupId] });
    if (g && g.errorCode === 0) return { type: 'share', state: g.state, members: g.members.length };
  }
  if (apiMaxVersion(coordinator, STREAMS_GROUP_DESCRIBE_API) !== null) {
    const [g] = await send(coordinator, streamsGroupDescribe, { groupIds: [groupId] });
    if (g && g.errorCode === 0) return { type: 'streams', state: g.state, members: g.members.length };
  }
  const admin = await clients.admin();
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups.find((g) => g.groupId === groupId);
  return { type: 'classic', state: group?.state ?? 'Dead', members: group?.members.length ?? 0 };
}

export const hasNoMembers = (g: GroupState): boolean => MEMBERLESS.has(g.state) && g.members === 0;

/** Refuses, in Kafka's own words for the state, unless nobody is in the group. */
export function refuseIfMembers(groupId: string, g: GroupState): void {
  if (hasNoMembers(g)) return;
  const type = g.type === 'classic' ? '' : `${g.type} `;
  throw new ActionError(
    `${type}group ${groupId} is ${g.state} with ${g.members} member${g.members === 1 ? '' : 's'}; stop its consumers first`,
  );
}
