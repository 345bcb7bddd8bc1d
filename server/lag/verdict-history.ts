import type { PartitionLag } from '@/lib/contract/groups';
import { partitionKey } from '@/lib/contract/cluster';
import type { LagSample, PartitionInput, Rewind } from '@/lib/lag/verdict';

// What the verdicts are judged from: per group and partition, the committed offset and a log
// end read after it, one sample per poll round. Kept compact, because 500 busy groups sample
// every partition every second:
// - a run of rounds where nothing but the log end moved (same commit, lag still 0 or still
//   above 0) keeps only its first and its newest sample: the verdict reads runs by their
//   commit, their start and their end, never by the rounds in between;
// - at most SAMPLES_PER_PARTITION samples, oldest dropped first: 2 min of a consumer that
//   commits every second (the trend needs 1), 10 min of one that commits every 5 s;
// - the newest rewind is kept apart, so it stays on show for rewindHoldMs past the cap.

export const SAMPLES_PER_PARTITION = 120;

interface Track {
  samples: LagSample[];
  rewind: Rewind | null;
  lastCommitted: number | null;
  /** Round of the last sample: partitions no longer in the rows are dropped. */
  seenIn: number;
}

const lagKnown = (s: LagSample) => s.committed !== null && s.logEnd !== null;
const caughtUp = (s: LagSample) => lagKnown(s) && s.logEnd! <= Math.max(s.committed!, s.logStart ?? 0);

/** Same commit, same kind of lag (unknown, 0, above 0): the newer one only moves the run's end. */
const sameRun = (a: LagSample, b: LagSample) =>
  a.committed === b.committed &&
  a.committedAt === b.committedAt &&
  lagKnown(a) === lagKnown(b) &&
  caughtUp(a) === caughtUp(b);

export class VerdictHistory {
  private groups = new Map<string, { round: number; tracks: Map<string, Track> }>();

  constructor(private readonly windowMs: number) {}

  /** One round's rows of a group, as the page shows them. */
  record(groupId: string, rows: readonly PartitionLag[], at: number): void {
    let g = this.groups.get(groupId);
    if (!g) this.groups.set(groupId, (g = { round: 0, tracks: new Map() }));
    const round = ++g.round;
    for (const row of rows) {
      const key = partitionKey(row.topic, row.partition);
      let t = g.tracks.get(key);
      if (!t) g.tracks.set(key, (t = { samples: [], rewind: null, lastCommitted: null, seenIn: round }));
      t.seenIn = round;
      const sample: LagSample = {
        at,
        committed: row.committed,
        committedAt: row.committed === null ? null : row.committedAt,
        logStart: row.logStart,
        // A log end read before the commit says nothing of its lag (lib/lag/arithmetic.ts).
        logEnd: row.committed !== null && row.lag === null ? null : row.logEnd,
      };
      if (row.committed !== null) {
        if (t.lastCommitted !== null && row.committed < t.lastCommitted)
          t.rewind = { from: t.lastCommitted, to: row.committed, at };
        t.lastCommitted = row.committed;
      }
      const n = t.samples.length;
      if (n >= 2 && sameRun(t.samples[n - 2], t.samples[n - 1]) && sameRun(t.samples[n - 1], sample))
        t.samples[n - 1] = sample;
      else t.samples.push(sample);
      let drop = 0;
      while (drop < t.samples.length - 1 && t.samples[drop].at < at - this.windowMs) drop++;
      drop = Math.max(drop, t.samples.length - SAMPLES_PER_PARTITION);
      if (drop > 0) t.samples.splice(0, drop);
    }
    for (const [key, t] of g.tracks) if (t.seenIn !== round) g.tracks.delete(key);
  }

  /** The verdict's input for a group's partitions, in the order of its rows. */
  inputs(groupId: string, rows: readonly PartitionLag[]): PartitionInput[] {
    const tracks = this.groups.get(groupId)?.tracks;
    return rows.map((row) => {
      const t = tracks?.get(partitionKey(row.topic, row.partition));
      return {
        topic: row.topic,
        partition: row.partition,
        samples: t?.samples ?? [],
        rewind: t?.rewind ?? null,
        ownerAlive: row.memberId !== null,
      };
    });
  }

  /** Samples held, over all groups: the memory figure. */
  get size(): number {
    let n = 0;
    for (const g of this.groups.values()) for (const t of g.tracks.values()) n += t.samples.length;
    return n;
  }

  forget(groupId: string): void {
    this.groups.delete(groupId);
  }
}
