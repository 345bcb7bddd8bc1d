import type { GroupMember, StreamsTaskSet, TopicPartitionRef } from '@/lib/contract/groups';

// What a member of a new-protocol group is still reconciling: partitions it owns but its target
// does not hold are being revoked; those in the target it does not own yet are being assigned.
// Classic and share members have no target: nothing is in motion for them.

const key = (tp: TopicPartitionRef) => `${tp.topic}\u0000${tp.partition}`;

export interface Reconciliation {
  revoking: TopicPartitionRef[];
  assigning: TopicPartitionRef[];
}

export function reconciliation(m: GroupMember): Reconciliation | null {
  const target = m.epochs?.targetAssignment;
  if (!target) return null;
  const owned = new Set(m.assignments.map(key));
  const wanted = new Set(target.map(key));
  return {
    revoking: m.assignments.filter((tp) => !wanted.has(key(tp))),
    assigning: target.filter((tp) => !owned.has(key(tp))),
  };
}

/** Streams tasks as Kafka names them: `0_1` is subtopology 0, partition 1. */
export const taskNames = (sets: StreamsTaskSet[]): string[] =>
  sets.flatMap((s) => s.partitions.map((p) => `${s.subtopology}_${p}`));
