import type { BrowseFrom } from '@/lib/contract/browse';
import { QueryError } from './query-error';

// Where each partition's scan starts and ends, from the query's starting point and the offsets
// Kafka answered (ListOffsets: log start, log end or, for read_committed, the last stable
// offset, and the first offset at or after a timestamp). Pure, so each case is tested here.

export interface PartitionBounds {
  partition: number;
  logStart: number;
  /** Exclusive: the high watermark, or the last stable offset for read_committed. */
  logEnd: number;
  /** For `from: { timestamp }`: the first offset whose timestamp is at or after it, or null when
   *  no message is that new (ListOffsets answers -1). */
  atTimestamp?: number | null;
}

/** Offsets [start, end) of one partition to read. Forward reads up from start; backward reads
 *  down from end. */
export interface PartitionRange {
  partition: number;
  start: number;
  end: number;
}

/** Does the plan need ListOffsets by timestamp first. */
export function needsTimestampLookup(from: BrowseFrom): from is { timestamp: number } {
  return 'timestamp' in from;
}

export function planRanges(
  from: BrowseFrom,
  direction: 'forward' | 'backward',
  bounds: readonly PartitionBounds[],
): PartitionRange[] {
  return bounds.map((b) => {
    const { partition, logStart, logEnd } = b;
    const clamp = (o: number) => Math.min(Math.max(o, logStart), logEnd);
    const range = (start: number, end: number): PartitionRange => ({ partition, start, end: Math.max(start, end) });
    if ('beforeEnd' in from) return range(clamp(logEnd - from.beforeEnd), logEnd);
    if ('position' in from) {
      if (direction === 'backward') return range(logStart, from.position === 'newest' ? logEnd : logStart);
      return range(from.position === 'oldest' ? logStart : logEnd, logEnd);
    }
    if ('offset' in from) {
      // Backward from an offset includes it: "show the message at offset N and those before it".
      return direction === 'forward' ? range(clamp(from.offset), logEnd) : range(logStart, clamp(from.offset + 1));
    }
    const at = clamp(b.atTimestamp ?? logEnd);
    return direction === 'forward' ? range(at, logEnd) : range(logStart, at);
  });
}

/** The partitions to scan: all when none were asked for, else those asked (each once, in order),
 *  refusing any the topic does not have. */
export function choosePartitions(
  topic: string,
  asked: readonly number[] | undefined,
  existing: readonly number[],
): number[] {
  const sorted = [...existing].sort((a, b) => a - b);
  if (asked === undefined) return sorted;
  const have = new Set(existing);
  const missing = asked.filter((p) => !have.has(p));
  if (missing.length > 0) {
    const span = sorted.length === 0 ? 'no partitions' : `partitions ${sorted[0]}-${sorted[sorted.length - 1]}`;
    throw new QueryError(`topic ${topic} has ${span}; no partition ${missing.slice(0, 5).join(', ')}`);
  }
  return [...new Set(asked)].sort((a, b) => a - b);
}
