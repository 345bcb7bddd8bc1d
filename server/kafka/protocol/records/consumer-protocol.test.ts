import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeError } from '@/server/kafka/protocol/codec';
import { decodeAssignment, decodeSubscription } from './consumer-protocol';
import { Enc } from './schema-encoder';

describe('consumer protocol member bytes', () => {
  it('decodes the Java client assignment of t [0, 2] at version 0 byte for byte', () => {
    const bytes = Buffer.from(
      '0000' + '00000001' + '000174' + '00000002' + '00000000' + '00000002' + 'ffffffff',
      'hex',
    );
    assert.deepEqual(decodeAssignment(bytes), {
      version: 0,
      partitions: [
        { topic: 't', partition: 0 },
        { topic: 't', partition: 2 },
      ],
    });
  });

  it('decodes assignment v3 and subscription v0 and v3 (later fields ignored)', () => {
    const a = new Enc().i16(3);
    a.arr(
      [
        ['b', [1]],
        ['a', [2, 0]],
      ] as [string, number[]][],
      ([t, ps]) => {
        a.str(t);
        a.arr(ps, (p) => a.i32(p));
      },
    );
    a.bytes(Buffer.from('ud'));
    assert.deepEqual(decodeAssignment(a.done())?.partitions, [
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 2 },
      { topic: 'b', partition: 1 },
    ]);

    const s0 = new Enc().i16(0);
    s0.arr(['orders', 'audit'], (t) => s0.str(t)).i32(-1);
    assert.deepEqual(decodeSubscription(s0.done()), { version: 0, topics: ['audit', 'orders'] });
    const s3 = new Enc().i16(3);
    s3.arr(['orders'], (t) => s3.str(t)).i32(-1);
    s3.arr([['orders', [0]]] as [string, number[]][], ([t, ps]) => {
      s3.str(t);
      s3.arr(ps, (p) => s3.i32(p));
    });
    s3.i32(4).str('rack-1');
    assert.deepEqual(decodeSubscription(s3.done()), { version: 3, topics: ['orders'] });
  });

  it('gives null for empty bytes (members of a group that is not Stable)', () => {
    assert.equal(decodeAssignment(Buffer.alloc(0)), null);
    assert.equal(decodeSubscription(Buffer.alloc(0)), null);
    assert.throws(() => decodeAssignment(Buffer.from([0, 0, 0, 0, 0, 9])), DecodeError);
  });
});
