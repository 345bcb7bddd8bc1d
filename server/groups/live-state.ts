import type { GroupType } from '@/lib/contract/groups';
import { apiMaxVersion, type BrokerConnection, type KafkaConnections } from '@/server/kafka/kafkajs-private';
import {
  consumerGroupDescribe,
  describeShareGroupOffsets,
  GROUP_ID_NOT_FOUND,
  LIST_GROUPS_TYPES_VERSION,
  listGroups,
  send,
  shareGroupDescribe,
  streamsGroupDescribe,
  type ListedGroup,
} from '@/server/kafka/protocol';
import {
  describedConsumerGroup,
  describedGroup,
  describedShareGroup,
  describedStreamsGroup,
  listedOnly,
  toGroupType,
  type DescribedGroup,
} from './from-kafka';

// Live group state, asked of every broker each poll round: ListGroups names the groups a
// broker coordinates and, from v5 (Kafka 3.8+), their type; each type is then described with
// its own API, one batch per broker: classic -> DescribeGroups, consumer (KIP-848) ->
// ConsumerGroupDescribe, share (KIP-932) -> ShareGroupDescribe + DescribeShareGroupOffsets,
// streams (KIP-1071) -> StreamsGroupDescribe.
// A broker without v5 lists every group as classic, as it always did. A broker that is down
// only leaves its own groups at their last known state (the admin client's listGroups fails whole).

// Large clusters: bound one describe answer.
const DESCRIBE_BATCH = 200;
const LIST_GROUPS_API = 16;
const STREAMS_GROUP_DESCRIBE_API = 89;

export interface BrokerGroups {
  broker: number;
  sentAt: number;
  groups: DescribedGroup[];
}

async function describeClassic(
  connections: KafkaConnections,
  broker: number,
  ids: string[],
): Promise<DescribedGroup[]> {
  const conn = await connections.findBroker({ nodeId: broker });
  try {
    const { groups } = await conn.describeGroups({ groupIds: ids });
    return groups.map(describedGroup);
  } catch (e) {
    // kafkajs fails the whole batch for one group's error (e.g. still loading after a
    // coordinator move): ask one by one so the others still show.
    if (ids.length === 1) throw e;
    const one = await Promise.allSettled(ids.map((id) => describeClassic(connections, broker, [id])));
    return one.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  }
}

async function describeConsumer(conn: BrokerConnection, ids: string[]): Promise<DescribedGroup[]> {
  const groups = await send(conn, consumerGroupDescribe, { groupIds: ids });
  // Per-group errors (still loading, moved away, deleted since the list) leave that group
  // at its last known state, as a failed classic describe does.
  return groups.filter((g) => g.errorCode === 0).map(describedConsumerGroup);
}

async function describeShare(conn: BrokerConnection, ids: string[]): Promise<DescribedGroup[]> {
  const groups = (await send(conn, shareGroupDescribe, { groupIds: ids })).filter((g) => g.errorCode === 0);
  return Promise.all(
    groups.map(async (g) => {
      // A group with no share-partition state yet answers GROUP_ID_NOT_FOUND or no topics.
      const offsets = await send(conn, describeShareGroupOffsets, { groupId: g.groupId }).catch((e: unknown) => {
        if ((e as { code?: number }).code === GROUP_ID_NOT_FOUND) return [];
        throw e;
      });
      return describedShareGroup(g, offsets);
    }),
  );
}

async function describeStreams(conn: BrokerConnection, ids: string[]): Promise<DescribedGroup[]> {
  const groups = await send(conn, streamsGroupDescribe, { groupIds: ids });
  return groups.filter((g) => g.errorCode === 0).map(describedStreamsGroup);
}

async function inBatches(
  ids: string[],
  describe: (batch: string[]) => Promise<DescribedGroup[]>,
): Promise<DescribedGroup[]> {
  const out: DescribedGroup[] = [];
  for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) out.push(...(await describe(ids.slice(i, i + DESCRIBE_BATCH))));
  return out;
}

async function listTyped(conn: BrokerConnection): Promise<ListedGroup[]> {
  if ((apiMaxVersion(conn, LIST_GROUPS_API) ?? 0) >= LIST_GROUPS_TYPES_VERSION) return send(conn, listGroups, {});
  const { groups } = await conn.listGroups();
  return groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, state: '', type: 'classic' }));
}

export async function describeBrokerGroups(connections: KafkaConnections, broker: number): Promise<BrokerGroups> {
  const sentAt = Date.now();
  const conn = await connections.findBroker({ nodeId: broker });
  const listed = await listTyped(conn);
  const byType = new Map<GroupType, ListedGroup[]>();
  for (const g of listed) {
    const type = toGroupType(g.type);
    byType.set(type, [...(byType.get(type) ?? []), g]);
  }
  const ids = (type: GroupType) => (byType.get(type) ?? []).map((g) => g.groupId);
  // A broker that lists streams groups but cannot describe them (an early-access version)
  // still shows them, as listed.
  const canDescribeStreams = apiMaxVersion(conn, STREAMS_GROUP_DESCRIBE_API) !== null;
  const [classic, consumer, share, streams] = await Promise.all([
    inBatches(ids('classic'), (batch) => describeClassic(connections, broker, batch)),
    inBatches(ids('consumer'), (batch) => describeConsumer(conn, batch)),
    inBatches(ids('share'), (batch) => describeShare(conn, batch)),
    canDescribeStreams
      ? inBatches(ids('streams'), (batch) => describeStreams(conn, batch))
      : Promise.resolve((byType.get('streams') ?? []).map(listedOnly)),
  ]);
  return { broker, sentAt, groups: [...classic, ...consumer, ...share, ...streams] };
}

/** Every reachable broker's groups; brokers that fail are left out (their groups keep their last state). */
export async function describeAllGroups(connections: KafkaConnections, brokers: number[]): Promise<BrokerGroups[]> {
  const results = await Promise.allSettled(brokers.map((b) => describeBrokerGroups(connections, b)));
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}
