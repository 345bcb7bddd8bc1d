import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SCANS_MAX_PER_OWNER, SCANS_MAX_TOTAL } from '@/lib/contract/browse';
import { createScanLimiter } from './limiter';

describe('scan limiter', () => {
  it('allows one scan per owner and refuses a second in words', () => {
    const limiter = createScanLimiter();
    const first = limiter.acquire('socket-a');
    assert.equal(first.ok, true);
    const second = limiter.acquire('socket-a');
    assert.deepEqual(second, { ok: false, error: 'a search is already running here: cancel it or wait for it to end' });
    if (first.ok) first.release();
    assert.equal(limiter.acquire('socket-a').ok, true);
  });

  it(`caps scans over all owners at ${SCANS_MAX_TOTAL}, per owner at ${SCANS_MAX_PER_OWNER}`, () => {
    const limiter = createScanLimiter();
    const slots = Array.from({ length: SCANS_MAX_TOTAL }, (_, i) => limiter.acquire(`s${i}`));
    assert.ok(slots.every((s) => s.ok));
    const refused = limiter.acquire('late');
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.error, /limit of 4 searches at once/);
    assert.equal(limiter.running(), SCANS_MAX_TOTAL);
    const slot = slots[0];
    if (slot.ok) slot.release();
    assert.equal(limiter.acquire('late').ok, true);
  });

  it('frees a slot once however often it is released', () => {
    const limiter = createScanLimiter(2, 2);
    const a = limiter.acquire('x');
    const b = limiter.acquire('x');
    if (!a.ok || !b.ok) throw new Error('expected slots');
    a.release();
    a.release();
    assert.equal(limiter.running(), 1);
    assert.equal(limiter.acquire('y').ok, true);
    assert.equal(limiter.acquire('z').ok, false);
    b.release();
    assert.equal(limiter.running(), 1);
  });
});
