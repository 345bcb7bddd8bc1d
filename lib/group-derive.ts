import { compareNames } from './cluster-patch';
import type { GroupDetail, GroupMember, GroupsPatch, GroupsSnapshot, GroupSummary, PartitionLag } from './contract/groups';

// What the group screens derive from the wire types, computed here once and tested here:
// idle members and unassigned partitions with the reason, per-topic totals, time to catch
// up, stable member colours, and applying summary patches.

export class GroupsPatchGapError extends Error {
  constructor(have: number, from: number) {
    super(`groups patch from version ${from} cannot apply to version ${have}`);
  }
}

/** Applies a summaries patch; throws GroupsPatchGapError on a version gap (the client resyncs). */
export function applyGroupsPatch(snapshot: GroupsSnapshot, patch: GroupsPatch): GroupsSnapshot {
  if (patch.from !== snapshot.version) throw new GroupsPatchGapError(snapshot.version, patch.from);
  const sidecar = patch.sidecar ?? snapshot.sidecar;
  const changed = new Map(patch.upsert.map((g) => [g.groupId, g]));
  if (patch.remove.length === 0) {
    // Only known groups changed (the usual patch): swap them in place, no re-sort.
    let replaced = 0;
    const groups = snapshot.groups.map((g) => {
      const update = changed.get(g.groupId);
      if (!update) return g;
      replaced++;
      return update;
    });
    if (replaced === changed.size) return { version: patch.to, groups, sidecar };
  }
  const byId = new Map(snapshot.groups.map((g) => [g.groupId, g]));
  for (const id of patch.remove) byId.delete(id);
  for (const g of patch.upsert) byId.set(g.groupId, g);
  return { version: patch.to, groups: [...byId.values()].sort((a, b) => compareNames(a.groupId, b.groupId)), sidecar };
}

export const isRebalancing = (g: Pick<GroupSummary, 'state'>) => g.state === 'PreparingRebalance' || g.state === 'CompletingRebalance';

/** Why a member owns nothing, in one line. */
export function idleReason(detail: GroupDetail, member: GroupMember): string | null {
  if (member.assignments.length > 0) return null;
  if (isRebalancing(detail)) return 'rebalancing: partitions were revoked, the new assignment is on its way';
  const partitions = new Set(detail.offsets.filter((o) => member.subscribedTopics.includes(o.topic)).map((o) => `${o.topic}:${o.partition}`)).size;
  if (member.subscribedTopics.length > 0 && partitions === 0) return 'its topics have no partitions yet';
  if (detail.members.length > partitions && partitions > 0) {
    const idle = detail.members.length - partitions;
    return `${detail.members.length} members, ${partitions} partitions: a partition is read by one member of a group at a time, so ${idle} ${idle === 1 ? 'member waits' : 'members wait'}`;
  }
  return 'the assignor gave it nothing this generation';
}

export function idleMembers(detail: GroupDetail): GroupMember[] {
  return detail.members.filter((m) => m.assignments.length === 0);
}

/** Why nobody reads a partition, in one line. */
export function unassignedReason(detail: GroupDetail, row: PartitionLag): string | null {
  if (row.memberId !== null) return null;
  if (detail.members.length === 0) return 'the group has no members: nobody reads it and its lag grows';
  if (isRebalancing(detail)) return 'rebalancing: it gets an owner when the rebalance completes';
  if (!detail.members.some((m) => m.subscribedTopics.includes(row.topic))) return 'no member subscribes to this topic now: only its committed offset remains';
  return 'not in the last assignment: added after the last rebalance, or left out by the assignor';
}

export interface TopicLag {
  topic: string;
  partitions: number;
  lag: number | null;
  uncommitted: number;
}

export function lagByTopic(offsets: PartitionLag[]): TopicLag[] {
  const byTopic = new Map<string, TopicLag>();
  for (const o of offsets) {
    const t = byTopic.get(o.topic) ?? { topic: o.topic, partitions: 0, lag: null, uncommitted: 0 };
    t.partitions++;
    if (o.lag !== null) t.lag = (t.lag ?? 0) + o.lag;
    if (o.committed === null) t.uncommitted++;
    byTopic.set(o.topic, t);
  }
  return [...byTopic.values()];
}

export interface CatchUp {
  /** Seconds until lag reaches 0 at the current rates; null when not catching up. */
  seconds: number | null;
  /** A few words for a tile; `text` says why. */
  label: string;
  text: string;
}

export function catchUp(g: Pick<GroupSummary, 'totalLag' | 'consumeRate' | 'produceRate' | 'members'>): CatchUp {
  const { totalLag, consumeRate, produceRate } = g;
  if (totalLag === null) return { seconds: null, label: '—', text: 'no committed offsets yet' };
  if (totalLag === 0) return { seconds: 0, label: 'caught up', text: 'no lag' };
  if (consumeRate === null || produceRate === null) return { seconds: null, label: '—', text: 'measuring rates…' };
  const net = consumeRate - produceRate;
  if (net <= 0) {
    const why = g.members === 0 ? 'no members are reading' : `producing ${fmtRate(produceRate)}/s, consuming ${fmtRate(consumeRate)}/s`;
    return { seconds: null, label: 'falling behind', text: why };
  }
  const seconds = Math.ceil(totalLag / net);
  return { seconds, label: `~${fmtDuration(seconds)}`, text: `at ${fmtRate(net)}/s net` };
}

const fmtRate = (r: number) => (r >= 100 ? Math.round(r).toLocaleString('en-US') : r.toFixed(1).replace(/\.0$/, ''));

export function fmtDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Distinct on the dark background, in an order where neighbours differ most. */
export const MEMBER_PALETTE = ['#8b5cf6', '#10b981', '#f59e0b', '#0ea5e9', '#f43f5e', '#84cc16', '#ec4899', '#14b8a6', '#f97316', '#6366f1'];

/** Colour per member, in the order members are listed (client id, then member id), so a
 *  member keeps its colour across rebalances unless someone sorting before it joins. */
export function memberColors(members: GroupMember[]): Map<string, string> {
  const sorted = [...members].sort((a, b) => a.clientId.localeCompare(b.clientId) || a.memberId.localeCompare(b.memberId));
  return new Map(sorted.map((m, i) => [m.memberId, MEMBER_PALETTE[i % MEMBER_PALETTE.length]]));
}

export type LagTrend = 'growing' | 'shrinking' | 'flat' | 'unknown';

export function lagTrend(g: Pick<GroupSummary, 'lagTrend'>): LagTrend {
  if (g.lagTrend === null) return 'unknown';
  return g.lagTrend > 0 ? 'growing' : g.lagTrend < 0 ? 'shrinking' : 'flat';
}
