import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupSummary } from '@/lib/contract/groups';
import { agedReason, agedSummary, reasonGrows, sameApartFromClock } from './aging';

const row = (over: Partial<GroupSummary> = {}): GroupSummary => ({
  groupId: 'g',
  type: 'classic',
  state: 'Empty',
  protocolType: 'consumer',
  protocol: null,
  generation: 4,
  members: 0,
  topics: ['t'],
  totalLag: 12,
  expiredUnread: 0,
  lagAge: { seconds: 40, estimate: false, partition: { topic: 't', partition: 0 }, partial: false },
  uncommittedPartitions: 0,
  lagTrend: 0,
  consumeRate: 0,
  produceRate: 0,
  coordinator: 1,
  rebalancingSince: null,
  health: {
    verdict: 'STOP',
    reason: { code: 'no-commits', lag: 12, silentMs: 30_000, limitMs: 3_000, medianIntervalMs: 1_000 },
    text: 'No commit for 30 s',
    causes: [{ topic: 't', partition: 0 }],
  },
  observedAt: 1_000_000,
  ...over,
});

describe('figures that grow with the clock', () => {
  it('age the lag seconds and the reason durations by the time passed, and nothing else', () => {
    const aged = agedSummary(row(), 1_005_000);
    assert.equal(aged.lagAge.seconds, 45);
    assert.equal(aged.observedAt, 1_005_000);
    assert.deepEqual(aged.health?.reason, {
      code: 'no-commits',
      lag: 12,
      silentMs: 35_000,
      limitMs: 3_000,
      medianIntervalMs: 1_000,
    });
    assert.equal(aged.totalLag, 12);
  });

  it('leave 0 ("nothing unread") and unknown ages alone, and never age backwards', () => {
    assert.equal(
      agedSummary(row({ lagAge: { seconds: 0, estimate: false, partition: null, partial: false } }), 2e6).lagAge
        .seconds,
      0,
    );
    assert.equal(
      agedSummary(row({ lagAge: { seconds: null, estimate: false, partition: null, partial: true } }), 2e6).lagAge
        .seconds,
      null,
    );
    assert.equal(agedSummary(row(), 999_000).lagAge.seconds, 40);
    assert.deepEqual(agedReason({ code: 'rewound', from: 9, to: 0, at: 5 }, 10_000), {
      code: 'rewound',
      from: 9,
      to: 0,
      at: 5,
    });
    assert.equal(reasonGrows({ code: 'no-members', lag: 3, partitionsWithLag: 1 }), false);
    assert.equal(reasonGrows({ code: 'within-pattern', lag: 3, quietMs: 10, limitMs: 20 }), true);
  });

  it('a row a round later that only aged is the same; another lag, verdict or member count is not', () => {
    const sent = row();
    const later = (dt: number, over: Partial<GroupSummary> = {}) => {
      const next = agedSummary(sent, sent.observedAt + dt);
      return { ...next, health: next.health && { ...next.health, text: `No commit for ${30 + dt / 1000} s` }, ...over };
    };
    assert.equal(sameApartFromClock(sent, later(500)), true);
    assert.equal(sameApartFromClock(sent, later(60_000)), true);
    // Computed moments apart: within the tolerance it is still only the clock.
    const jitter = later(1_000);
    assert.equal(
      sameApartFromClock(sent, { ...jitter, lagAge: { ...jitter.lagAge, seconds: jitter.lagAge.seconds! + 0.3 } }),
      true,
    );
    assert.equal(sameApartFromClock(sent, later(500, { totalLag: 13 })), false);
    assert.equal(sameApartFromClock(sent, later(500, { members: 1 })), false);
    // The age restarted (a commit moved the oldest unread message): sent.
    assert.equal(sameApartFromClock(sent, { ...later(500), lagAge: { ...sent.lagAge, seconds: 5 } }), false);
    // The silence restarted, or the verdict changed: sent.
    const restarted = later(500);
    assert.equal(
      sameApartFromClock(sent, {
        ...restarted,
        health: { ...restarted.health!, reason: { ...(restarted.health!.reason as object), silentMs: 1_000 } as never },
      }),
      false,
    );
    assert.equal(sameApartFromClock(sent, { ...restarted, health: { ...restarted.health!, verdict: 'STALL' } }), false);
    // An age that appears or goes is a change, not the clock.
    assert.equal(sameApartFromClock(sent, { ...restarted, lagAge: { ...restarted.lagAge, seconds: 0 } }), false);
  });
});
