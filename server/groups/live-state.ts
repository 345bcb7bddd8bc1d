import type { WireCluster } from '../kafka/client';
import { describedGroup, type DescribedGroup } from './reshape';

// Live group state, asked of every broker each poll round: ListGroups names the groups a
// broker coordinates, DescribeGroups (one batch per broker) says their state and members.
// Two requests per broker per round, however many groups, and a broker that is down only
// leaves its own groups at their last known state (the admin client's listGroups fails whole).

// Large clusters: bound one DescribeGroups answer.
const DESCRIBE_BATCH = 200;

export interface BrokerGroups {
  broker: number;
  sentAt: number;
  groups: DescribedGroup[];
}

async function describeBatch(wire: WireCluster, broker: number, ids: string[]): Promise<DescribedGroup[]> {
  const conn = await wire.findBroker({ nodeId: broker });
  try {
    const { groups } = await conn.describeGroups({ groupIds: ids });
    return groups.map(describedGroup);
  } catch (e) {
    // kafkajs fails the whole batch for one group's error (e.g. still loading after a
    // coordinator move): ask one by one so the others still show.
    if (ids.length === 1) throw e;
    const one = await Promise.allSettled(ids.map((id) => describeBatch(wire, broker, [id])));
    return one.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  }
}

export async function describeBrokerGroups(wire: WireCluster, broker: number): Promise<BrokerGroups> {
  const sentAt = Date.now();
  const conn = await wire.findBroker({ nodeId: broker });
  const { groups } = await conn.listGroups();
  const ids = groups.map((g) => g.groupId);
  const described: DescribedGroup[] = [];
  for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) described.push(...(await describeBatch(wire, broker, ids.slice(i, i + DESCRIBE_BATCH))));
  return { broker, sentAt, groups: described };
}

/** Every reachable broker's groups; brokers that fail are left out (their groups keep their last state). */
export async function describeAllGroups(wire: WireCluster, brokers: number[]): Promise<BrokerGroups[]> {
  const results = await Promise.allSettled(brokers.map((b) => describeBrokerGroups(wire, b)));
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}
