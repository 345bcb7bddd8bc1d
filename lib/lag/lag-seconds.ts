import type { TopicPartitionRef } from '@/lib/contract/groups';
import type { GroupLagAge, LagAge, TimestampType } from '@/lib/contract/lag';

// Lag in seconds: the age of the oldest unread message, from the timestamp of the record at
// the committed offset (read by a bounded, cached fetch). Exact for LogAppendTime topics up to
// the broker's clock; an estimate for CreateTime, where producers set the time.

export interface RecordTime {
  /** Offset of the record read: the first at or after the committed offset (compaction and
   *  transaction markers leave gaps; the record read is then the oldest unread one). */
  offset: number;
  timestamp: number;
  type: TimestampType;
}

export function lagAge(committed: number | null, lag: number | null, record: RecordTime | null, now: number): LagAge {
  if (lag === 0) return { seconds: 0, estimate: false, reason: 'caught-up' };
  if (lag === null || committed === null) return { seconds: null, estimate: false, reason: 'lag-unknown' };
  // A record before the committed offset belongs to an older commit: not this one's age.
  if (record === null || record.offset < committed) return { seconds: null, estimate: false, reason: 'not-read-yet' };
  if (record.timestamp > now) return { seconds: 0, estimate: true, reason: 'future-timestamp' };
  const seconds = (now - record.timestamp) / 1000;
  return record.type === 'LogAppendTime'
    ? { seconds, estimate: false, reason: 'log-append-time' }
    : { seconds, estimate: true, reason: 'create-time' };
}

/** The group's lag in seconds: its partitions' maximum. */
export function groupLagAge(partitions: readonly (TopicPartitionRef & { age: LagAge })[]): GroupLagAge {
  let best: (TopicPartitionRef & { age: LagAge }) | null = null;
  let partial = false;
  for (const p of partitions) {
    if (p.age.seconds === null) partial ||= p.age.reason === 'not-read-yet' || p.age.reason === 'lag-unknown';
    else if (best === null || p.age.seconds > best.age.seconds!) best = p;
  }
  return {
    seconds: best?.age.seconds ?? null,
    estimate: best?.age.estimate ?? false,
    partition: best ? { topic: best.topic, partition: best.partition } : null,
    partial,
  };
}
