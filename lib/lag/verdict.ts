import type { TopicPartitionRef } from '@/lib/contract/groups';
import type { CommitPattern, GroupVerdict, PartitionVerdict, VerdictReason } from '@/lib/contract/lag';
import { verdictRank } from '@/lib/contract/lag';
import { lagBetween } from './arithmetic';
import { stopAfterMs, type VerdictConfig } from './verdict-config';

// Health verdicts, from Burrow's evaluation rules with what they get wrong fixed:
// - A slow consumer is WARN when lag measured right after each commit rises over the trend
//   window as a whole (Burrow wants a rise at every single commit, which noise breaks).
// - STOP comes after max(stopFactor × the group's median commit interval, stopFloorMs) without
//   a commit while messages wait (Burrow waits for the whole window's span).
// - The STOP clock runs from the last commit's own time, not from the window's start, so a
//   group whose last commit predates the dashboard is judged at once. It starts no earlier
//   than the moment messages began to wait (the first lag after a caught-up sample, or the
//   oldest unread record's time), so an idle consumer that got a message is not STOP.
// - The same silence on a partition whose owner is still in the group is STALL: the dashboard
//   knows the membership Burrow does not, and "alive but not moving" is a different call to
//   make than "nobody is running".

/** One observation of a partition: a log end read after the commit it is paired with. */
export interface LagSample {
  /** When the log end was read, dashboard clock (ms). */
  at: number;
  committed: number | null;
  /** When that offset was committed, dashboard clock: when seen live, or the coordinator's
   *  commit timestamp for commits replayed from the log. A re-commit of the same offset is a
   *  new time. */
  committedAt: number | null;
  logStart: number | null;
  logEnd: number | null;
}

export interface PartitionInput extends TopicPartitionRef {
  /** Oldest first. */
  samples: readonly LagSample[];
  /** Time of the record at the committed offset (the oldest unread), when read. */
  oldestUnreadAt?: number | null;
  /** The partition's owner is a member of the group now. Silence with lag is then STALL (alive
   *  but not moving) rather than STOP; unknown (undefined) reads as STOP, as Burrow has it. */
  ownerAlive?: boolean;
  /** A rewind seen earlier than the samples kept (the server caps them per partition). */
  rewind?: Rewind | null;
}

export interface Rewind {
  from: number;
  to: number;
  at: number;
}

export interface GroupInput {
  /** Members now; null when not known yet. */
  members: number | null;
  partitions: readonly PartitionInput[];
}

const lagOf = (s: LagSample): number | null =>
  s.committed === null || s.logEnd === null ? null : lagBetween(s.committed, s.logStart, s.logEnd);

/** k-th smallest (0-based) of a, reordering it: O(n), where a sort per group per round was
 *  the verdicts' largest cost at 500 groups. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const a = Float64Array.from(values);
  const mid = a.length >> 1;
  return a.length % 2 === 1 ? select(a, mid) : (select(a, mid - 1) + select(a, mid)) / 2;
}

// The server's samples are already inside the window and never ahead of now: no copy then
// (judging runs for every partition of every group each round).
const inWindow = (samples: readonly LagSample[], now: number, config: VerdictConfig): readonly LagSample[] =>
  samples.length === 0 || (samples[0].at >= now - config.windowMs && samples[samples.length - 1].at <= now)
    ? samples
    : samples.filter((s) => s.at >= now - config.windowMs && s.at <= now);

const upTo = (samples: readonly LagSample[], now: number): readonly LagSample[] =>
  samples.length === 0 || samples[samples.length - 1].at <= now ? samples : samples.filter((s) => s.at <= now);

/** Intervals of each partition the pattern pools, newest first: a group commits its partitions
 *  together, so a few dozen per partition and a few hundred in all say as much as thousands. */
const PATTERN_INTERVALS_PER_PARTITION = 32;
const PATTERN_INTERVALS = 320;

/** The group's commit rhythm: intervals between distinct commit times, pooled over its
 *  partitions (a group commits its partitions together), over the window. */
export function commitPattern(
  partitions: readonly PartitionInput[],
  now: number,
  config: VerdictConfig,
): CommitPattern {
  const intervals: number[] = [];
  for (const p of partitions) {
    if (intervals.length >= PATTERN_INTERVALS) break;
    // Commit times only grow along the samples; a re-commit is a new time, a repeat is not.
    const win = inWindow(p.samples, now, config);
    let next: number | null = null;
    let taken = 0;
    for (let i = win.length - 1; i >= 0 && taken < PATTERN_INTERVALS_PER_PARTITION; i--) {
      const t = win[i].committedAt;
      if (t === null || t === next) continue;
      if (next !== null && next > t) {
        intervals.push(next - t);
        taken++;
      }
      next = t;
    }
  }
  const medianIntervalMs = median(intervals);
  return { medianIntervalMs, stopAfterMs: stopAfterMs(medianIntervalMs, config) };
}

/** The newest backwards move of the committed offset, with when it was seen. */
function lastRewind(samples: readonly LagSample[]): Rewind | null {
  let prev: number | null = null;
  let found: Rewind | null = null;
  for (const s of samples) {
    if (s.committed === null) continue;
    if (prev !== null && s.committed < prev) found = { from: prev, to: s.committed, at: s.at };
    prev = s.committed;
  }
  return found;
}

export function evaluatePartition(
  p: PartitionInput,
  pattern: CommitPattern,
  now: number,
  config: VerdictConfig,
): PartitionVerdict {
  const samples = inWindow(p.samples, now, config);
  const known = samples.filter((s) => lagOf(s) !== null);
  const latest = known[known.length - 1];
  const lag = latest ? lagOf(latest) : null;
  const verdict = (v: PartitionVerdict['verdict'], reason: VerdictReason): PartitionVerdict => ({
    topic: p.topic,
    partition: p.partition,
    verdict: v,
    reason,
    lag,
  });

  const seen = lastRewind(upTo(p.samples, now));
  const kept = p.rewind && p.rewind.at <= now ? p.rewind : null;
  const rewind = seen && (!kept || seen.at >= kept.at) ? seen : kept;
  if (rewind && now - rewind.at <= config.rewindHoldMs) return verdict('REWIND', { code: 'rewound', ...rewind });

  const newest = samples[samples.length - 1];
  if (newest && newest.committed === null) {
    if (newest.logEnd === null) return verdict('UNKNOWN', { code: 'lag-unknown', sinceMs: null });
    const messages = newest.logStart === null ? null : newest.logEnd - newest.logStart;
    if (messages === 0 || newest.logEnd === 0) return verdict('OK', { code: 'nothing-to-read' });
    return verdict('NOT_COMMITTING', { code: 'never-committed', messages });
  }
  if (!latest || lag === null || now - latest.at > config.freshMs) {
    return verdict('UNKNOWN', { code: 'lag-unknown', sinceMs: latest ? now - latest.at : null });
  }
  if (lag === 0) return verdict('OK', { code: 'caught-up' });

  // Messages wait since: the first lag after the newest caught-up sample (if any), or the
  // oldest unread record's time (never in the future), whichever is later.
  const lastZero = known.findLastIndex((s) => lagOf(s) === 0);
  const waitingFrom = lastZero >= 0 ? known[lastZero + 1].at : -Infinity;
  const unreadFrom = p.oldestUnreadAt == null ? -Infinity : Math.min(p.oldestUnreadAt, now);
  const owedSince = Math.max(waitingFrom, unreadFrom);

  const current = newest.committed!;
  // No commit time at all (should not happen): judge from the first sample, never earlier.
  let lastCommitAt = -Infinity;
  for (const s of samples) lastCommitAt = Math.max(lastCommitAt, s.committedAt ?? samples[0].at);
  const silentMs = now - Math.max(lastCommitAt, owedSince);
  const limitMs = pattern.stopAfterMs;
  if (silentMs > limitMs) {
    const silence = { lag, silentMs, limitMs, medianIntervalMs: pattern.medianIntervalMs };
    return p.ownerAlive
      ? verdict('STALL', { code: 'owner-silent', ...silence })
      : verdict('STOP', { code: 'no-commits', ...silence });
  }

  // Since when the offset has stood still, and how many times it was committed again since.
  let firstAtOffset = samples.length - 1;
  while (firstAtOffset > 0 && samples[firstAtOffset - 1].committed === current) firstAtOffset--;
  const sameOffset = samples.slice(firstAtOffset).filter((s) => s.committed === current);
  const commitTimes = new Set(sameOffset.map((s) => s.committedAt).filter((t) => t !== null));
  const progressAt = Math.min(...sameOffset.map((s) => s.committedAt ?? s.at));
  const stuckMs = now - Math.max(progressAt, owedSince);
  if (stuckMs > limitMs && commitTimes.size >= 2) {
    return verdict('STALL', {
      code: 'offset-stuck',
      offset: current,
      lag,
      stuckMs,
      limitMs,
      commits: commitTimes.size,
    });
  }

  const trendMs = Math.min(
    config.windowMs,
    Math.max(config.trendMinMs, config.trendMinCommits * (pattern.medianIntervalMs ?? config.assumedCommitIntervalMs)),
  );
  // The trend is judged since the newest caught-up sample or rewind, whichever is later.
  const runStart = Math.max(
    samples[0].at,
    rewind ? rewind.at : -Infinity,
    lastZero >= 0 ? known[lastZero].at : -Infinity,
  );
  // Lag right after each commit: between commits lag saws up by design, so only these points
  // show whether the consumer falls behind.
  const points: { at: number; lag: number; committed: number }[] = [];
  let prev: LagSample | null = null;
  for (const s of known) {
    const l = lagOf(s)!;
    const isCommit = !prev || s.committed !== prev.committed || s.committedAt !== prev.committedAt;
    if (isCommit && s.at >= now - trendMs && s.at > runStart)
      points.push({ at: s.at, lag: l, committed: s.committed! });
    prev = s;
  }
  if (runStart > now - trendMs || points.length < config.trendMinCommits) {
    const interval = pattern.medianIntervalMs ?? config.assumedCommitIntervalMs;
    if (stuckMs > interval) return verdict('OK', { code: 'within-pattern', lag, quietMs: stuckMs, limitMs });
    return verdict('OK', { code: 'judging', lag, historyMs: Math.max(0, now - runStart), needMs: trendMs });
  }
  const third = Math.floor(points.length / 3);
  const first = points.slice(0, third);
  const last = points.slice(points.length - third);
  const advanced = last[last.length - 1].committed - first[0].committed;
  const rising = Math.min(...last.map((x) => x.lag)) > Math.max(...first.map((x) => x.lag));
  if (rising && advanced > 0) {
    return verdict('WARN', {
      code: 'lag-growing',
      from: median(first.map((x) => x.lag))!,
      to: median(last.map((x) => x.lag))!,
      overMs: points[points.length - 1].at - points[0].at,
      consumed: advanced,
    });
  }
  return verdict('OK', { code: 'keeping-up', lag, overMs: trendMs });
}

export function evaluateGroup(input: GroupInput, now: number, config: VerdictConfig): GroupVerdict {
  const pattern = commitPattern(input.partitions, now, config);
  const partitions = input.partitions.map((p) => evaluatePartition(p, pattern, now, config));
  const ref = (p: PartitionVerdict): TopicPartitionRef => ({ topic: p.topic, partition: p.partition });
  const furthestBehind = (list: PartitionVerdict[]) =>
    list.reduce((a, b) => ((b.lag ?? -1) > (a.lag ?? -1) ? b : a), list[0]);

  const rewound = partitions.filter((p) => p.verdict === 'REWIND');
  if (input.members === 0 && rewound.length === 0) {
    const waiting = partitions.filter((p) => (p.lag ?? 0) > 0);
    const known = partitions.filter((p) => p.lag !== null);
    return {
      verdict: 'NO_MEMBERS',
      reason: {
        code: 'no-members',
        lag: known.length > 0 ? known.reduce((sum, p) => sum + p.lag!, 0) : null,
        partitionsWithLag: waiting.length,
      },
      causes: waiting.map(ref),
      partitions,
      pattern,
    };
  }
  if (partitions.length === 0) {
    return { verdict: 'OK', reason: { code: 'nothing-to-read' }, causes: [], partitions, pattern };
  }
  const worst = partitions.reduce((a, b) => (verdictRank(b.verdict) > verdictRank(a.verdict) ? b : a));
  const causes = partitions.filter((p) => p.verdict === worst.verdict);
  return {
    verdict: worst.verdict,
    reason: furthestBehind(causes).reason,
    causes: causes.map(ref),
    partitions,
    pattern,
  };
}
