import type { GroupVerdict, LagAgeReason, Verdict, VerdictReason } from '@/lib/contract/lag';

// Every word the verdicts and lag ages are shown with, in one place: an i18n layer replaces
// this file's tables and keeps the reasons (data) as they are.

export const VERDICT_LABEL: Record<Verdict, string> = {
  OK: 'OK',
  UNKNOWN: 'Unknown',
  NOT_COMMITTING: 'Not committing',
  WARN: 'Falling behind',
  NO_MEMBERS: 'No members',
  STALL: 'Stalled',
  STOP: 'Stopped',
  REWIND: 'Rewound',
};

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const messages = (n: number) => `${count(n)} ${n === 1 ? 'message' : 'messages'}`;
const waiting = (n: number) => `${messages(n)} ${n === 1 ? 'waits' : 'wait'}`;

/** 400 ms → "0.4 s", 950 ms → "1 s", 75 s → "1 min 15 s", 2 h → "2 h". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  // A commit interval of 400 ms is not "0 s".
  if (s === 0 && ms >= 50) return `${(ms / 1000).toFixed(1)} s`;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
}

const clock = (at: number) => new Date(at).toISOString().slice(11, 19) + ' UTC';

export function reasonText(r: VerdictReason): string {
  switch (r.code) {
    case 'caught-up':
      return 'Caught up: nothing unread.';
    case 'nothing-to-read':
      return 'Nothing to read: no messages and nothing committed.';
    case 'keeping-up':
      return `${messages(r.lag)} behind, not growing over the last ${duration(r.overMs)}.`;
    case 'judging':
      return `${messages(r.lag)} behind and committing; a trend needs ${duration(r.needMs)} of history (${duration(r.historyMs)} so far).`;
    case 'within-pattern':
      return `${messages(r.lag)} behind; offset unchanged for ${duration(r.quietMs)}, within the group's commit pattern (judged stalled or stopped after ${duration(r.limitMs)}).`;
    case 'lag-unknown':
      return r.sinceMs === null
        ? 'Lag not known yet: no log end read after the latest commit.'
        : `Lag not known for ${duration(r.sinceMs)}: no log end read since (is the partition leader reachable?).`;
    case 'never-committed':
      return r.messages === null
        ? 'Nothing committed: the lag cannot be measured.'
        : `Nothing committed while ${messages(r.messages)} are in the log: the lag cannot be measured (a consumer starting at the latest offset commits after its first message).`;
    case 'lag-growing':
      return `Lag grew from ${count(r.from)} to ${count(r.to)} over ${duration(r.overMs)} while the group read ${messages(r.consumed)}: it reads slower than messages arrive.`;
    case 'no-members':
      return r.partitionsWithLag === 0
        ? 'No members: nobody is reading, and nothing waits.'
        : `No members: nobody is reading, and ${r.lag === null ? 'messages wait' : waiting(r.lag)} on ${r.partitionsWithLag} ${r.partitionsWithLag === 1 ? 'partition' : 'partitions'}.`;
    case 'offset-stuck':
      return `Committed offset ${count(r.offset)} again and again (${r.commits} commits) for ${duration(r.stuckMs)} while ${waiting(r.lag)}: the consumer is alive but not moving (stalled after ${duration(r.limitMs)}).`;
    case 'owner-silent':
      return `No commit for ${duration(r.silentMs)} while ${waiting(r.lag)}, though its owner is still in the group; ${
        r.medianIntervalMs === null
          ? 'its commit pattern is not known yet'
          : `it usually commits every ${duration(r.medianIntervalMs)}`
      }, so stalled after ${duration(r.limitMs)}.`;
    case 'no-commits':
      return `No commit for ${duration(r.silentMs)} while ${waiting(r.lag)}; ${
        r.medianIntervalMs === null
          ? 'its commit pattern is not known yet'
          : `it usually commits every ${duration(r.medianIntervalMs)}`
      }, so stopped after ${duration(r.limitMs)}.`;
    case 'rewound':
      return `Committed offset moved back from ${count(r.from)} to ${count(r.to)} at ${clock(r.at)}: ${messages(r.from - r.to)} will be read again.`;
  }
}

/** One line for a group: the verdict, how many partitions carry it, and the telling reason. */
export function groupVerdictText(g: GroupVerdict): string {
  const label = VERDICT_LABEL[g.verdict];
  const first = g.causes[0];
  if (g.verdict === 'NO_MEMBERS') return reasonText(g.reason);
  if (!first) return `${label}. ${reasonText(g.reason)}`;
  const where =
    g.causes.length === 1
      ? `${first.topic}/${first.partition}`
      : `${g.causes.length} of ${g.partitions.length} partitions`;
  return `${label} (${where}). ${reasonText(g.reason)}`;
}

export const LAG_AGE_TEXT: Record<LagAgeReason, string> = {
  'caught-up': 'Nothing unread.',
  'lag-unknown': 'Not known: the lag itself is not known yet.',
  'not-read-yet': 'Not known yet: the oldest unread record has not been read.',
  'log-append-time': "Age of the oldest unread message, from the broker's append time.",
  'create-time': 'Estimate: age of the oldest unread message from the time its producer set on it.',
  'future-timestamp': "Estimate: the oldest unread message carries a time after now (producer's clock ahead).",
};
