import type { TopicPartitionRef } from './groups';

// The rebalance timeline of a group of the new protocols (KIP-848 consumer groups, and share
// and streams groups alike), as the coordinator records each step in __consumer_offsets: group
// epoch bumps, target assignments, and each member's reconciliation. A consumer group does not
// stop the world: partitions move one member at a time, and each is without an owner only from
// its revocation by one member to its assignment to the next. Built in server/groups/epoch-timeline.ts.

/** Streams groups own tasks, not partitions: `topic` is then `subtopology <id>`. */
export type TimelinePartition = TopicPartitionRef;

export type TimelineEvent =
  | { kind: 'group-epoch'; at: number; epoch: number }
  | { kind: 'target-assignment'; at: number; epoch: number }
  | { kind: 'member-joined' | 'member-left'; at: number; memberId: string; clientId: string | null }
  | {
      kind: 'member-epoch';
      at: number;
      memberId: string;
      clientId: string | null;
      epoch: number;
      /** Given up in this step (ownerless from now until someone receives them). */
      revoked: TimelinePartition[];
      received: TimelinePartition[];
      /** Asked to give up, still owned until the member says it has. */
      revoking: TimelinePartition[];
    }
  | { kind: 'group-deleted'; at: number };

/** One partition changing hands: `from` revoked it at `revokedAt`, `to` received it at `receivedAt`. */
export interface PartitionMove {
  topic: string;
  partition: number;
  from: string | null;
  fromClientId: string | null;
  to: string;
  toClientId: string | null;
  /** Null for a partition nobody owned before (a new group, a new topic). */
  revokedAt: number | null;
  receivedAt: number;
  /** receivedAt - revokedAt: how long no member owned the partition. */
  ownerlessMs: number | null;
}

export interface TimelineMember {
  memberId: string;
  clientId: string | null;
  memberEpoch: number;
  assigned: TimelinePartition[];
  revoking: TimelinePartition[];
  target: TimelinePartition[];
}

export interface EpochTimelineView {
  groupEpoch: number | null;
  assignmentEpoch: number | null;
  /** The group's members as the log last recorded them. */
  members: TimelineMember[];
  /** Partitions revoked and not yet received by anyone, with when they were revoked. */
  ownerless: (TimelinePartition & { since: number })[];
  /** Newest first, at most TIMELINE_EVENTS_CAP. */
  events: TimelineEvent[];
  /** Newest first, at most TIMELINE_MOVES_CAP. */
  moves: PartitionMove[];
}

export const TIMELINE_EVENTS_CAP = 200;
export const TIMELINE_MOVES_CAP = 100;
