import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeOffsetsRecord } from './offsets-log';
import { key, value } from './schema-encoder';

// Bytes built with the codec's writer from the 4.4.0 StreamsGroup*Key/Value.json schemas.

const record = (k: Buffer, v: Buffer | null) => {
  const got = decodeOffsetsRecord(k, v);
  assert.equal(got.kind, 'epoch');
  return got.kind === 'epoch' ? got.record : null;
};
const tasks = (w: KafkaWriter, sets: [string, number[]][]) =>
  w.array(sets, (x, [sub, parts]) =>
    x
      .string(sub)
      .array(parts, (p, n) => p.int32(n))
      .emptyTaggedFields(),
  );

describe('KIP-1071 streams group records', () => {
  it('reads the group epoch (17), skipping the topology-epoch tags', () => {
    const v = value((w) => w.int32(9).int64(5).uvarint(1).uvarint(0).uvarint(4).int32(2));
    assert.deepEqual(record(key(17, 'st'), v), {
      family: 'streams',
      group: 'st',
      type: 'group-epoch',
      value: { epoch: 9 },
    });
  });

  it('reads a member (19) with its process id, past the endpoint and client tags', () => {
    const v = value((w) => {
      w.nullableString(null).nullableString(null).string('c1').string('/h').int32(30000).int32(1).string('proc-1');
      w.int8(1).string('localhost').int16(8080).emptyTaggedFields();
      w.array([['k', 'v']], (x, [a, b]) => x.string(a).string(b).emptyTaggedFields());
      w.emptyTaggedFields();
    });
    const r = record(key(19, 'st', 'm1'), v);
    assert.equal(r?.type === 'member' && r.value?.processId, 'proc-1');
    assert.equal(r?.type === 'member' && r.value?.rebalanceTimeoutMs, 30000);
  });

  it('reads active tasks of the target (21) and of the member, with revocations (22)', () => {
    const target = record(
      key(21, 'st', 'm1'),
      value((w) => {
        tasks(w, [['0', [0, 1]]]);
        tasks(w, [['0', [2]]]);
        tasks(w, []);
        w.emptyTaggedFields();
      }),
    );
    assert.deepEqual(target?.type === 'target-member' && target.value, { assigned: [{ of: '0', partitions: [0, 1] }] });
    const current = record(
      key(22, 'st', 'm1'),
      value((w) => {
        w.int32(3).int32(2).int8(1);
        tasks(w, [['0', [0]]]);
        tasks(w, []);
        tasks(w, []);
        tasks(w, [['0', [2]]]);
        tasks(w, []);
        tasks(w, []);
        w.emptyTaggedFields();
      }),
    );
    assert.deepEqual(current?.type === 'current-assignment' && current.value, {
      memberEpoch: 3,
      previousMemberEpoch: 2,
      state: 1,
      assigned: [{ of: '0', partitions: [0] }],
      revoking: [{ of: '0', partitions: [2] }],
    });
  });

  it('reads the target epoch (20), the topology (23) as not used, and skips the removed type 18', () => {
    const epoch = record(
      key(20, 'st'),
      value((w) => w.int32(3).emptyTaggedFields()),
    );
    assert.deepEqual(epoch?.type === 'target-epoch' && epoch.value, { assignmentEpoch: 3, assignedAt: null });
    assert.equal(
      record(
        key(23, 'st'),
        value((w) => w.int32(1)),
      )?.type,
      'other',
    );
    assert.deepEqual(decodeOffsetsRecord(key(18, 'st'), null), { kind: 'skipped', reason: 'record type 18' });
  });
});
