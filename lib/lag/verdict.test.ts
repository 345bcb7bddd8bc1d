import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Verdict } from '@/lib/contract/lag';
import { every, noise, produced, simulate, type Scenario } from './simulate.test-helpers';
import { commitPattern, evaluatePartition, type LagSample, type PartitionInput } from './verdict';
import { DEFAULT_VERDICT_CONFIG as config } from './verdict-config';

const S = 1_000;

function judge(samples: LagSample[], now: number, extra: Partial<PartitionInput> = {}) {
  const p: PartitionInput = { topic: 't', partition: 0, samples, ...extra };
  return evaluatePartition(p, commitPattern([p], now, config), now, config);
}

/** The first evaluation time, stepping by 1 s from `from`, that gives `verdict`. */
function firstTime(scenario: Scenario, verdict: Verdict, from: number, to: number): number | null {
  const samples = simulate(scenario);
  for (let now = from; now <= to; now += S) {
    if (
      judge(
        samples.filter((s) => s.at <= now),
        now,
      ).verdict === verdict
    )
      return now;
  }
  return null;
}

describe('verdict: healthy and slow consumers', () => {
  it('a consumer keeping up under load is OK, though its lag is never 0', () => {
    const jitter = noise(1);
    const samples = simulate({
      from: 500,
      to: 120_500,
      logEnd: produced,
      commitTimes: every(S, 0, 120_000),
      offsetAt: (c) => produced(c) - Math.floor(jitter(c) * 50),
    });
    const v = judge(samples, 120_500);
    assert.equal(v.verdict, 'OK');
    assert.equal(v.reason.code, 'keeping-up');
    assert.ok(v.lag! > 0);
  });

  it('a slow consumer is WARN although its lag does not rise at every commit (Burrow called it OK)', () => {
    // Producers send 100 a second on average, in uneven seconds (0 to 200); the consumer reads 80.
    const rate = noise(2);
    const ends = [0];
    for (let k = 0; k <= 130; k++) ends.push(ends[k] + Math.floor(rate(k) * 201));
    const logEnd = (t: number) =>
      ends[Math.floor(t / S)] + Math.floor(((t % S) / S) * (ends[Math.floor(t / S) + 1] - ends[Math.floor(t / S)]));
    const scenario: Scenario = {
      from: 500,
      to: 120_500,
      logEnd,
      commitTimes: every(S, 0, 120_000),
      offsetAt: (c) => Math.min(logEnd(c), Math.floor((c / S) * 80)),
    };
    const samples = simulate(scenario);
    const lags = samples.map((s) => s.logEnd! - s.committed!);
    const falls = lags.slice(1).filter((l, i) => l < lags[i]).length;
    assert.ok(falls > 10, `lag fell at ${falls} commits: Burrow's "rising every interval" rule never fires here`);
    const v = judge(samples, 120_500);
    assert.equal(v.verdict, 'WARN');
    assert.equal(v.reason.code, 'lag-growing');
    if (v.reason.code === 'lag-growing') {
      assert.ok(v.reason.to - v.reason.from > 200, JSON.stringify(v.reason));
      assert.ok(v.reason.consumed > 4_000);
    }
    // A trend is judged from the last time the consumer was caught up, over a minute.
    const caughtUp = samples.findLast((s) => s.logEnd === s.committed)?.at ?? 0;
    const at = firstTime(scenario, 'WARN', 10_500, 120_500);
    assert.ok(
      at !== null && at - caughtUp <= 61_000 && at - caughtUp > 50_000,
      `WARN ${at! - caughtUp} ms after it was last caught up`,
    );
  });

  it('a slow consumer that commits every 5 s (lag saws up between commits) is WARN', () => {
    const samples = simulate({
      from: 500,
      to: 180_500,
      logEnd: produced,
      commitTimes: every(5 * S, 0, 180_000),
      offsetAt: (c) => Math.floor((c / S) * 80),
    });
    assert.equal(judge(samples, 180_500).verdict, 'WARN');
  });

  it('a burst of produce that the consumer works off is not WARN', () => {
    // 3,000 extra messages at t = 60 s, read off at 150 a second above the produce rate.
    const end = (t: number) => produced(t) + (t >= 60_000 ? 3_000 : 0);
    const read = (c: number) => Math.min(end(c), produced(c) + Math.max(0, Math.floor(((c - 60_000) / S) * 150)));
    const samples = simulate({
      from: 500,
      to: 100_500,
      logEnd: end,
      commitTimes: every(S, 0, 100_000),
      offsetAt: read,
    });
    assert.notEqual(judge(samples, 100_500).verdict, 'WARN');
  });

  it('needs a trend window of history before judging a trend', () => {
    const samples = simulate({
      from: 500,
      to: 20_500,
      logEnd: produced,
      commitTimes: every(S, 0, 20_000),
      offsetAt: (c) => Math.floor((c / S) * 50),
    });
    const v = judge(samples, 20_500);
    assert.equal(v.verdict, 'OK');
    assert.equal(v.reason.code, 'judging');
  });
});

describe('verdict: STOP within the stated time', () => {
  const stopped = (commitEvery: number, stopAt: number): Scenario => ({
    from: 500,
    to: 200_500,
    logEnd: produced,
    commitTimes: every(commitEvery, 0, stopAt),
    offsetAt: (c) => produced(c),
  });

  it('a kafkajs-style consumer (commits every second) is STOP 10 s (the floor) after its last commit', () => {
    const at = firstTime(stopped(S, 100_000), 'STOP', 90_500, 200_500);
    assert.ok(at !== null);
    assert.ok(at - 100_000 > 10_000 && at - 100_000 <= 11_000, `STOP ${at - 100_000} ms after the last commit`);
  });

  it('a Java-style consumer (commits every 5 s) is STOP 3 × 5 s after its last commit, not before', () => {
    const at = firstTime(stopped(5 * S, 100_000), 'STOP', 90_500, 200_500);
    assert.ok(at !== null);
    assert.ok(at - 100_000 > 15_000 && at - 100_000 <= 16_000, `STOP ${at - 100_000} ms after the last commit`);
  });

  it('a group that commits every minute is not STOP after 90 s of quiet', () => {
    const samples = simulate(stopped(60 * S, 600_000)).filter((s) => s.at <= 690_500);
    // Plus the minute-rhythm history before: the last commit at 600 s.
    const v = judge(samples, 690_500);
    assert.notEqual(v.verdict, 'STOP');
    assert.equal(commitPattern([{ topic: 't', partition: 0, samples }], 690_500, config).stopAfterMs, 180_000);
  });

  it('a group whose last commit is 7 min old is STOP as soon as the dashboard starts (Burrow said OK)', () => {
    const now = 1_000_000;
    const lastCommit = now - 7 * 60 * S;
    const samples: LagSample[] = [0, 1, 2].map((i) => ({
      at: now - 2_000 + i * S,
      committed: 500,
      committedAt: lastCommit,
      logStart: 0,
      logEnd: 900,
    }));
    const v = judge(samples, now);
    assert.equal(v.verdict, 'STOP');
    assert.equal(v.reason.code, 'no-commits');
    if (v.reason.code === 'no-commits') assert.ok(v.reason.silentMs >= 7 * 60 * S);
  });

  it('an idle consumer that just got a message is not STOP: its clock starts when messages began to wait', () => {
    const now = 1_000_000;
    const idle: LagSample[] = [];
    for (let t = now - 60_000; t <= now; t += S) {
      idle.push({
        at: t,
        committed: 500,
        committedAt: now - 600_000,
        logStart: 0,
        logEnd: t < now - 3_000 ? 500 : 501,
      });
    }
    assert.equal(judge(idle, now).verdict, 'OK');
    // ... and STOP once the message has waited past the limit (no commit rhythm seen: 3 × 5 s).
    const later = [...idle];
    for (let t = now + S; t <= now + 20_000; t += S) later.push({ ...idle[idle.length - 1], at: t });
    let stopAt: number | null = null;
    for (let t = now; t <= now + 20_000 && stopAt === null; t += S) {
      if (
        judge(
          later.filter((s) => s.at <= t),
          t,
        ).verdict === 'STOP'
      )
        stopAt = t;
    }
    assert.equal(stopAt! - (now - 3_000), 16_000, 'first evaluation past 15 s of waiting');
  });

  it('at start-up, the oldest unread record being 2 s old keeps an old last commit from reading STOP', () => {
    const now = 1_000_000;
    const samples: LagSample[] = [{ at: now, committed: 500, committedAt: now - 600_000, logStart: 0, logEnd: 501 }];
    assert.notEqual(judge(samples, now, { oldestUnreadAt: now - 2_000 }).verdict, 'STOP');
    assert.equal(judge(samples, now, { oldestUnreadAt: now - 20_000 }).verdict, 'STOP');
  });
});

describe('verdict: STALL, REWIND, NOT_COMMITTING, UNKNOWN', () => {
  it('commits of the same offset while messages wait are STALL after the limit, and not STOP', () => {
    const scenario: Scenario = {
      from: 500,
      to: 60_500,
      logEnd: produced,
      commitTimes: every(S, 0, 60_000),
      offsetAt: (c) => (c < 30_000 ? produced(c) : produced(30_000)),
    };
    const at = firstTime(scenario, 'STALL', 20_500, 60_500);
    assert.ok(at !== null && at - 30_000 > 10_000 && at - 30_000 <= 11_000, `STALL ${at! - 30_000} ms after`);
    const v = judge(simulate(scenario), 60_500);
    assert.equal(v.verdict, 'STALL');
    if (v.reason.code === 'offset-stuck') {
      assert.equal(v.reason.offset, 3_000);
      assert.ok(v.reason.commits >= 30);
    }
  });

  it('a committed offset moving back is REWIND at the next sample, for rewindHoldMs', () => {
    const samples = simulate({
      from: 500,
      to: 60_500,
      logEnd: produced,
      commitTimes: every(S, 0, 60_000),
      offsetAt: (c) => (c === 30_000 ? 0 : c > 30_000 ? Math.floor((c - 30_000) / 10) : produced(c)),
    });
    const seen = samples.filter((s) => s.at <= 30_500);
    const v = judge(seen, 30_500);
    assert.equal(v.verdict, 'REWIND');
    assert.deepEqual(v.reason, { code: 'rewound', from: 2_900, to: 0, at: 30_500 });
    assert.equal(judge(samples, 60_500).verdict, 'REWIND', 'still shown 30 s later');
    const after = [
      ...samples,
      ...simulate({
        from: 61_500,
        to: 100_500,
        logEnd: produced,
        commitTimes: every(S, 0, 100_000),
        offsetAt: produced,
      }),
    ];
    assert.notEqual(judge(after, 100_500).verdict, 'REWIND', 'gone after the hold');
  });

  it('a partition with messages and nothing committed is NOT_COMMITTING; an empty one is OK', () => {
    const none = (logEnd: number): LagSample[] => [
      { at: 1_000, committed: null, committedAt: null, logStart: 0, logEnd },
    ];
    assert.equal(judge(none(40), 1_000).verdict, 'NOT_COMMITTING');
    assert.deepEqual(judge(none(0), 1_000).reason, { code: 'nothing-to-read' });
  });

  it('is UNKNOWN, not OK, when the lag has not been known recently', () => {
    const s: LagSample = { at: 1_000, committed: 5, committedAt: 900, logStart: 0, logEnd: 5 };
    assert.equal(judge([s], 1_000).verdict, 'OK');
    assert.equal(judge([s, { ...s, at: 40_000, logEnd: null }], 40_000).verdict, 'UNKNOWN');
    assert.equal(judge([{ ...s, logEnd: null }], 1_000).verdict, 'UNKNOWN');
    assert.equal(judge([], 1_000).verdict, 'UNKNOWN');
  });

  it('a consumer caught up is OK whatever its commit rhythm', () => {
    const s: LagSample = { at: 1_000_000, committed: 5, committedAt: 1, logStart: 0, logEnd: 5 };
    assert.deepEqual(judge([s], 1_000_000).reason, { code: 'caught-up' });
  });
});
