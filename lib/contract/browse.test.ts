import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeIssue } from './describe-issue';
import {
  BROWSE_LIMIT_DEFAULT,
  BROWSE_LIMIT_MAX,
  BROWSE_SCANNED_DEFAULT,
  BROWSE_SCANNED_MAX,
  browseQuerySchema,
  scanStartSchema,
} from './browse';

/** The refusal a person would read, or null when the payload is accepted. */
function refusal(payload: unknown): string | null {
  const r = browseQuerySchema.safeParse(payload);
  return r.success ? null : describeIssue(r.error);
}

describe('browse query contract', () => {
  it('fills the stated defaults when only the start is given', () => {
    const q = browseQuerySchema.parse({ from: { position: 'oldest' } });
    assert.deepEqual(q, {
      from: { position: 'oldest' },
      direction: 'forward',
      filters: {},
      limit: BROWSE_LIMIT_DEFAULT,
      maxScanned: BROWSE_SCANNED_DEFAULT,
      readCommitted: false,
      showControl: false,
    });
  });

  it('accepts each starting point and keeps numbers as numbers', () => {
    for (const from of [{ position: 'newest' }, { offset: 0 }, { timestamp: 1_700_000_000_000 }, { beforeEnd: 10 }]) {
      assert.deepEqual(browseQuerySchema.parse({ from }).from, from);
    }
  });

  it('refuses a missing or mixed starting point in words', () => {
    assert.match(refusal({}) ?? '', /^from: /);
    assert.match(refusal({ from: { offset: 1, timestamp: 2 } }) ?? '', /from must be one of/);
    assert.match(refusal({ from: { offset: -1 } }) ?? '', /from must be one of|0 or more/);
    assert.match(refusal({ from: { position: 'middle' } }) ?? '', /from must be one of/);
  });

  it('caps limit and maxScanned at the stated maximums', () => {
    assert.equal(refusal({ from: { offset: 0 }, limit: BROWSE_LIMIT_MAX }), null);
    assert.equal(refusal({ from: { offset: 0 }, limit: BROWSE_LIMIT_MAX + 1 }), 'limit: limit is at most 1000');
    assert.equal(refusal({ from: { offset: 0 }, maxScanned: BROWSE_SCANNED_MAX }), null);
    assert.equal(
      refusal({ from: { offset: 0 }, maxScanned: BROWSE_SCANNED_MAX + 1 }),
      'maxScanned: maxScanned is at most 10,000,000',
    );
    assert.equal(refusal({ from: { offset: 0 }, limit: 0 }), 'limit: limit must be 1 or more');
    assert.equal(refusal({ from: { offset: 0 }, limit: 2.5 }), 'limit: limit must be a whole number');
  });

  it('refuses reading backward from the oldest message, which could find nothing', () => {
    assert.match(refusal({ from: { position: 'oldest' }, direction: 'backward' }) ?? '', /nothing is older/);
    assert.equal(refusal({ from: { position: 'newest' }, direction: 'backward' }), null);
  });

  it('refuses JSON comparisons without a path, unknown fields and an inverted time range', () => {
    assert.match(refusal({ from: { offset: 0 }, filters: { jsonEquals: 'x' } }) ?? '', /need a jsonPath/);
    assert.match(refusal({ from: { offset: 0 }, filters: { colour: 'red' } }) ?? '', /colour/);
    assert.match(refusal({ from: { offset: 0 }, filters: { timeFrom: 5, timeTo: 4 } }) ?? '', /timeFrom must not/);
    assert.match(
      refusal({ from: { offset: 0 }, filters: { jsonPath: '$.a', jsonCompare: { op: '~', value: 1 } } }) ?? '',
      /op must be one of/,
    );
  });

  it('keeps a jsonEquals of null distinct from an absent one', () => {
    const q = browseQuerySchema.parse({ from: { offset: 0 }, filters: { jsonPath: '$.a', jsonEquals: null } });
    assert.equal('jsonEquals' in q.filters, true);
    assert.equal(q.filters.jsonEquals, null);
  });

  it('bounds the text of filters', () => {
    assert.match(refusal({ from: { offset: 0 }, filters: { valueRegex: 'a'.repeat(1001) } }) ?? '', /at most 1000/);
    assert.match(refusal({ from: { offset: 0 }, filters: { keyContains: '' } }) ?? '', /must not be empty/);
  });

  it('validates a live scan start: id, topic and query', () => {
    const ok = scanStartSchema.safeParse({ scanId: 'scan-1', topic: 'orders', query: { from: { offset: 3 } } });
    assert.equal(ok.success, true);
    const bad = scanStartSchema.safeParse({ scanId: 'a b', topic: 'orders', query: { from: { offset: 3 } } });
    assert.equal(bad.success, false);
  });
});
