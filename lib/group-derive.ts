import { partitionKey } from './contract/cluster';
import type { GroupDetail, GroupMember, GroupSummary, PartitionLag } from './contract/groups';

// What the group screens derive from the wire types, computed here once and tested here:
// idle members and unassigned partitions with the reason, time to catch up, stable member
// colours. Lag sums are in ./lag.ts, summary patches in ./groups-patch.ts.

export const isRebalancing = (g: Pick<GroupSummary, 'state'>) =>
  g.state === 'PreparingRebalance' || g.state === 'CompletingRebalance';

/** Why a member owns nothing, as a code the page words in its language. */
export type IdleReason =
  | { code: 'rebalancing' }
  | { code: 'noPartitions' }
  | { code: 'moreMembers'; members: number; partitions: number; idle: number }
  | { code: 'assignorGaveNothing' };

export function idleReason(detail: GroupDetail, member: GroupMember): IdleReason | null {
  if (member.assignments.length > 0) return null;
  if (isRebalancing(detail)) return { code: 'rebalancing' };
  const partitions = new Set(
    detail.offsets
      .filter((o) => member.subscribedTopics.includes(o.topic))
      .map((o) => partitionKey(o.topic, o.partition)),
  ).size;
  if (member.subscribedTopics.length > 0 && partitions === 0) return { code: 'noPartitions' };
  if (detail.members.length > partitions && partitions > 0)
    return {
      code: 'moreMembers',
      members: detail.members.length,
      partitions,
      idle: detail.members.length - partitions,
    };
  return { code: 'assignorGaveNothing' };
}

export function idleMembers(detail: GroupDetail): GroupMember[] {
  return detail.members.filter((m) => m.assignments.length === 0);
}

export interface MemberCounts {
  total: number;
  /** Heard from and owning partitions. */
  reading: number;
  /** Heard from, owning nothing. */
  idle: number;
  /** Still listed by the coordinator, but their process is gone (see lib/lab-derive silentMembers). */
  silent: number;
}

/** Who in the group reads. A silent member still owns its partitions in the coordinator's eyes,
 *  but reads nothing, so it is never counted as reading. */
export function memberCounts(detail: Pick<GroupDetail, 'members'>, silent: ReadonlySet<string>): MemberCounts {
  const heard = detail.members.filter((m) => !silent.has(m.memberId));
  const idle = heard.filter((m) => m.assignments.length === 0).length;
  return {
    total: detail.members.length,
    reading: heard.length - idle,
    idle,
    silent: detail.members.length - heard.length,
  };
}

/** The one-line state of the members tile: nobody reading wins over the rest. */
export function membersHint(c: MemberCounts): 'nobodyReading' | 'notHeard' | 'idle' | 'allReading' {
  // Idle members are heard from (a connect group's members own no topic partitions at all).
  if (c.total - c.silent === 0) return 'nobodyReading';
  if (c.silent > 0) return 'notHeard';
  if (c.idle > 0) return 'idle';
  return 'allReading';
}

/** Why nobody reads a partition, as a code the page words in its language. */
export type UnassignedReason = 'noMembers' | 'rebalancing' | 'notSubscribed' | 'notAssigned';

export function unassignedReason(detail: GroupDetail, row: PartitionLag): UnassignedReason | null {
  if (row.memberId !== null) return null;
  if (detail.members.length === 0) return 'noMembers';
  if (isRebalancing(detail)) return 'rebalancing';
  if (!detail.members.some((m) => m.subscribedTopics.includes(row.topic))) return 'notSubscribed';
  return 'notAssigned';
}

/** Time to catch up at the current rates, as a kind the page words in its language:
 *  `unknown` (nothing committed), `caughtUp`, `nobody` / `nobodyNothingWaits` (no members), `measuring` (rates not
 *  known yet), `falling` (consuming no faster than producing) or `eta` with `seconds`. */
export type CatchUp =
  | { kind: 'unknown' | 'caughtUp' | 'nobody' | 'nobodyNothingWaits' | 'measuring'; seconds: number | null }
  | { kind: 'falling'; seconds: null; produceRate: number; consumeRate: number }
  | { kind: 'eta'; seconds: number; net: number };

export function catchUp(g: Pick<GroupSummary, 'totalLag' | 'consumeRate' | 'produceRate' | 'members'>): CatchUp {
  const { totalLag, consumeRate, produceRate } = g;
  if (totalLag === null) return { kind: 'unknown', seconds: null };
  // Rates from before the last member left would promise a catch-up nobody is doing; and with
  // nobody reading, "caught up" would be an estimate too (the next message is not read).
  if (g.members === 0) return { kind: totalLag === 0 ? 'nobodyNothingWaits' : 'nobody', seconds: null };
  if (totalLag === 0) return { kind: 'caughtUp', seconds: 0 };
  if (consumeRate === null || produceRate === null) return { kind: 'measuring', seconds: null };
  const net = consumeRate - produceRate;
  if (net <= 0) return { kind: 'falling', seconds: null, produceRate, consumeRate };
  return { kind: 'eta', seconds: Math.ceil(totalLag / net), net };
}

/** Distinct on the dark background, in an order where neighbours differ most. */
export const MEMBER_PALETTE = [
  '#8b5cf6',
  '#10b981',
  '#f59e0b',
  '#0ea5e9',
  '#f43f5e',
  '#84cc16',
  '#ec4899',
  '#14b8a6',
  '#f97316',
  '#6366f1',
];

/** FNV-1a: a member's colour follows from its own id, not from who else is in the group. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Colour per member from its member id, so the same member has the same colour on every page
 *  and after every rebalance. Two members wanting one colour: the first by member id keeps it,
 *  the other takes the next free one. `previous` (the colours shown before) wins over that:
 *  a member already on screen keeps its colour when a newcomer would have taken it. */
export function memberColors(
  members: GroupMember[],
  previous: ReadonlyMap<string, string> = new Map(),
): Map<string, string> {
  const sorted = [...members].sort((a, b) => a.memberId.localeCompare(b.memberId));
  const taken = new Set<number>();
  const colors = new Map<string, string>();
  for (const m of sorted) {
    const slot = MEMBER_PALETTE.indexOf(previous.get(m.memberId) ?? '');
    if (slot < 0 || taken.has(slot)) continue;
    taken.add(slot);
    colors.set(m.memberId, MEMBER_PALETTE[slot]);
  }
  for (const m of sorted) {
    if (colors.has(m.memberId)) continue;
    let slot = hash(m.memberId) % MEMBER_PALETTE.length;
    for (let tries = 0; taken.has(slot) && tries < MEMBER_PALETTE.length; tries++)
      slot = (slot + 1) % MEMBER_PALETTE.length;
    if (taken.size < MEMBER_PALETTE.length) taken.add(slot);
    colors.set(m.memberId, MEMBER_PALETTE[slot]);
  }
  return colors;
}

export type LagTrend = 'growing' | 'shrinking' | 'flat' | 'unknown';

export function lagTrend(g: Pick<GroupSummary, 'lagTrend'>): LagTrend {
  if (g.lagTrend === null) return 'unknown';
  return g.lagTrend > 0 ? 'growing' : g.lagTrend < 0 ? 'shrinking' : 'flat';
}

/** Why an action that needs an empty group (reset, delete) is off, in the words the server
 *  refuses with; null when nobody is in the group. */
export function membersBlocking(detail: Pick<GroupDetail, 'groupId' | 'state' | 'members' | 'type'>): string | null {
  const n = detail.members.length;
  if (n === 0) return null;
  const type = detail.type === 'classic' ? '' : `${detail.type} `;
  return `${type}group ${detail.groupId} is ${detail.state} with ${n} member${n === 1 ? '' : 's'}; stop its consumers first`;
}
