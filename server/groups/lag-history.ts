import type { LagPoint, PartitionLag } from '@/lib/contract/groups';
import { LAG_HISTORY_CAP, RATE_WINDOW_MS } from '@/lib/contract/groups';
import { partitionKey } from '@/lib/contract/cluster';
import { totalLag } from '@/lib/lag/totals';

// Lag over time, kept on the server so a page opened now still has the last minutes, plus the
// rates behind "time to catch up": messages the group committed past, and messages produced
// to its partitions, per second over RATE_WINDOW_MS.

/** What moved between two samples, `from` → `at`. */
interface Step {
  from: number;
  at: number;
  consumed: number;
  produced: number;
}

/** One sample, compact: lags in the order of the track's `keys` (NaN: nothing committed).
 *  500 groups × 600 samples × their partitions as objects keyed by name took tens of MB;
 *  as numbers they take a few. */
interface Sample {
  at: number;
  total: number | null;
  keys: readonly string[];
  lags: Float64Array;
}

interface GroupTrack {
  points: Sample[];
  steps: Step[];
  last: Map<string, { committed: number | null; logEnd: number | null }>;
  lastAt: number;
}

export interface GroupRates {
  lagTrend: number | null;
  consumeRate: number | null;
  produceRate: number | null;
}

const NO_RATES: GroupRates = { lagTrend: null, consumeRate: null, produceRate: null };

function toPoint(s: Sample): LagPoint {
  const partitions: Record<string, number | null> = {};
  s.keys.forEach((key, i) => (partitions[key] = Number.isNaN(s.lags[i]) ? null : s.lags[i]));
  return { at: s.at, total: s.total, partitions };
}

export class LagHistory {
  private tracks = new Map<string, GroupTrack>();

  record(groupId: string, offsets: PartitionLag[], at: number): LagPoint {
    let track = this.tracks.get(groupId);
    if (!track) {
      track = { points: [], steps: [], last: new Map(), lastAt: 0 };
      this.tracks.set(groupId, track);
    }
    let consumed = 0;
    let produced = 0;
    const next = new Map<string, { committed: number | null; logEnd: number | null }>();
    for (const o of offsets) {
      const key = partitionKey(o.topic, o.partition);
      next.set(key, { committed: o.committed, logEnd: o.logEnd });
      const prev = track.last.get(key);
      // Only moves seen on both sides count: a partition appearing is not a burst of traffic,
      // and an offset reset backwards is not negative consumption.
      if (prev?.committed != null && o.committed !== null) consumed += Math.max(0, o.committed - prev.committed);
      if (prev?.logEnd != null && o.logEnd !== null) produced += Math.max(0, o.logEnd - prev.logEnd);
    }
    // The partitions stay the same round after round: share one key list until they change.
    const last = track.points[track.points.length - 1];
    const keys =
      last &&
      last.keys.length === offsets.length &&
      offsets.every((o, i) => last.keys[i] === partitionKey(o.topic, o.partition))
        ? last.keys
        : offsets.map((o) => partitionKey(o.topic, o.partition));
    const sample: Sample = {
      at,
      total: totalLag(offsets),
      keys,
      lags: Float64Array.from(offsets, (o) => (o.lag === null ? NaN : o.lag)),
    };
    if (track.last.size > 0) track.steps.push({ from: track.lastAt, at, consumed, produced });
    track.last = next;
    track.lastAt = at;
    track.points.push(sample);
    if (track.points.length > LAG_HISTORY_CAP) track.points.splice(0, track.points.length - LAG_HISTORY_CAP);
    while (track.steps.length > 0 && track.steps[0].at < at - RATE_WINDOW_MS) track.steps.shift();
    return toPoint(sample);
  }

  history(groupId: string): LagPoint[] {
    return (this.tracks.get(groupId)?.points ?? []).map(toPoint);
  }

  rates(groupId: string): GroupRates {
    const track = this.tracks.get(groupId);
    if (!track || track.steps.length === 0) return NO_RATES;
    const { points, steps } = track;
    const newest = points[points.length - 1];
    const since = newest.at - RATE_WINDOW_MS;
    const oldest = points.find((p) => p.at >= since) ?? newest;
    const span = (steps[steps.length - 1].at - steps[0].from) / 1000;
    const sum = (f: (s: Step) => number) => steps.reduce((acc, s) => acc + f(s), 0);
    return {
      lagTrend:
        newest.total !== null && oldest.total !== null && oldest !== newest ? newest.total - oldest.total : null,
      consumeRate: span > 0 ? sum((s) => s.consumed) / span : null,
      produceRate: span > 0 ? sum((s) => s.produced) / span : null,
    };
  }

  forget(groupId: string): void {
    this.tracks.delete(groupId);
  }
}
