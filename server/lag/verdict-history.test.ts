import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PartitionLag } from '@/lib/contract/groups';
import { evaluateGroup } from '@/lib/lag/verdict';
import { DEFAULT_VERDICT_CONFIG as config } from '@/lib/lag/verdict-config';
import { SAMPLES_PER_PARTITION, VerdictHistory } from './verdict-history';

const row = (committed: number | null, logEnd: number, committedAt: number | null, memberId: string | null = 'm1') =>
  ({
    topic: 't',
    partition: 0,
    committed,
    logEnd,
    logStart: 0,
    lag: committed === null ? null : logEnd - committed,
    lagUnknown: committed === null ? 'no-commit' : null,
    lagAtLeast: null,
    expiredUnread: 0,
    memberId,
    committedAt,
    lagAge: { seconds: null, estimate: false, reason: 'lag-unknown' },
  }) satisfies PartitionLag;

function judge(h: VerdictHistory, rows: PartitionLag[], now: number, members = 1) {
  return evaluateGroup({ members, partitions: h.inputs('g', rows) }, now, config);
}

describe('verdict history', () => {
  it('keeps only the first and newest sample of a run where only the log end moved', () => {
    const h = new VerdictHistory(config.windowMs);
    for (let t = 0; t < 50_000; t += 1_000) h.record('g', [row(100, 100 + t / 100, 0)], t);
    assert.equal(h.size, 3, 'the caught-up sample, the first with lag, the newest');
  });

  it('caps a busy partition at SAMPLES_PER_PARTITION, and still sees a rewind past the cap', () => {
    const h = new VerdictHistory(config.windowMs);
    let t = 0;
    for (; t < 10_000; t += 1_000) h.record('g', [row(t, t, t)], t);
    h.record('g', [row(0, t, t)], t);
    for (t += 1_000; t < 200_000 && t < 10_000 + 1_000 * (SAMPLES_PER_PARTITION + 5); t += 1_000)
      h.record('g', [row(t - 10_000, t - 10_000, t)], t);
    assert.equal(h.size, SAMPLES_PER_PARTITION);
    const rows = [row(t - 11_000, t - 11_000, t - 1_000)];
    const v = judge(h, rows, t - 1_000);
    assert.equal(v.partitions[0].verdict, 'OK', 'rewind 2 min ago is past its one-minute hold');
    const held = evaluateGroup({ members: 1, partitions: h.inputs('g', rows) }, t - 1_000, {
      ...config,
      rewindHoldMs: 600_000,
    });
    assert.equal(held.verdict, 'REWIND', 'the rewind itself fell out of the samples but is kept apart');
  });

  it('judges a silent partition STALL while its owner is in the group, STOP once nobody owns it', () => {
    const h = new VerdictHistory(config.windowMs);
    for (let t = 0; t <= 20_000; t += 1_000)
      h.record('g', [row(Math.min(t, 5_000) / 10, t / 10, Math.min(t, 5_000))], t);
    const owned = judge(h, [row(500, 2_000, 5_000)], 20_000);
    assert.equal(owned.verdict, 'STALL');
    assert.equal(owned.reason.code, 'owner-silent');
    const orphan = judge(h, [row(500, 2_000, 5_000, null)], 20_000, 2);
    assert.equal(orphan.verdict, 'STOP');
    assert.equal(judge(h, [row(500, 2_000, 5_000, null)], 20_000, 0).verdict, 'NO_MEMBERS');
  });

  it('forgets partitions that left the rows and groups that are gone', () => {
    const h = new VerdictHistory(config.windowMs);
    h.record('g', [row(1, 1, 1), { ...row(1, 1, 1), partition: 1 }], 0);
    h.record('g', [row(1, 1, 1)], 1_000);
    assert.equal(h.size, 2);
    h.forget('g');
    assert.equal(h.size, 0);
  });
});
