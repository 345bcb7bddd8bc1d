import type { LagFigures } from '@/lib/contract/lag';

// Lag arithmetic that is never lower or higher than the truth. Commits reach the dashboard
// within milliseconds from __consumer_offsets, log ends only when read; comparing a commit
// with an end read before it is what made lag read 0 under load (and "764 / 762"). So every
// input carries when it was known, on one clock: lag exists only when the end is newer.

/** The group's committed offset, and when the dashboard learned it. */
export interface CommittedReading {
  offset: number;
  /** When the commit was applied here: any monotonic clock or counter shared with `LogReading`. */
  seenAt: number;
}

/** Log start and end of a partition from one read (ListOffsets earliest/latest or a fetch). */
export interface LogReading {
  /** First offset still in the log; null when not read. */
  start: number | null;
  end: number;
  /** When the read was sent: the answer is at least that new. Same clock as `seenAt`. */
  readAt: number;
}

/** Messages from max(committed, logStart) to logEnd, never below 0. The one lag formula:
 *  everything else (verdicts, totals, metrics) calls this. */
export function lagBetween(committed: number, logStart: number | null, logEnd: number): number {
  return Math.max(0, logEnd - Math.max(committed, logStart ?? committed));
}

/** Messages retention deleted before the group read them. */
export function expiredUnread(committed: number, logStart: number | null): number | null {
  return logStart === null ? null : Math.max(0, logStart - committed);
}

export function lagFigures(committed: CommittedReading | null, log: LogReading | null): LagFigures {
  const figures: LagFigures = {
    lag: null,
    unknown: null,
    atLeast: null,
    expiredUnread: null,
    shownCommitted: committed?.offset ?? null,
    endStale: false,
    beyondEnd: false,
    mayIncludeExpired: false,
  };
  if (committed === null) return { ...figures, unknown: 'no-commit' };
  if (log === null) return { ...figures, unknown: 'no-log-end' };
  figures.expiredUnread = expiredUnread(committed.offset, log.start);
  if (committed.offset > log.end) figures.shownCommitted = log.end;
  if (log.readAt < committed.seenAt) {
    // Ends only grow (short of truncation): a stale end still ahead of the commit bounds the
    // lag from below, but 0 from a stale end says nothing.
    const stale = lagBetween(committed.offset, log.start, log.end);
    return { ...figures, unknown: 'end-older-than-commit', endStale: true, atLeast: stale > 0 ? stale : null };
  }
  return {
    ...figures,
    lag: lagBetween(committed.offset, log.start, log.end),
    beyondEnd: committed.offset > log.end,
    mayIncludeExpired: log.start === null,
  };
}

export interface LagTotal {
  /** Sum of the known lags; null when none is known. */
  total: number | null;
  /** False when some committed partition's lag is unknown: the true total is higher. */
  complete: boolean;
  /** Known lags plus the lower bounds of stale ones: the total is at least this. */
  atLeast: number;
  expiredUnread: number;
}

/** Group (or topic) total. Partitions with nothing committed have no lag and do not make
 *  the total incomplete: Kafka's tool leaves them out the same way. */
export function lagTotal(figures: readonly LagFigures[]): LagTotal {
  let total: number | null = null;
  let complete = true;
  let atLeast = 0;
  let expired = 0;
  for (const f of figures) {
    if (f.lag !== null) {
      total = (total ?? 0) + f.lag;
      atLeast += f.lag;
    } else if (f.unknown !== 'no-commit') {
      complete = false;
      atLeast += f.atLeast ?? 0;
    }
    expired += f.expiredUnread ?? 0;
  }
  return { total, complete, atLeast, expiredUnread: expired };
}
