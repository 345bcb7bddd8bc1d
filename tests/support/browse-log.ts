import type { ScanRecord } from '@/server/browse/record';
import type { FetchBatch } from '@/server/browse/scan';

// An in-memory partitioned log behind the scan runner's `fetchBatch`, shaped like Kafka's
// answers where it matters to the runner: a batch can begin before the offset asked (Kafka
// returns whole record batches), offsets can have gaps (compaction, markers), and each answer
// is bounded by maxBytes but holds at least one record. It counts fetches and how many run at
// once, so tests can check the runner's bounds.

export interface FakeLogOptions {
  /** Records are grouped in batches of this many, as a producer would write them. */
  recordsPerBatch?: number;
  /** Milliseconds each fetch takes (0: answered on the next turn of the event loop). */
  delayMs?: number;
  /** A fetch that never answers (until its signal aborts it), for cancel tests. */
  hang?: boolean;
  fail?: (partition: number, offset: number) => Error | null;
}

export interface FakeLog {
  fetchBatch: FetchBatch;
  fetches: { partition: number; offset: number; maxBytes: number }[];
  maxInFlight: () => number;
  signals: AbortSignal[];
}

export function record(offset: number, value: string | null, extra: Partial<ScanRecord> = {}): ScanRecord {
  return {
    offset,
    timestamp: 1_000_000 + offset,
    timestampType: 'CreateTime',
    key: Buffer.from(`k${offset}`),
    value: value === null ? null : Buffer.from(value),
    headers: [],
    control: false,
    ...extra,
  };
}

export function fakeLog(partitions: Map<number, ScanRecord[]>, o: FakeLogOptions = {}): FakeLog {
  const perBatch = o.recordsPerBatch ?? 10;
  const fetches: FakeLog['fetches'] = [];
  const signals: AbortSignal[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchBatch: FetchBatch = async (partition, offset, maxBytes, signal) => {
    fetches.push({ partition, offset, maxBytes });
    signals.push(signal);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (o.hang) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      else if (o.delayMs) await new Promise((resolve) => setTimeout(resolve, o.delayMs));
      else await new Promise((resolve) => setImmediate(resolve));
      const failure = o.fail?.(partition, offset);
      if (failure) throw failure;
      const log = partitions.get(partition) ?? [];
      let i = log.findIndex((r) => r.offset >= offset);
      if (i < 0) return { records: [], next: offset };
      i -= i % perBatch; // back to the start of its batch
      const records: ScanRecord[] = [];
      let bytes = 0;
      while (i < log.length && (records.length === 0 || bytes < maxBytes)) {
        const end = Math.min(log.length, i - (i % perBatch) + perBatch);
        for (; i < end; i++) {
          records.push(log[i]);
          bytes += (log[i].value?.length ?? 0) + (log[i].key?.length ?? 0);
        }
      }
      return { records, next: records[records.length - 1].offset + 1 };
    } finally {
      inFlight--;
    }
  };
  return { fetchBatch, fetches, maxInFlight: () => maxInFlight, signals };
}

/** Partitions 0..n-1 with `each` records, offsets from 0, values `p{partition}-{offset}`. */
export function denseLog(n: number, each: number): Map<number, ScanRecord[]> {
  const out = new Map<number, ScanRecord[]>();
  for (let p = 0; p < n; p++)
    out.set(
      p,
      Array.from({ length: each }, (_, o) => record(o, `p${p}-${o}`)),
    );
  return out;
}
