import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RecordTimeCache } from './record-time-cache';

const rec = (timestamp: number) => ({ offset: 0, timestamp, type: 'CreateTime' as const });

describe('record time cache', () => {
  it('keeps at most its cap, dropping the least recently used', () => {
    const cache = new RecordTimeCache(2, 60_000, () => 0);
    cache.set('t', 0, 1, rec(1));
    cache.set('t', 0, 2, rec(2));
    assert.equal(cache.get('t', 0, 1)?.timestamp, 1, 'read: now the most recent');
    cache.set('t', 0, 3, rec(3));
    assert.equal(cache.size, 2);
    assert.equal(cache.get('t', 0, 2), null, 'the least recently used went');
    assert.equal(cache.get('t', 0, 1)?.timestamp, 1);
    assert.equal(cache.evictions, 1);
  });

  it('forgets entries after the TTL', () => {
    let now = 0;
    const cache = new RecordTimeCache(10, 1_000, () => now);
    cache.set('t', 0, 1, rec(1));
    now = 999;
    assert.ok(cache.get('t', 0, 1));
    now = 1_000;
    assert.equal(cache.get('t', 0, 1), null);
    assert.equal(cache.size, 0);
  });

  it('keys by topic, partition and offset', () => {
    const cache = new RecordTimeCache(10, 1_000, () => 0);
    cache.set('t', 0, 5, rec(1));
    assert.equal(cache.get('t', 1, 5), null);
    assert.equal(cache.get('t', 0, 6), null);
    cache.set('tt', 0, 5, rec(2));
    cache.forgetTopic('t');
    assert.equal(cache.get('t', 0, 5), null, 'a recreated topic starts again from offset 0');
    assert.equal(cache.get('tt', 0, 5)?.timestamp, 2, 'another topic whose name starts the same stays');
  });
});
