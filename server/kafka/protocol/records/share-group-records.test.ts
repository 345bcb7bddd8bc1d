import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeOffsetsRecord } from './offsets-log';
import { key, value } from './schema-encoder';

// Bytes built with the codec's writer from the 4.4.0 ShareGroup*Key/Value.json schemas.

const TOPIC = 'fedcba9876543210fedcba9876543210';
const record = (k: Buffer, v: Buffer | null) => {
  const got = decodeOffsetsRecord(k, v);
  assert.equal(got.kind, 'epoch');
  return got.kind === 'epoch' ? got.record : null;
};

describe('KIP-932 share group records', () => {
  it('reads the group epoch (11), its MetadataHash a plain field', () => {
    assert.deepEqual(
      record(
        key(11, 's'),
        value((w) => w.int32(4).int64(123).emptyTaggedFields()),
      ),
      {
        family: 'share',
        group: 's',
        type: 'group-epoch',
        value: { epoch: 4 },
      },
    );
  });

  it('reads a member (10)', () => {
    const v = value((w) =>
      w
        .nullableString('rack-a')
        .string('c1')
        .string('/10.0.0.2')
        .array(['q'], (s, t) => s.string(t))
        .emptyTaggedFields(),
    );
    const r = record(key(10, 's', 'm1'), v);
    assert.equal(r?.type === 'member' && r.value?.rackId, 'rack-a');
    assert.deepEqual(r?.type === 'member' && r.value?.subscribedTopics, ['q']);
  });

  it('reads the target epoch (12), a member target (13) and a member assignment (14)', () => {
    const epoch = record(
      key(12, 's'),
      value((w) => w.int32(4).emptyTaggedFields()),
    );
    assert.deepEqual(epoch?.type === 'target-epoch' && epoch.value, { assignmentEpoch: 4, assignedAt: null });
    const parts = (w: Parameters<Parameters<typeof value>[0]>[0]) =>
      w.array([TOPIC], (x, id) =>
        x
          .uuid(id)
          .array([0, 1], (p, n) => p.int32(n))
          .emptyTaggedFields(),
      );
    const target = record(
      key(13, 's', 'm1'),
      value((w) => parts(w).emptyTaggedFields()),
    );
    assert.deepEqual(target?.type === 'target-member' && target.value, {
      assigned: [{ of: TOPIC, partitions: [0, 1] }],
    });
    const current = record(
      key(14, 's', 'm1'),
      value((w) => parts(w.int32(4).int32(3).int8(0)).emptyTaggedFields()),
    );
    assert.deepEqual(current?.type === 'current-assignment' && current.value, {
      memberEpoch: 4,
      previousMemberEpoch: 3,
      state: 0,
      assigned: [{ of: TOPIC, partitions: [0, 1] }],
      revoking: [],
    });
  });

  it('reads the share-partition state record (15) as not used, and tombstones as null', () => {
    const v = value((w) => {
      const topics = (withParts: boolean) =>
        w.array([TOPIC], (x, id) => {
          x.uuid(id).string('q');
          if (withParts) x.array([0], (p, n) => p.int32(n));
          x.emptyTaggedFields();
        });
      topics(true);
      topics(true);
      topics(false);
      w.emptyTaggedFields();
    });
    assert.equal(record(key(15, 's'), v)?.type, 'other');
    const gone = record(key(14, 's', 'm1'), null);
    assert.equal(gone?.type === 'current-assignment' && gone.value, null);
  });
});
