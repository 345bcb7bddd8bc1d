// Wire types for lag you can trust: exact lag figures, the health verdict per partition and
// per group, and lag in seconds. Computed once in lib/lag/ (pure, shared by server and
// browser); the words for each reason live in lib/lag/verdict-text.ts only.

import type { TopicPartitionRef } from './groups';

/** Health of a partition or group. Burrow's five states, plus two it has no word for. */
export type Verdict = 'OK' | 'UNKNOWN' | 'NOT_COMMITTING' | 'WARN' | 'NO_MEMBERS' | 'STALL' | 'STOP' | 'REWIND';

/** Least to most severe: a group takes the worst of its partitions, lists sort by it. */
export const VERDICTS: readonly Verdict[] = [
  'OK',
  'UNKNOWN',
  'NOT_COMMITTING',
  'WARN',
  'NO_MEMBERS',
  'STALL',
  'STOP',
  'REWIND',
];

export const verdictRank = (v: Verdict): number => VERDICTS.indexOf(v);

/** Why a verdict was given, as data: the text layer words it (one place, ready for i18n). */
export type VerdictReason =
  /** OK: nothing unread. */
  | { code: 'caught-up' }
  /** OK: the partition holds no messages and nothing is committed. */
  | { code: 'nothing-to-read' }
  /** OK: behind, but not falling further behind over the trend window. */
  | { code: 'keeping-up'; lag: number; overMs: number }
  /** OK: behind and committing, too little history yet to see a trend. */
  | { code: 'judging'; lag: number; historyMs: number; needMs: number }
  /** OK: behind with no commit since `quietMs`, still within what the commit pattern explains. */
  | { code: 'within-pattern'; lag: number; quietMs: number; limitMs: number }
  /** UNKNOWN: no lag known recently (log end not read after the latest commit, or unreadable). */
  | { code: 'lag-unknown'; sinceMs: number | null }
  /** NOT_COMMITTING: messages to read, nothing ever committed. */
  | { code: 'never-committed'; messages: number | null }
  /** WARN: lag grew over the trend window while offsets advanced. */
  | { code: 'lag-growing'; from: number; to: number; overMs: number; consumed: number }
  /** NO_MEMBERS (group only): nobody is reading. */
  | { code: 'no-members'; lag: number | null; partitionsWithLag: number }
  /** STALL: commits keep arriving with the same offset while messages wait. */
  | { code: 'offset-stuck'; offset: number; lag: number; stuckMs: number; limitMs: number; commits: number }
  /** STALL: the partition's owner is in the group but has committed nothing for longer than the
   *  commit pattern explains while messages wait: alive (or not yet dropped) but not moving. */
  | { code: 'owner-silent'; lag: number; silentMs: number; limitMs: number; medianIntervalMs: number | null }
  /** STOP: no commit for longer than the group's commit pattern explains, with messages waiting. */
  | { code: 'no-commits'; lag: number; silentMs: number; limitMs: number; medianIntervalMs: number | null }
  /** REWIND: the committed offset moved backwards. */
  | { code: 'rewound'; from: number; to: number; at: number };

export interface PartitionVerdict extends TopicPartitionRef {
  verdict: Verdict;
  reason: VerdictReason;
  /** Lag at the newest sample with a known lag; null when none. */
  lag: number | null;
}

/** The pattern a group's verdict was judged against, stated so the page can show it. */
export interface CommitPattern {
  /** Median time between commits over the window; null: fewer than two commits seen. */
  medianIntervalMs: number | null;
  /** No commit for longer than this, with lag, is STOP. */
  stopAfterMs: number;
}

export interface GroupVerdict {
  verdict: Verdict;
  /** The reason of the cause that best explains it (the one furthest behind). */
  reason: VerdictReason;
  /** Partitions that carry the group's verdict; for NO_MEMBERS, those with messages waiting. */
  causes: TopicPartitionRef[];
  partitions: PartitionVerdict[];
  pattern: CommitPattern;
}

/** Why a lag is null. */
export type LagUnknown = 'no-commit' | 'no-log-end' | 'end-older-than-commit';

/** One partition's lag, never lower or higher than the truth. */
export interface LagFigures {
  /** Messages from max(committed, log start) to the log end; null when not known. */
  lag: number | null;
  unknown: LagUnknown | null;
  /** While `lag` is null because the end predates the commit: the lag is at least this. */
  atLeast: number | null;
  /** Messages retention deleted before the group read them; null when the log start is unknown. */
  expiredUnread: number | null;
  /** Committed offset for display, never above the log end shown beside it. */
  shownCommitted: number | null;
  /** The log end was read before the commit: `shownCommitted` may be clamped, the end is updating. */
  endStale: boolean;
  /** A fresh log end is still below the committed offset (log truncated, or a commit past the end). */
  beyondEnd: boolean;
  /** The log start is unknown, so `lag` may include messages retention already deleted. */
  mayIncludeExpired: boolean;
}

export type TimestampType = 'CreateTime' | 'LogAppendTime';

export type LagAgeReason =
  | 'caught-up'
  | 'lag-unknown'
  | 'not-read-yet'
  /** Broker time when the record was appended: exact up to broker/dashboard clock skew. */
  | 'log-append-time'
  /** Producer-set time: right when producers stamp records as they send them. */
  | 'create-time'
  /** The record claims a time after now (a producer clock ahead): shown as 0. */
  | 'future-timestamp';

/** Age of the oldest unread message of one partition. */
export interface LagAge {
  seconds: number | null;
  /** True when the age rests on a producer-set timestamp. */
  estimate: boolean;
  reason: LagAgeReason;
}

export interface GroupLagAge {
  /** The maximum over the group's partitions; null when none is known. */
  seconds: number | null;
  estimate: boolean;
  /** Partition the maximum comes from. */
  partition: TopicPartitionRef | null;
  /** Some partition with unread messages has no known age: the true maximum may be higher. */
  partial: boolean;
}

/** A group's verdict as the list, the overview and /metrics carry it: the state, why (as data
 *  and in words), and the partitions that carry it. */
export interface GroupHealth {
  verdict: Verdict;
  reason: VerdictReason;
  /** The reason in one sentence (lib/lag/verdict-text.ts), for the API and the page alike. */
  text: string;
  causes: TopicPartitionRef[];
}

export interface PartitionHealth extends PartitionVerdict {
  text: string;
}

/** The windows a verdict is judged with (lib/lag/verdict-config.ts), stated on the group page. */
export interface VerdictWindows {
  windowMs: number;
  stopFactor: number;
  stopFloorMs: number;
  trendMinMs: number;
  trendMinCommits: number;
  rewindHoldMs: number;
}

/** The group page's verdict: the group's, each partition's, and what it was judged against. */
export interface GroupHealthDetail extends GroupHealth {
  partitions: PartitionHealth[];
  pattern: CommitPattern;
  windows: VerdictWindows;
}
