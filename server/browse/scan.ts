import {
  BROWSE_DISPLAY_BYTES,
  BROWSE_PREVIEW_BYTES,
  BROWSE_RESULT_BYTES,
  type BrowseMessage,
  type PartitionProgress,
  type ScanOutcome,
  type ScanTotals,
  type StoppedBy,
} from '@/lib/contract/browse';
import { describeError } from '@/server/actions/errors';
import { displayBytes, toBrowseMessage } from './decode';
import type { Predicate } from './filter';
import type { PartitionRange } from './plan';
import type { ScanRecord } from './record';

// Runs one scan over planned partition ranges, whatever fetches the records: the Kafka adapter
// passes a `fetchBatch` that sends Fetch to the partition's leader; the tests pass an in-memory
// log. Partitions take turns, a few at a time, one bounded batch each, so no partition starves
// and memory stays bounded:
// - raw records: at most `parallel` fetched batches at once, each about `batchBytes` (Kafka
//   answers at least one whole record batch, so a record batch larger than that counts whole);
//   4 x 1 MiB by default;
// - found messages: decoded as found, BROWSE_DISPLAY_BYTES per key, value and header until the
//   scan has produced BROWSE_RESULT_BYTES (8 MiB), previews of BROWSE_PREVIEW_BYTES after that;
//   backward, a window holds at most 2 x limit of them until it is done.
// Forward: each partition is read up from its start. Backward: each partition is read window by
// window down from its end, each window read forward and its matches given newest first.

export interface FetchedBatch {
  /** May begin before the offset asked (Kafka answers whole record batches) and end past the
   *  range; the runner skips both. Read once, in order, each record used before the next: the
   *  Kafka adapter hands out one object for every record. */
  records: Iterable<ScanRecord>;
  /** The offset to ask for next: past the last record Kafka returned, including records the
   *  adapter dropped (aborted transactions under read_committed). */
  next: number;
}

export type FetchBatch = (
  partition: number,
  offset: number,
  maxBytes: number,
  signal: AbortSignal,
) => Promise<FetchedBatch>;

export interface ScanTuning {
  batchBytes: number;
  parallel: number;
  /** Offsets per backward window: larger means fewer fetches, more matches held. */
  backwardWindow: number;
  progressEveryMs: number;
  now: () => number;
}

export const SCAN_TUNING: ScanTuning = {
  batchBytes: 1024 * 1024,
  parallel: 4,
  backwardWindow: 2000,
  progressEveryMs: 250,
  now: Date.now,
};

export interface ScanOptions {
  ranges: readonly PartitionRange[];
  direction: 'forward' | 'backward';
  predicate: Predicate;
  limit: number;
  maxScanned: number;
  showControl: boolean;
  fetchBatch: FetchBatch;
  signal?: AbortSignal;
  /** Matches as found, in batches; forward in offset order per partition, backward newest first. */
  onMatches?: (messages: BrowseMessage[]) => void;
  /** At the start, then at most every progressEveryMs while the scan runs. */
  onProgress?: (progress: ScanTotals) => void;
  tuning?: Partial<ScanTuning>;
}

const CANCELLED = Symbol('cancelled');

export async function runScan(o: ScanOptions): Promise<ScanOutcome> {
  const t: ScanTuning = { ...SCAN_TUNING, ...o.tuning };
  const startedAt = t.now();
  const forward = o.direction === 'forward';
  const lanes: PartitionProgress[] = o.ranges.map((r) => ({
    partition: r.partition,
    start: r.start,
    end: r.end,
    position: forward ? r.start : r.end,
    scanned: 0,
    matches: 0,
    done: r.start >= r.end,
  }));
  let scanned = 0;
  let matches = 0;
  let reserved = 0;
  let budget = BROWSE_RESULT_BYTES;
  let stopReason: StoppedBy | null = null;
  let error: string | undefined;
  let lastProgress = -Infinity;

  // One inner signal stops every fetch in flight, whether the page cancelled or the scan ended.
  const inner = new AbortController();
  const stop = (why: StoppedBy) => {
    stopReason ??= why;
    inner.abort();
  };
  const onOuterAbort = () => stop('cancelled');
  if (o.signal?.aborted) stop('cancelled');
  o.signal?.addEventListener('abort', onOuterAbort, { once: true });

  const decode = (partition: number, r: ScanRecord): BrowseMessage => {
    const m = toBrowseMessage(partition, r, budget > 0 ? BROWSE_DISPLAY_BYTES : BROWSE_PREVIEW_BYTES);
    budget -= displayBytes(m);
    return m;
  };
  const shown = (r: ScanRecord) => (!r.control || o.showControl) && o.predicate(r);

  const snapshot = (): ScanTotals => ({
    scanned,
    matches,
    remaining: lanes.reduce((n, l) => n + (l.done ? 0 : forward ? l.end - l.position : l.position - l.start), 0),
    elapsedMs: t.now() - startedAt,
    partitions: lanes.map((l) => ({ ...l })),
  });
  const progress = (force: boolean) => {
    const now = t.now();
    if (!o.onProgress || (!force && now - lastProgress < t.progressEveryMs)) return;
    lastProgress = now;
    o.onProgress(snapshot());
  };

  const fetchOnce = async (partition: number, offset: number): Promise<FetchedBatch | typeof CANCELLED> => {
    try {
      const batch = await raced(o.fetchBatch(partition, offset, t.batchBytes, inner.signal), inner.signal);
      return stopReason === null ? batch : CANCELLED;
    } catch (e) {
      if (stopReason === null) error = `partition ${partition} at offset ${offset}: ${describeError(e)}`;
      stop('error');
      return CANCELLED;
    }
  };

  /** One forward batch of one partition. */
  const stepForward = async (lane: PartitionProgress): Promise<void> => {
    if (scanned >= o.maxScanned) return stop('maxScanned');
    const batch = await fetchOnce(lane.partition, lane.position);
    if (batch === CANCELLED) return;
    const found: BrowseMessage[] = [];
    const from = lane.position;
    for (const r of batch.records) {
      if (r.offset < lane.position) continue;
      if (r.offset >= lane.end) break;
      if (scanned >= o.maxScanned) {
        stop('maxScanned');
        break;
      }
      scanned++;
      lane.scanned++;
      lane.position = r.offset + 1;
      if (!shown(r)) continue;
      found.push(decode(lane.partition, r));
      matches++;
      lane.matches++;
      if (matches >= o.limit) {
        stop('limit');
        break;
      }
    }
    // Past gaps (compaction, dropped aborted records) up to where Kafka says to go on.
    if (stopReason === null) lane.position = Math.max(lane.position, Math.min(batch.next, lane.end));
    // A fetch that moves nothing means nothing more can be read there now.
    if (lane.position >= lane.end || lane.position === from) lane.done = true;
    if (found.length > 0) o.onMatches?.(found);
  };

  /** One backward window of one partition; false when the maxScanned budget has no room left. */
  const stepBackward = async (lane: PartitionProgress): Promise<boolean> => {
    const room = o.maxScanned - scanned - reserved;
    if (room <= 0) return false;
    const size = Math.min(t.backwardWindow, room, lane.position - lane.start);
    const windowStart = lane.position - size;
    const windowEnd = lane.position;
    const held: BrowseMessage[] = [];
    let dropped = false;
    let read = 0;
    reserved += size;
    try {
      let at = windowStart;
      while (at < windowEnd) {
        const batch = await fetchOnce(lane.partition, at);
        if (batch === CANCELLED) return true;
        const before = at;
        for (const r of batch.records) {
          if (r.offset < at) continue;
          if (r.offset >= windowEnd) break;
          read++;
          at = r.offset + 1;
          if (!shown(r)) continue;
          held.push(decode(lane.partition, r));
          if (held.length > 2 * o.limit) {
            held.splice(0, held.length - o.limit);
            dropped = true;
          }
        }
        at = Math.max(at, Math.min(batch.next, windowEnd));
        if (at === before) break;
      }
    } finally {
      reserved -= size;
    }
    if (stopReason !== null) return true;
    scanned += read;
    lane.scanned += read;
    held.reverse();
    const out = held.slice(0, o.limit - matches);
    matches += out.length;
    lane.matches += out.length;
    // Cut short by the limit: the next page goes on below the last match given.
    lane.position = dropped || held.length > out.length ? out[out.length - 1].offset : windowStart;
    lane.done = lane.position <= lane.start;
    if (out.length > 0) o.onMatches?.(out);
    if (matches >= o.limit) stop('limit');
    return true;
  };

  const queue = lanes.filter((l) => !l.done);
  const worker = async () => {
    while (stopReason === null) {
      const lane = queue.shift();
      if (!lane) return;
      const hasRoom = forward ? (await stepForward(lane), true) : await stepBackward(lane);
      if (!lane.done && hasRoom) queue.push(lane);
      progress(false);
    }
  };

  progress(true);
  try {
    await Promise.all(Array.from({ length: Math.min(t.parallel, queue.length) }, worker));
  } finally {
    o.signal?.removeEventListener('abort', onOuterAbort);
    inner.abort();
  }
  const done = lanes.every((l) => l.done);
  return {
    ...snapshot(),
    stoppedBy: stopReason ?? (done ? 'end' : 'maxScanned'),
    done,
    ...(error === undefined ? {} : { error }),
  };
}

/** The fetch, or CANCELLED as soon as the signal fires; the listener goes with the fetch, so a
 *  long scan does not pile up listeners (or the batches they would keep alive). */
function raced<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof CANCELLED> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.resolve(CANCELLED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(CANCELLED);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
