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

/** "about 12 s", "about 3 min", "under a second". */
export function describeDuration(ms: number): string {
  if (ms < 1000) return 'under a second';
  if (ms < 60_000) return `about ${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `about ${Math.round(ms / 60_000)} min`;
  return `about ${(ms / 3_600_000).toFixed(1)} h`;
}

/** 0..1: how much of a partition's range is read. Backward reads from `end` down to `start`. */
export function partitionFraction(p: PartitionProgress, direction: 'forward' | 'backward'): number {
  if (p.done) return 1;
  const span = p.end - p.start;
  if (span <= 0) return 1;
  const read = direction === 'forward' ? p.position - p.start : p.end - p.position;
  return Math.min(1, Math.max(0, read / span));
}

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** Why a scan ended, as a sentence for the page. */
export function describeOutcome(o: ScanOutcome, limits: { limit: number; maxScanned: number }): string {
  switch (o.stoppedBy) {
    case 'limit':
      return `Stopped at the limit of ${plural(limits.limit, 'match', 'matches')}; start after the last one to see more.`;
    case 'maxScanned':
      return `Stopped after ${plural(o.scanned, 'message', 'messages')} scanned (the most this search reads); raise "max scanned" or narrow the start to read on.`;
    case 'end':
      return `Read to the end: ${plural(o.scanned, 'message', 'messages')} scanned, ${plural(o.matches, 'match', 'matches')}.`;
    case 'cancelled':
      return `Cancelled after ${plural(o.scanned, 'message', 'messages')} scanned.`;
    case 'error':
      return `Stopped by an error after ${plural(o.scanned, 'message', 'messages')} scanned${o.error ? `: ${o.error}` : ''}.`;
  }
}
