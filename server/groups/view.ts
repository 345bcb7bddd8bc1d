import type { Topic } from '../../lib/contract/cluster';
import type { GroupDetail, GroupSummary, PartitionLag, TopicConsumers } from '../../lib/contract/groups';
import type { GroupRates } from './lag-history';
import { totalLag } from './lag-history';
import type { GroupEntry } from './registry';

// Turns a registry entry plus the cluster's watermarks into what clients see. Pure: the
// service calls it whenever either side changes.

/** Topics a group is about: what its members subscribe to or own, and what it committed. */
export function groupTopics(e: GroupEntry): string[] {
  const topics = new Set<string>();
  for (const m of e.members) {
    for (const t of m.subscribedTopics) topics.add(t);
    for (const tp of m.assignments) topics.add(tp.topic);
  }
  for (const o of e.offsets.values()) topics.add(o.topic);
  return [...topics].sort();
}

/** One row per partition of every topic the group is about, committed or not: a partition
 *  with nothing committed shows as such rather than vanishing or reading as lag 0. */
export function groupOffsets(e: GroupEntry, topics: ReadonlyMap<string, Topic>): PartitionLag[] {
  const owner = new Map<string, string>();
  for (const m of e.members) for (const tp of m.assignments) owner.set(`${tp.topic}:${tp.partition}`, m.memberId);
  const rows: PartitionLag[] = [];
  for (const name of groupTopics(e)) {
    const topic = topics.get(name);
    const partitions = new Set<number>(topic?.partitions.map((p) => p.partition) ?? []);
    // Commits for partitions the metadata does not know (a deleted topic) still show.
    for (const o of e.offsets.values()) if (o.topic === name) partitions.add(o.partition);
    for (const partition of [...partitions].sort((a, b) => a - b)) {
      const key = `${name}:${partition}`;
      const committed = e.offsets.get(key);
      const logEnd = topic?.partitions.find((p) => p.partition === partition)?.high ?? null;
      rows.push({
        topic: name,
        partition,
        committed: committed?.offset ?? null,
        logEnd,
        // A commit can arrive before the next watermark read: never show negative lag.
        lag: committed && logEnd !== null ? Math.max(0, logEnd - committed.offset) : null,
        memberId: owner.get(key) ?? null,
        committedAt: committed?.at ?? null,
      });
    }
  }
  return rows;
}

export function summarize(e: GroupEntry, offsets: PartitionLag[], rates: GroupRates, coordinator: number | null): GroupSummary {
  return {
    groupId: e.groupId,
    state: e.state,
    protocolType: e.protocolType,
    protocol: e.protocol,
    generation: e.generation,
    members: e.members.length,
    topics: groupTopics(e),
    totalLag: totalLag(offsets),
    uncommittedPartitions: offsets.filter((o) => o.committed === null).length,
    lagTrend: rates.lagTrend,
    consumeRate: rates.consumeRate === null ? null : round(rates.consumeRate),
    produceRate: rates.produceRate === null ? null : round(rates.produceRate),
    coordinator,
    rebalancingSince: e.rebalancingSince,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function detail(e: GroupEntry, offsets: PartitionLag[], rates: GroupRates, coordinator: number | null): GroupDetail {
  return { ...summarize(e, offsets, rates, coordinator), members: e.members, offsets, rebalances: e.rebalances };
}

export function topicConsumers(topic: string, groups: { entry: GroupEntry; offsets: PartitionLag[] }[]): TopicConsumers {
  return {
    topic,
    groups: groups
      .map(({ entry, offsets }) => {
        const mine = offsets.filter((o) => o.topic === topic);
        return {
          groupId: entry.groupId,
          state: entry.state,
          totalLag: totalLag(mine),
          partitions: mine.map((o) => ({ partition: o.partition, committed: o.committed, logEnd: o.logEnd, lag: o.lag })),
        };
      })
      .filter((g) => g.partitions.length > 0)
      .sort((a, b) => a.groupId.localeCompare(b.groupId)),
  };
}
