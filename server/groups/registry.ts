import type {
  GroupEpochs,
  GroupMember,
  GroupState,
  GroupType,
  MemberRef,
  Rebalance,
  SharePartitionOffset,
} from '@/lib/contract/groups';
import { REBALANCE_HISTORY_CAP } from '@/lib/contract/groups';
import { partitionKey } from '@/lib/contract/cluster';
import type { GroupMetadata, OffsetsRecord } from '@/server/kafka/protocol';
import { EpochTimeline } from './epoch-timeline';
import { membersFromStored, type DescribedGroup } from './from-kafka';
import type { CommittedReading, LogReading } from '@/lib/lag/arithmetic';
import { stamp } from './log-ends';
import type { RecordMeta } from './offsets-log-reader';

// Every group the dashboard knows, merged from two sources that each see half:
// - the offsets log (__consumer_offsets): commits as they happen, and each completed generation with its
//   members and assignment — the only place the generation id exists;
// - DescribeGroups (each poll round): the live state (rebalancing or not) and groups that have
//   not written anything yet.
// Whichever arrived last wins, so a rebalance shows the moment its generation is stored.

export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: number;
  at: number;
  /** When the dashboard applied it, on the log-ends clock (./log-ends.ts stamp). */
  seenAt: number;
  /** The newest commit of this partition with a log end read after it: what lag is shown
   *  from while the newest commit waits for its end (lib/lag/arithmetic.ts). */
  paired: { committed: CommittedReading; log: LogReading } | null;
}

export interface GroupEntry {
  groupId: string;
  type: GroupType;
  state: GroupState;
  protocolType: string;
  protocol: string | null;
  generation: number | null;
  members: GroupMember[];
  /** Last generation stored in the log, with its members (for the next diff). */
  stored: { generation: number; members: GroupMember[] } | null;
  offsets: Map<string, CommittedOffset>;
  /** __consumer_offsets partition holding this group: its leader is the coordinator. */
  logPartition: number | null;
  /** Broker that answered DescribeGroups for it last. */
  describedBy: number | null;
  rebalancingSince: number | null;
  /** When the log last changed this group's membership: a describe sent before is stale. */
  storedAt: number;
  rebalances: Rebalance[];
  /** From the new protocols' describe answers; null / empty for classic groups. */
  epochs: GroupEpochs | null;
  shareOffsets: SharePartitionOffset[];
  /** The new protocols' epoch timeline from the offsets log; null for classic groups. */
  timeline: EpochTimeline | null;
}

const REBALANCING: GroupState[] = ['PreparingRebalance', 'CompletingRebalance', 'Assigning', 'Reconciling'];

function newEntry(groupId: string): GroupEntry {
  return {
    groupId,
    type: 'classic',
    state: 'Unknown',
    protocolType: '',
    protocol: null,
    generation: null,
    members: [],
    stored: null,
    offsets: new Map(),
    logPartition: null,
    describedBy: null,
    rebalancingSince: null,
    storedAt: 0,
    rebalances: [],
    epochs: null,
    shareOffsets: [],
    timeline: null,
  };
}

const ref = (m: GroupMember): MemberRef => ({ memberId: m.memberId, clientId: m.clientId, host: m.host });

/** What changed between two generations: who joined, who left, which partitions moved. */
export function diffGenerations(
  before: GroupMember[],
  after: GroupMember[],
): Pick<Rebalance, 'joined' | 'left' | 'changes'> {
  const beforeIds = new Set(before.map((m) => m.memberId));
  const afterIds = new Set(after.map((m) => m.memberId));
  const owners = (members: GroupMember[]) =>
    new Map(
      members.flatMap((m) =>
        m.assignments.map((tp) => [partitionKey(tp.topic, tp.partition), { tp, owner: m.memberId }] as const),
      ),
    );
  const was = owners(before);
  const now = owners(after);
  const changes = [...new Set([...was.keys(), ...now.keys()])]
    .filter((k) => was.get(k)?.owner !== now.get(k)?.owner)
    .map((k) => {
      const tp = (now.get(k) ?? was.get(k))!.tp;
      return {
        topic: tp.topic,
        partition: tp.partition,
        from: was.get(k)?.owner ?? null,
        to: now.get(k)?.owner ?? null,
      };
    })
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return {
    joined: after.filter((m) => !beforeIds.has(m.memberId)).map(ref),
    left: before.filter((m) => !afterIds.has(m.memberId)).map(ref),
    changes,
  };
}

const fingerprint = (e: GroupEntry) => [
  e.type,
  e.state,
  e.members,
  e.describedBy,
  e.protocol,
  e.rebalancingSince,
  e.epochs,
  e.shareOffsets,
];

export class GroupRegistry {
  readonly groups = new Map<string, GroupEntry>();

  private entry(groupId: string): GroupEntry {
    let e = this.groups.get(groupId);
    if (!e) {
      e = newEntry(groupId);
      this.groups.set(groupId, e);
    }
    return e;
  }

  /** Applies one decoded log record; returns the group it touched. */
  applyRecord(record: Exclude<OffsetsRecord, { kind: 'skipped' }>, meta: RecordMeta, now = Date.now()): string {
    const e = this.entry(record.group);
    e.logPartition = meta.partition;
    if (record.kind === 'epoch') {
      e.timeline ??= new EpochTimeline(record.record.family);
      e.timeline.apply(record.record, meta.timestamp);
      // Until its coordinator answers, the records say which protocol the group runs.
      if (e.describedBy === null) e.type = record.record.family;
    } else if (record.kind === 'offset') {
      const key = partitionKey(record.topic, record.partition);
      if (record.value === null) e.offsets.delete(key);
      else
        e.offsets.set(key, {
          topic: record.topic,
          partition: record.partition,
          offset: record.value.offset,
          at: record.value.commitTimestamp,
          seenAt: stamp(),
          paired: e.offsets.get(key)?.paired ?? null,
        });
    } else if (record.value === null) {
      // Tombstone: the coordinator deleted the group (expired or removed by an admin).
      e.stored = null;
      e.members = [];
      e.state = 'Dead';
      e.generation = null;
    } else {
      this.applyGeneration(e, record.value, meta, now);
    }
    this.dropIfGone(e);
    return e.groupId;
  }

  private applyGeneration(e: GroupEntry, value: GroupMetadata, meta: RecordMeta, now: number): void {
    const members = membersFromStored(value);
    const prev = e.stored;
    // A replay (after the reader restarted from the log start) brings older generations again.
    if (prev && value.generation < prev.generation) return;
    if (!prev || value.generation > prev.generation) {
      const rebalance: Rebalance = {
        generation: value.generation,
        at: meta.timestamp,
        protocol: value.protocol,
        leader: value.leader,
        members: members.length,
        ...diffGenerations(prev?.members ?? [], members),
        durationMs: meta.live && e.rebalancingSince !== null ? Math.max(0, now - e.rebalancingSince) : null,
        source: meta.live ? 'live' : 'history',
      };
      e.rebalances.unshift(rebalance);
      if (e.rebalances.length > REBALANCE_HISTORY_CAP) e.rebalances.length = REBALANCE_HISTORY_CAP;
    }
    e.stored = { generation: value.generation, members };
    e.generation = value.generation;
    e.protocolType = value.protocolType;
    e.protocol = value.protocol;
    e.members = members;
    // The coordinator stores a generation as the rebalance completes, then marks it Stable
    // (or Empty when the last member left).
    e.state = members.length > 0 ? 'Stable' : 'Empty';
    e.rebalancingSince = null;
    e.storedAt = now;
  }

  /** Applies one broker's DescribeGroups answer (it lists exactly the groups it coordinates).
   *  `sentAt`: when the request left; the log may have moved on since. Returns touched groups. */
  applyDescribed(broker: number, described: DescribedGroup[], sentAt: number, now = Date.now()): Set<string> {
    const touched = new Set<string>();
    const seen = new Set(described.map((d) => d.groupId));
    for (const d of described) {
      const e = this.entry(d.groupId);
      const before = JSON.stringify(fingerprint(e));
      e.describedBy = broker;
      if (e.storedAt <= sentAt) {
        e.type = d.type;
        e.epochs = d.epochs;
        e.shareOffsets = d.shareOffsets;
        e.state = d.state;
        if (d.protocolType) e.protocolType = d.protocolType;
        if (d.protocol) e.protocol = d.protocol;
        e.members = this.mergeMembers(e, d);
        if (REBALANCING.includes(d.state)) e.rebalancingSince ??= now;
        else e.rebalancingSince = null;
      }
      if (JSON.stringify(fingerprint(e)) !== before) touched.add(e.groupId);
    }
    // Groups this broker coordinated last round but no longer lists: gone, or moved (a
    // broker that lists them will say so).
    for (const e of this.groups.values()) {
      if (e.describedBy !== broker || seen.has(e.groupId)) continue;
      e.describedBy = null;
      if (e.stored === null && e.offsets.size === 0) e.state = 'Dead';
      touched.add(e.groupId);
      this.dropIfGone(e);
    }
    return touched;
  }

  /** Describe answers carry no group instance id or session timeout (kafkajs asks an old
   *  version); the stored generation does. */
  private mergeMembers(e: GroupEntry, d: DescribedGroup): GroupMember[] {
    const stored = new Map((e.stored?.members ?? []).map((m) => [m.memberId, m]));
    return d.members.map((m) => {
      const s = stored.get(m.memberId);
      return {
        ...m,
        groupInstanceId: m.groupInstanceId ?? s?.groupInstanceId ?? null,
        sessionTimeoutMs: s?.sessionTimeoutMs ?? null,
        subscribedTopics: m.subscribedTopics.length > 0 ? m.subscribedTopics : (s?.subscribedTopics ?? []),
      };
    });
  }

  /** A group with no metadata, no offsets and no coordinator listing it no longer exists
   *  (deleted, expired, or its topics deleted: Kafka then writes tombstones for its offsets). */
  private dropIfGone(e: GroupEntry): void {
    const recorded = e.timeline?.exists() ?? false;
    if (e.stored === null && e.offsets.size === 0 && e.describedBy === null && e.members.length === 0 && !recorded) {
      this.groups.delete(e.groupId);
    }
  }
}
