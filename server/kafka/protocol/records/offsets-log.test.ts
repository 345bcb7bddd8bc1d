import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeError } from '@/server/kafka/protocol/codec';
import { decodeOffsetsRecord } from './offsets-log';
import { Enc } from './schema-encoder';

const offsetKey = (v: 0 | 1) => new Enc().i16(v).str('orders-group').str('order.processing').i32(2).done();
const groupKey = () => new Enc().i16(2).str('orders-group').done();

function offsetValue(v: number): Buffer {
  const e = new Enc(v >= 4).i16(v).i64(42);
  if (v >= 3) e.i32(7);
  e.str('meta').i64(1_700_000_000_000);
  if (v === 1) e.i64(1_700_000_600_000);
  return e.tags().done();
}

function groupValue(v: number, instanceId: string | null = 'inst-a'): Buffer {
  const e = new Enc(v >= 4).i16(v).str('consumer').i32(5).str('range').str('m-1');
  if (v >= 2) e.i64(1_700_000_000_123);
  e.arr(
    [
      ['m-1', 'client-a'],
      ['m-2', 'client-b'],
    ],
    ([id, client]) => {
      e.str(id);
      if (v >= 3) e.str(instanceId);
      e.str(client).str('/10.0.0.1');
      if (v >= 1) e.i32(60_000);
      e.i32(45_000)
        .bytes(Buffer.from([1, 2]))
        .bytes(Buffer.from([3]));
      e.tags();
    },
  );
  return e.tags().done();
}

describe('__consumer_offsets records', () => {
  for (const keyVersion of [0, 1] as const) {
    for (const valueVersion of [0, 1, 2, 3, 4]) {
      it(`decodes offset commit key v${keyVersion}, value v${valueVersion}`, () => {
        const r = decodeOffsetsRecord(offsetKey(keyVersion), offsetValue(valueVersion));
        assert.equal(r.kind, 'offset');
        if (r.kind !== 'offset') return;
        assert.deepEqual([r.group, r.topic, r.partition], ['orders-group', 'order.processing', 2]);
        assert.deepEqual(r.value, {
          offset: 42,
          leaderEpoch: valueVersion >= 3 ? 7 : null,
          metadata: 'meta',
          commitTimestamp: 1_700_000_000_000,
          expireTimestamp: valueVersion === 1 ? 1_700_000_600_000 : null,
        });
      });
    }
  }

  for (const v of [0, 1, 2, 3, 4]) {
    it(`decodes group metadata value v${v}`, () => {
      const r = decodeOffsetsRecord(groupKey(), groupValue(v));
      assert.equal(r.kind, 'group');
      if (r.kind !== 'group' || !r.value) return assert.fail('expected a value');
      assert.equal(r.value.protocolType, 'consumer');
      assert.equal(r.value.generation, 5);
      assert.equal(r.value.protocol, 'range');
      assert.equal(r.value.leader, 'm-1');
      assert.equal(r.value.currentStateTimestamp, v >= 2 ? 1_700_000_000_123 : null);
      assert.deepEqual(
        r.value.members.map((m) => [
          m.memberId,
          m.groupInstanceId,
          m.clientId,
          m.clientHost,
          m.rebalanceTimeoutMs,
          m.sessionTimeoutMs,
        ]),
        [
          ['m-1', v >= 3 ? 'inst-a' : null, 'client-a', '/10.0.0.1', v >= 1 ? 60_000 : null, 45_000],
          ['m-2', v >= 3 ? 'inst-a' : null, 'client-b', '/10.0.0.1', v >= 1 ? 60_000 : null, 45_000],
        ],
      );
      assert.deepEqual([...r.value.members[0].subscription], [1, 2]);
      assert.deepEqual([...r.value.members[0].assignment], [3]);
    });
  }

  it('reads null protocol, leader and instance id', () => {
    const e = new Enc(true).i16(4).str('consumer').i32(0).str(null).str(null).i64(-1);
    e.arr([], () => undefined).tags();
    const r = decodeOffsetsRecord(groupKey(), e.done());
    assert.ok(r.kind === 'group' && r.value);
    assert.deepEqual(
      [r.value.protocol, r.value.leader, r.value.members, r.value.currentStateTimestamp],
      [null, null, [], null],
    );
    const withNullInstance = decodeOffsetsRecord(groupKey(), groupValue(3, null));
    assert.ok(withNullInstance.kind === 'group' && withNullInstance.value);
    assert.equal(withNullInstance.value.members[0].groupInstanceId, null);
  });

  it('turns tombstones into null values', () => {
    assert.deepEqual(decodeOffsetsRecord(offsetKey(1), null), {
      kind: 'offset',
      group: 'orders-group',
      topic: 'order.processing',
      partition: 2,
      value: null,
    });
    assert.deepEqual(decodeOffsetsRecord(groupKey(), null), { kind: 'group', group: 'orders-group', value: null });
  });

  it('skips newer record types and value versions instead of failing', () => {
    // Type 3 (ConsumerGroupMetadata) at a value version 4.4 does not write, and a type it lacks.
    assert.deepEqual(decodeOffsetsRecord(new Enc().i16(3).str('g').done(), Buffer.from([0, 1])), {
      kind: 'skipped',
      reason: 'ConsumerGroupMetadata value version 1',
    });
    assert.deepEqual(decodeOffsetsRecord(new Enc().i16(99).str('g').done(), null), {
      kind: 'skipped',
      reason: 'record type 99',
    });
    assert.equal(decodeOffsetsRecord(offsetKey(1), new Enc().i16(9).i64(1).done()).kind, 'skipped');
    assert.equal(decodeOffsetsRecord(groupKey(), new Enc().i16(9).done()).kind, 'skipped');
    assert.equal(decodeOffsetsRecord(null, null).kind, 'skipped');
  });

  it('throws a decode error on truncated records', () => {
    const full = groupValue(3);
    assert.throws(() => decodeOffsetsRecord(groupKey(), full.subarray(0, full.length - 3)), DecodeError);
    assert.throws(() => decodeOffsetsRecord(offsetKey(0).subarray(0, 6), null), DecodeError);
    // A count far beyond the bytes left is corruption, not a reason to allocate.
    assert.throws(
      () =>
        decodeOffsetsRecord(
          groupKey(),
          new Enc().i16(0).str('consumer').i32(1).str('r').str('l').i32(1_000_000).done(),
        ),
      DecodeError,
    );
  });
});
