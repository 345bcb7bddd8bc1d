import type { PartitionProgress, ScanOutcome, ScanTotals } from '@/lib/contract/browse';

// What the browse screen shows about a scan, computed once here and tested: the time left, how
// far each partition is, and why a scan stopped, in plain words.

/** Past this little work the rate says nothing yet. */
const MIN_SCANNED_FOR_ESTIMATE = 100;
const MIN_ELAPSED_FOR_ESTIMATE_MS = 250;

/** Milliseconds left at the rate so far, or null while too little was read to tell. An upper
 *  bound: `remaining` counts offsets, and a scan may also stop at its limit first. */
export function estimateLeftMs(t: Pick<ScanTotals, 'scanned' | 'remaining' | 'elapsedMs'>): number | null {
  if (t.remaining <= 0) return 0;
  if (t.scanned < MIN_SCANNED_FOR_ESTIMATE || t.elapsedMs < MIN_ELAPSED_FOR_ESTIMATE_MS) return null;
  return Math.round((t.remaining * t.elapsedMs) / t.scanned);
}

/** A time left, as a message key and its number: "under a second", "about 12 s", "about 3 min". */
export type DurationWords = { key: 'underSecond' } | { key: 'seconds' | 'minutes' | 'hours'; value: number };

export function describeDuration(ms: number): DurationWords {
  if (ms < 1000) return { key: 'underSecond' };
  if (ms < 60_000) return { key: 'seconds', value: Math.round(ms / 1000) };
  if (ms < 3_600_000) return { key: 'minutes', value: Math.round(ms / 60_000) };
  return { key: 'hours', value: Math.round(ms / 360_000) / 10 };
}

/** 0..1: how much of a partition's range is read. Backward reads from `end` down to `start`. */
export function partitionFraction(p: PartitionProgress, direction: 'forward' | 'backward'): number {
  if (p.done) return 1;
  const span = p.end - p.start;
  if (span <= 0) return 1;
  const read = direction === 'forward' ? p.position - p.start : p.end - p.position;
  return Math.min(1, Math.max(0, read / span));
}

/** Why a scan ended, as a message key with its numbers; the page words it in its language. */
export interface OutcomeWords {
  key: 'limit' | 'maxScanned' | 'end' | 'cancelled' | 'error' | 'errorWith';
  values: Record<string, string | number>;
}

export function describeOutcome(o: ScanOutcome, limits: { limit: number; maxScanned: number }): OutcomeWords {
  switch (o.stoppedBy) {
    case 'limit':
      return { key: 'limit', values: { limit: limits.limit } };
    case 'maxScanned':
    case 'cancelled':
      return { key: o.stoppedBy, values: { scanned: o.scanned } };
    case 'end':
      return { key: 'end', values: { scanned: o.scanned, matches: o.matches } };
    case 'error':
      return o.error
        ? { key: 'errorWith', values: { scanned: o.scanned, error: o.error } }
        : { key: 'error', values: { scanned: o.scanned } };
  }
}
