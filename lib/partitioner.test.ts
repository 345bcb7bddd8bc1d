import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fillPattern, murmur2, partitionForKey } from '@/lib/partitioner';
import { previewProduce } from '@/lib/produce-preview';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('partitioner', () => {
  it("matches Kafka's own murmur2 test values", () => {
    // From Kafka's UtilsTest: the Java client must agree byte for byte.
    assert.equal(murmur2(bytes('21')), -973932308);
    assert.equal(murmur2(bytes('foobar')), -790332482);
    assert.equal(murmur2(bytes('a-little-bit-long-string')), -985981536);
    assert.equal(murmur2(bytes('a-little-bit-longer-string')), -1486304829);
    assert.equal(murmur2(bytes('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8')), -58897971);
    assert.equal(murmur2(bytes('abc')), 479470107);
  });

  it('pins a key to one partition, in range, for any partition count', () => {
    for (const n of [1, 2, 3, 7, 100]) {
      for (let i = 0; i < 200; i++) {
        const p = partitionForKey(`order-${i}`, n);
        assert.ok(p >= 0 && p < n);
        assert.equal(partitionForKey(`order-${i}`, n), p);
      }
    }
    assert.throws(() => partitionForKey('x', 0), /at least one partition/);
  });

  it('hashes UTF-8 bytes, not UTF-16 code units', () => {
    assert.equal(murmur2(bytes('주문-1')), murmur2(Uint8Array.from(Buffer.from('주문-1', 'utf8'))));
    assert.notEqual(murmur2(bytes('주문-1')), murmur2(bytes('order-1')));
  });

  it('fills {n} in patterns', () => {
    assert.equal(fillPattern('order-{n}', 42), 'order-42');
    assert.equal(fillPattern('{n}/{n}', 3), '3/3');
    assert.equal(fillPattern('plain', 3), 'plain');
  });
});

describe('produce preview', () => {
  it('names the one partition a key goes to, and spreads keyless or patterned sends', () => {
    const one = previewProduce('order-42', null, 5, 3);
    assert.equal(one.single, partitionForKey('order-42', 3));
    assert.equal(one.reason, 'key');
    assert.equal(one.spread[one.single!], 5);
    assert.deepEqual(previewProduce(null, null, 7, 3), { spread: [3, 2, 2], single: null, reason: 'round-robin' });
    assert.deepEqual(previewProduce('x', 2, 4, 3), { spread: [0, 0, 4], single: 2, reason: 'explicit' });
    const many = previewProduce('order-{n}', null, 300, 3);
    assert.equal(many.reason, 'keys');
    assert.equal(
      many.spread.reduce((a, b) => a + b, 0),
      300,
    );
    assert.ok(
      many.spread.every((n) => n > 50),
      `roughly even: ${many.spread}`,
    );
    assert.equal(previewProduce('order-{n}', null, 1, 3).single, partitionForKey('order-0', 3));
  });
});
