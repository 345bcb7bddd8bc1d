import type { Topic } from '@/lib/contract/cluster';
import type { GroupDetail, GroupSummary, PartitionLag, TopicConsumers } from '@/lib/contract/groups';
import { partitionKey } from '@/lib/contract/cluster';
import { lagFigures, type LogReading } from '@/lib/lag/arithmetic';
import { totalExpiredUnread, totalLag } from '@/lib/lag/totals';
import { groupLagAge, lagAge, type RecordTime } from '@/lib/lag/lag-seconds';
import type { GroupVerdict } from '@/lib/contract/lag';
import type { VerdictConfig } from '@/lib/lag/verdict-config';
import { groupHealth, groupHealthDetail } from '@/server/lag/health';
import type { GroupRates } from './lag-history';
import type { CommittedOffset, GroupEntry } from './registry';
import type { TopicNames } from './epoch-timeline';

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

/** Latest log reading per partition key (./log-ends.ts). */
export type EndsOf = (key: string) => LogReading | null;

/** Time of the first record at or after an offset, when read (server/lag/record-times.ts). */
export type TimesOf = (topic: string, partition: number, offset: number) => RecordTime | null;

/** Where the oldest unread message is: the committed offset, or the log start when retention
 *  deleted past it. */
export const oldestUnreadOffset = (committed: number, logStart: number | null) => Math.max(committed, logStart ?? 0);

/** The row of a committed partition: the newest commit when the newest end was read after it,
 *  else the last commit that had one (a pair ~100 ms old is true; a commit against an older
 *  end is not), else the newest commit with lag not yet known. */
function committedRow(c: CommittedOffset, latest: LogReading | null) {
  const newest = { offset: c.offset, seenAt: c.seenAt };
  const [committed, log] =
    latest && latest.readAt >= c.seenAt
      ? [newest, latest]
      : c.paired
        ? [c.paired.committed, c.paired.log]
        : [newest, latest];
  const f = lagFigures(committed, log);
  return {
    committed: f.shownCommitted,
    logEnd: log?.end ?? null,
    logStart: log?.start ?? null,
    lag: f.lag,
    lagUnknown: f.unknown,
    lagAtLeast: f.atLeast,
    expiredUnread: f.expiredUnread,
  };
}

/** One row per partition of every topic the group is about, committed or not: a partition
 *  with nothing committed shows as such rather than vanishing or reading as lag 0. */
export function groupOffsets(
  e: GroupEntry,
  topics: ReadonlyMap<string, Topic>,
  ends: EndsOf,
  times: TimesOf = () => null,
  now = Date.now(),
): PartitionLag[] {
  const owner = new Map<string, string>();
  for (const m of e.members)
    for (const tp of m.assignments) owner.set(partitionKey(tp.topic, tp.partition), m.memberId);
  const rows: PartitionLag[] = [];
  for (const name of groupTopics(e)) {
    const topic = topics.get(name);
    const partitions = new Set<number>(topic?.partitions.map((p) => p.partition) ?? []);
    // Commits for partitions the metadata does not know (a deleted topic) still show.
    for (const o of e.offsets.values()) if (o.topic === name) partitions.add(o.partition);
    for (const partition of [...partitions].sort((a, b) => a - b)) {
      const key = partitionKey(name, partition);
      const committed = e.offsets.get(key);
      const latest = ends(key);
      const figures = committed
        ? committedRow(committed, latest)
        : {
            committed: null,
            logEnd: latest?.end ?? null,
            logStart: latest?.start ?? null,
            lag: null,
            lagUnknown: 'no-commit' as const,
            lagAtLeast: null,
            expiredUnread: null,
          };
      const record =
        figures.committed === null || !figures.lag
          ? null
          : times(name, partition, oldestUnreadOffset(figures.committed, figures.logStart));
      rows.push({
        topic: name,
        partition,
        ...figures,
        memberId: owner.get(key) ?? null,
        committedAt: committed?.at ?? null,
        lagAge: lagAge(figures.committed, figures.lag, record, now),
      });
    }
  }
  return rows;
}

export function summarize(
  e: GroupEntry,
  offsets: PartitionLag[],
  rates: GroupRates,
  coordinator: number | null,
  verdict: GroupVerdict | null = null,
  now = Date.now(),
): GroupSummary {
  return {
    groupId: e.groupId,
    type: e.type,
    state: e.state,
    protocolType: e.protocolType,
    protocol: e.protocol,
    generation: e.generation,
    members: e.members.length,
    topics: groupTopics(e),
    totalLag: totalLag(offsets),
    expiredUnread: totalExpiredUnread(offsets),
    lagAge: groupLagAge(offsets.map((o) => ({ topic: o.topic, partition: o.partition, age: o.lagAge }))),
    uncommittedPartitions: offsets.filter((o) => o.committed === null).length,
    lagTrend: rates.lagTrend,
    consumeRate: rates.consumeRate === null ? null : round(rates.consumeRate),
    produceRate: rates.produceRate === null ? null : round(rates.produceRate),
    coordinator,
    rebalancingSince: e.rebalancingSince,
    health: verdict && groupHealth(verdict),
    observedAt: now,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

export function detail(
  e: GroupEntry,
  offsets: PartitionLag[],
  rates: GroupRates,
  coordinator: number | null,
  verdict: GroupVerdict | null,
  config: VerdictConfig,
  topicNames: TopicNames = () => null,
): GroupDetail {
  return {
    ...summarize(e, offsets, rates, coordinator),
    health: verdict && groupHealthDetail(verdict, config),
    members: e.members,
    offsets,
    rebalances: e.rebalances,
    epochs: e.epochs,
    shareOffsets: e.shareOffsets,
    timeline: e.timeline?.view(topicNames) ?? null,
  };
}

export function topicConsumers(
  topic: string,
  groups: { entry: GroupEntry; offsets: PartitionLag[]; verdict: GroupVerdict | null }[],
): TopicConsumers {
  return {
    topic,
    groups: groups
      .map(({ entry, offsets, verdict }) => {
        const mine = offsets.filter((o) => o.topic === topic);
        const byPartition = new Map(
          (verdict?.partitions ?? []).filter((p) => p.topic === topic).map((p) => [p.partition, p.verdict]),
        );
        return {
          groupId: entry.groupId,
          state: entry.state,
          totalLag: totalLag(mine),
          health: verdict && groupHealth(verdict),
          partitions: mine.map((o) => ({
            verdict: byPartition.get(o.partition) ?? null,
            partition: o.partition,
            committed: o.committed,
            logEnd: o.logEnd,
            lag: o.lag,
            expiredUnread: o.expiredUnread,
            lagAge: o.lagAge,
          })),
        };
      })
      .filter((g) => g.partitions.length > 0)
      .sort((a, b) => a.groupId.localeCompare(b.groupId)),
  };
}
