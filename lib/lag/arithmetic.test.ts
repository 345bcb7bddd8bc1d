import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lagBetween, lagFigures, lagTotal } from './arithmetic';

const commit = (offset: number, seenAt = 100) => ({ offset, seenAt });
const log = (start: number | null, end: number, readAt = 200) => ({ start, end, readAt });

describe('lag figures', () => {
  it('counts from the committed offset to a log end read after the commit', () => {
    const f = lagFigures(commit(700), log(0, 1_000));
    assert.equal(f.lag, 300);
    assert.equal(f.unknown, null);
    assert.equal(f.expiredUnread, 0);
    assert.equal(f.shownCommitted, 700);
    assert.equal(f.endStale, false);
  });

  it('is unknown, never 0, when the log end was read before the commit it is compared with', () => {
    // The load case: the commit arrived from __consumer_offsets after the last end was read.
    const f = lagFigures(commit(1_000, 300), log(0, 1_000, 200));
    assert.equal(f.lag, null);
    assert.equal(f.unknown, 'end-older-than-commit');
    assert.equal(f.atLeast, null, 'a stale end level with the commit bounds nothing');
    assert.equal(f.endStale, true);
  });

  it('gives a lower bound while a stale end is still ahead of the commit', () => {
    const f = lagFigures(commit(900, 300), log(0, 1_000, 200));
    assert.equal(f.lag, null);
    assert.equal(f.atLeast, 100);
  });

  it('never shows the committed offset above the log end, and says the end is stale ("764 / 762")', () => {
    const f = lagFigures(commit(764, 300), log(0, 762, 200));
    assert.equal(f.shownCommitted, 762);
    assert.equal(f.endStale, true);
    assert.equal(f.lag, null);
  });

  it('with a fresh end below the commit: lag 0, clamped, and flagged as beyond the end', () => {
    const f = lagFigures(commit(764, 100), log(0, 762, 200));
    assert.equal(f.lag, 0);
    assert.equal(f.shownCommitted, 762);
    assert.equal(f.beyondEnd, true);
    assert.equal(f.endStale, false);
  });

  it('counts messages retention removed before they were read apart from lag ("0 / 963")', () => {
    const f = lagFigures(commit(0), log(963, 963));
    assert.equal(f.lag, 0);
    assert.equal(f.expiredUnread, 963);
    const partly = lagFigures(commit(100), log(412, 1_000));
    assert.equal(partly.expiredUnread, 312);
    assert.equal(partly.lag, 588);
  });

  it('says when the lag may include expired messages (log start not read)', () => {
    const f = lagFigures(commit(100), log(null, 1_000));
    assert.equal(f.lag, 900);
    assert.equal(f.expiredUnread, null);
    assert.equal(f.mayIncludeExpired, true);
  });

  it('is unknown without a commit or without a log end', () => {
    assert.equal(lagFigures(null, log(0, 10)).unknown, 'no-commit');
    assert.equal(lagFigures(commit(3), null).unknown, 'no-log-end');
    assert.equal(lagFigures(commit(3), null).shownCommitted, 3);
  });

  it('property: a known lag equals end − max(committed, start); shown committed ≤ end', () => {
    fc.assert(
      fc.property(
        fc.nat(1e6),
        fc.nat(1e6),
        fc.nat(1e6),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (c, s, extra, seenAt, readAt) => {
          const start = Math.min(s, c + extra);
          const end = start + extra;
          const f = lagFigures(commit(c, seenAt), log(start, end, readAt));
          assert.ok(f.shownCommitted! <= end);
          if (readAt < seenAt) assert.equal(f.lag, null);
          else assert.equal(f.lag, Math.max(0, end - Math.max(c, start)));
          assert.equal(f.expiredUnread, Math.max(0, start - c));
        },
      ),
    );
  });
});

describe('lag totals', () => {
  it('sums known lags and says when an unknown one makes the total a lower bound', () => {
    const t = lagTotal([
      lagFigures(commit(0), log(0, 10)),
      lagFigures(commit(5, 300), log(0, 8, 200)),
      lagFigures(null, log(0, 50)),
      lagFigures(commit(0), log(4, 4)),
    ]);
    assert.equal(t.total, 10);
    assert.equal(t.complete, false);
    assert.equal(t.atLeast, 13);
    assert.equal(t.expiredUnread, 4);
  });

  it('is complete when only uncommitted partitions lack a lag, and null with no lag at all', () => {
    assert.equal(lagTotal([lagFigures(commit(0), log(0, 2)), lagFigures(null, log(0, 9))]).complete, true);
    assert.equal(lagTotal([lagFigures(null, log(0, 9))]).total, null);
  });

  it('lagBetween never goes below 0', () => {
    assert.equal(lagBetween(10, 0, 5), 0);
    assert.equal(lagBetween(10, 20, 25), 5);
  });
});
