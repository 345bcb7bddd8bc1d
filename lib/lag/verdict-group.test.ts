import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { every, produced, simulate } from './simulate.test-helpers';
import { evaluateGroup, type LagSample, type PartitionInput } from './verdict';
import { DEFAULT_VERDICT_CONFIG as config, parseVerdictConfig, VerdictConfigError } from './verdict-config';
import { duration, groupVerdictText, reasonText } from './verdict-text';

const S = 1_000;
const NOW = 100_500;

/** A partition read by a healthy consumer, or one whose consumer stopped at `stopAt`. */
function partition(n: number, stopAt = 100_000, scale = 1): PartitionInput {
  return {
    topic: 'orders',
    partition: n,
    samples: simulate({
      from: 500,
      to: NOW,
      logEnd: (t) => produced(t) * scale,
      commitTimes: every(S, 0, stopAt),
      offsetAt: (c) => produced(c) * scale,
    }),
  };
}

describe('group verdict', () => {
  it('is the worst partition, with the partitions that cause it and the reason of the one furthest behind', () => {
    const g = evaluateGroup(
      { members: 2, partitions: [partition(0), partition(1, 60_000), partition(2, 70_000, 3)] },
      NOW,
      config,
    );
    assert.equal(g.verdict, 'STOP');
    assert.deepEqual(
      g.causes.map((c) => c.partition),
      [1, 2],
    );
    assert.equal(g.partitions[0].verdict, 'OK');
    assert.equal(g.reason.code, 'no-commits');
    // Partition 2 stopped later but has three times the traffic: it is further behind.
    if (g.reason.code === 'no-commits') assert.equal(g.reason.lag, produced(NOW) * 3 - produced(70_000) * 3);
    assert.deepEqual(g.pattern, { medianIntervalMs: 1_000, stopAfterMs: 10_000 });
  });

  it('a group caught up a minute ago that stopped since is STOP (Burrow: any zero lag in the window is OK)', () => {
    const samples: LagSample[] = [];
    for (let t = 500; t <= NOW; t += S) {
      const committedAt = Math.min(Math.floor(t / S) * S, 40_000);
      samples.push({
        at: t,
        committed: produced(committedAt),
        committedAt,
        logStart: 0,
        logEnd: produced(Math.min(t, 40_000 + (t > 60_000 ? t - 60_000 : 0))),
      });
    }
    assert.ok(
      samples.some((s) => s.at > 40_000 && s.logEnd === s.committed),
      'lag 0 inside the window',
    );
    const g = evaluateGroup({ members: 1, partitions: [{ topic: 't', partition: 0, samples }] }, NOW, config);
    assert.equal(g.verdict, 'STOP');
  });

  it('with no members is NO_MEMBERS, naming the partitions where messages wait', () => {
    const g = evaluateGroup({ members: 0, partitions: [partition(0), partition(1, 60_000)] }, NOW, config);
    assert.equal(g.verdict, 'NO_MEMBERS');
    assert.deepEqual(
      g.causes.map((c) => c.partition),
      [0, 1],
      'partition 0 has 50 unread between commit and read',
    );
    assert.equal(g.reason.code, 'no-members');
    assert.match(groupVerdictText(g), /^No members: nobody is reading, and [\d,]+ messages wait on 2 partitions\.$/);
  });

  it('with no members and a rewind (an offset reset) is REWIND', () => {
    const p = partition(0);
    const last = p.samples[p.samples.length - 1];
    const reset: PartitionInput = {
      ...p,
      samples: [...p.samples, { ...last, at: NOW + S, committed: 0, committedAt: NOW + S }],
    };
    const g = evaluateGroup({ members: 0, partitions: [reset] }, NOW + S, config);
    assert.equal(g.verdict, 'REWIND');
    assert.match(
      groupVerdictText(g),
      /^Rewound \(orders\/0\)\. Committed offset moved back from 10,000 to 0 at 00:01:41 UTC: 10,000 messages will be read again\.$/,
    );
  });

  it('with members and nothing committed anywhere is NOT_COMMITTING; with no partitions, OK', () => {
    const p: PartitionInput = {
      topic: 't',
      partition: 0,
      samples: [{ at: NOW, committed: null, committedAt: null, logStart: 0, logEnd: 10 }],
    };
    assert.equal(evaluateGroup({ members: 3, partitions: [p] }, NOW, config).verdict, 'NOT_COMMITTING');
    assert.equal(evaluateGroup({ members: 3, partitions: [] }, NOW, config).verdict, 'OK');
  });

  it('members unknown (not described yet) does not make NO_MEMBERS', () => {
    assert.equal(evaluateGroup({ members: null, partitions: [partition(0)] }, NOW, config).verdict, 'OK');
  });
});

describe('verdict settings', () => {
  it('defaults to the stated windows', () => {
    assert.deepEqual(parseVerdictConfig(undefined), {
      windowMs: 600_000,
      stopFactor: 3,
      stopFloorMs: 10_000,
      assumedCommitIntervalMs: 5_000,
      trendMinMs: 60_000,
      trendMinCommits: 6,
      rewindHoldMs: 60_000,
      freshMs: 30_000,
    });
  });

  it('names each bad field, and refuses unknown ones', () => {
    assert.throws(
      () => parseVerdictConfig({ stopFactor: 0, windowMs: 'x', stopFlorMs: 5 }),
      (e: unknown) =>
        e instanceof VerdictConfigError &&
        e.issues.some((i) => i.startsWith('stopFactor:')) &&
        e.issues.some((i) => i.startsWith('windowMs:')) &&
        /stopFlorMs/.test(e.message),
    );
    assert.throws(() => parseVerdictConfig({ windowMs: 30_000 }), /trendMinMs: must not exceed windowMs/);
  });

  it('a larger floor and factor move STOP later', () => {
    const strict = parseVerdictConfig({ stopFloorMs: 30_000 });
    const g = evaluateGroup({ members: 1, partitions: [partition(0, 80_000)] }, NOW, strict);
    assert.equal(g.verdict, 'OK');
    assert.equal(g.pattern.stopAfterMs, 30_000);
  });
});

describe('verdict words', () => {
  it('says each reason in one sentence with its numbers', () => {
    assert.equal(
      reasonText({ code: 'no-commits', lag: 1234, silentMs: 42_000, limitMs: 15_000, medianIntervalMs: 5_000 }),
      'No commit for 42 s while 1,234 messages wait; it usually commits every 5 s, so stopped after 15 s.',
    );
    assert.equal(
      reasonText({ code: 'lag-growing', from: 100, to: 1_300, overMs: 60_000, consumed: 4_800 }),
      'Lag grew from 100 to 1,300 over 1 min while the group read 4,800 messages: it reads slower than messages arrive.',
    );
    assert.match(
      reasonText({ code: 'offset-stuck', offset: 9, lag: 1, stuckMs: 11_000, limitMs: 10_000, commits: 11 }),
      /while 1 message waits:/,
    );
  });

  it('formats durations', () => {
    assert.deepEqual(
      [duration(950), duration(75_000), duration(3_600_000), duration(3_660_000)],
      ['1 s', '1 min 15 s', '1 h', '1 h 1 min'],
    );
  });
});
