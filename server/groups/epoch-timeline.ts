import type {
  EpochTimelineView,
  PartitionMove,
  TimelineEvent,
  TimelineMember,
  TimelinePartition,
} from '@/lib/contract/epoch-timeline';
import { TIMELINE_EVENTS_CAP, TIMELINE_MOVES_CAP } from '@/lib/contract/epoch-timeline';
import type { GroupEpochRecord, GroupFamily, OwnedSet } from '@/server/kafka/protocol/records/group-records';

// The epoch timeline of one group of the new protocols, folded from its records in
// __consumer_offsets in log order (pure: record in, view out). Times are the records' own
// timestamps, so a dashboard that restarts and replays the log arrives at the same timeline.
//
// A member "owns" what it is assigned plus what it is still revoking: a partition pending
// revocation is still being consumed. It is ownerless from the record in which its owner gave it
// up (revoked it, or left) to the record that gives it to the next member.

/** Topic id -> name (Metadata v12+); null while unknown. */
export type TopicNames = (topicId: string) => string | null;

interface Unit {
  of: string;
  partition: number;
}

type Stored<E> = E extends { revoked: TimelinePartition[] }
  ? Omit<E, 'revoked' | 'received' | 'revoking'> & { revoked: Unit[]; received: Unit[]; revoking: Unit[] }
  : E;
type StoredEvent = Stored<TimelineEvent>;
type StoredMove = Omit<PartitionMove, 'topic' | 'partition' | 'fromClientId' | 'toClientId'> & { unit: Unit };

interface MemberState {
  epoch: number;
  assigned: Unit[];
  revoking: Unit[];
  target: Unit[];
}

const keyOf = (u: Unit) => `${u.of}\u0000${u.partition}`;
const units = (sets: OwnedSet[]): Unit[] =>
  sets.flatMap((s) => s.partitions.map((partition) => ({ of: s.of, partition }))).sort(byUnit);
const byUnit = (a: Unit, b: Unit) => a.of.localeCompare(b.of) || a.partition - b.partition;
const minus = (a: Unit[], b: Unit[]) => {
  const drop = new Set(b.map(keyOf));
  return a.filter((u) => !drop.has(keyOf(u)));
};

export class EpochTimeline {
  private epoch: number | null = null;
  private assignmentEpoch: number | null = null;
  private readonly members = new Map<string, MemberState>();
  private readonly clientIds = new Map<string, string>();
  private readonly joined = new Set<string>();
  /** Members owning each unit (several in a share group). */
  private readonly owners = new Map<string, Set<string>>();
  /** Units given up and not yet received: when, and by whom. */
  private readonly free = new Map<string, { unit: Unit; since: number; by: string }>();
  /** Topic names the group's own records carry (ConsumerGroupPartitionMetadata, before 4.0). */
  private readonly recordNames = new Map<string, string>();
  private events: StoredEvent[] = [];
  private moves: StoredMove[] = [];

  constructor(readonly family: GroupFamily) {}

  get groupEpoch(): number | null {
    return this.epoch;
  }

  /** The log still holds the group (its epoch record or a member not yet removed). */
  exists(): boolean {
    return this.epoch !== null || this.joined.size > 0;
  }

  /** Applies one record written at `at`; returns whether the view changed. */
  apply(record: GroupEpochRecord, at: number): boolean {
    switch (record.type) {
      case 'group-epoch':
        if (record.value === null) return this.deleted(at);
        if (record.value.epoch === this.epoch) return false;
        this.epoch = record.value.epoch;
        this.push({ kind: 'group-epoch', at, epoch: record.value.epoch });
        return true;
      case 'target-epoch':
        if (record.value === null || record.value.assignmentEpoch === this.assignmentEpoch) return false;
        this.assignmentEpoch = record.value.assignmentEpoch;
        this.push({ kind: 'target-assignment', at, epoch: record.value.assignmentEpoch });
        return true;
      case 'topics':
        for (const t of record.value?.topics ?? []) this.recordNames.set(t.topicId, t.name);
        return false;
      case 'member':
        return this.member(record.memberId, record.value?.clientId ?? null, at);
      case 'target-member': {
        const m = this.memberState(record.memberId);
        m.target = units(record.value?.assigned ?? []);
        return true;
      }
      case 'current-assignment':
        return this.assignment(record.memberId, record.value, at);
      case 'other':
        return false;
    }
  }

  private member(memberId: string, clientId: string | null, at: number): boolean {
    if (clientId === null) {
      if (!this.joined.delete(memberId)) return false;
      this.push({ kind: 'member-left', at, memberId, clientId: this.clientIds.get(memberId) ?? null });
      this.members.delete(memberId);
      return true;
    }
    this.clientIds.set(memberId, clientId);
    if (this.joined.has(memberId)) return false;
    this.joined.add(memberId);
    this.push({ kind: 'member-joined', at, memberId, clientId });
    return true;
  }

  private memberState(memberId: string): MemberState {
    let m = this.members.get(memberId);
    if (!m) {
      m = { epoch: 0, assigned: [], revoking: [], target: [] };
      this.members.set(memberId, m);
    }
    return m;
  }

  private assignment(
    memberId: string,
    value: { memberEpoch: number; assigned: OwnedSet[]; revoking: OwnedSet[] } | null,
    at: number,
  ): boolean {
    const m = this.members.get(memberId);
    const before = m ? [...m.assigned, ...m.revoking] : [];
    const assigned = units(value?.assigned ?? []);
    const revoking = units(value?.revoking ?? []);
    const after = [...assigned, ...revoking];
    const revoked = minus(before, after).sort(byUnit);
    const received = minus(after, before).sort(byUnit);
    for (const u of revoked) this.release(u, memberId, at);
    for (const u of received) this.receive(u, memberId, at);
    if (value === null) {
      if (m) {
        m.assigned = [];
        m.revoking = [];
      }
      return revoked.length > 0;
    }
    const state = this.memberState(memberId);
    const newlyRevoking = minus(revoking, state.revoking);
    const changed = state.epoch !== value.memberEpoch || revoked.length + received.length + newlyRevoking.length > 0;
    Object.assign(state, { epoch: value.memberEpoch, assigned, revoking });
    if (changed) {
      const clientId = this.clientIds.get(memberId) ?? null;
      this.push({
        kind: 'member-epoch',
        at,
        memberId,
        clientId,
        epoch: value.memberEpoch,
        revoked,
        received,
        revoking,
      });
    }
    return changed;
  }

  private release(u: Unit, memberId: string, at: number): void {
    const owners = this.owners.get(keyOf(u));
    owners?.delete(memberId);
    if (!owners || owners.size === 0) {
      this.owners.delete(keyOf(u));
      this.free.set(keyOf(u), { unit: u, since: at, by: memberId });
    }
  }

  private receive(u: Unit, memberId: string, at: number): void {
    const key = keyOf(u);
    const owners = this.owners.get(key) ?? new Set<string>();
    // A share partition already read by another member has not changed hands: no move.
    if (owners.size === 0) {
      const freed = this.free.get(key);
      this.moves.unshift({
        unit: u,
        from: freed?.by ?? null,
        to: memberId,
        revokedAt: freed?.since ?? null,
        receivedAt: at,
        ownerlessMs: freed ? Math.max(0, at - freed.since) : null,
      });
      if (this.moves.length > TIMELINE_MOVES_CAP) this.moves.length = TIMELINE_MOVES_CAP;
    }
    this.free.delete(key);
    owners.add(memberId);
    this.owners.set(key, owners);
  }

  private deleted(at: number): boolean {
    this.epoch = null;
    this.assignmentEpoch = null;
    this.members.clear();
    this.joined.clear();
    this.owners.clear();
    this.free.clear();
    this.push({ kind: 'group-deleted', at });
    return true;
  }

  private push(e: StoredEvent): void {
    this.events.unshift(e);
    if (this.events.length > TIMELINE_EVENTS_CAP) this.events.length = TIMELINE_EVENTS_CAP;
  }

  view(names: TopicNames): EpochTimelineView {
    const ref = (u: Unit): TimelinePartition => ({
      topic: this.family === 'streams' ? `subtopology ${u.of}` : (names(u.of) ?? this.recordNames.get(u.of) ?? u.of),
      partition: u.partition,
    });
    const refs = (us: Unit[]) => us.map(ref);
    const client = (id: string | null) => (id === null ? null : (this.clientIds.get(id) ?? null));
    const members: TimelineMember[] = [...this.members]
      .filter(([id]) => this.joined.has(id))
      .map(([memberId, m]) => ({
        memberId,
        clientId: client(memberId),
        memberEpoch: m.epoch,
        assigned: refs(m.assigned),
        revoking: refs(m.revoking),
        target: refs(m.target),
      }))
      .sort((a, b) => a.memberId.localeCompare(b.memberId));
    return {
      groupEpoch: this.epoch,
      assignmentEpoch: this.assignmentEpoch,
      members,
      ownerless: [...this.free.values()].map((f) => ({ ...ref(f.unit), since: f.since })),
      events: this.events.map((e) =>
        e.kind === 'member-epoch'
          ? { ...e, revoked: refs(e.revoked), received: refs(e.received), revoking: refs(e.revoking) }
          : e,
      ),
      moves: this.moves.map(({ unit, ...m }) => ({
        ...ref(unit),
        ...m,
        fromClientId: client(m.from),
        toClientId: client(m.to),
      })),
    };
  }
}
