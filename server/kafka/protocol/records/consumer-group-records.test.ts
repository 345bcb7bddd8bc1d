import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeError, KafkaWriter } from '@/server/kafka/protocol/codec';
import { decodeOffsetsRecord } from './offsets-log';
import { key, topicPartitions, value } from './schema-encoder';

// Bytes built with the codec's writer from the 4.4.0 group-coordinator schemas
// (ConsumerGroup*Key.json: int16 type + classic strings; *Value.json: int16 version 0 + flexible).

const TOPIC = '0123456789abcdef0123456789abcdef';

describe('KIP-848 consumer group records', () => {
  it('reads the group epoch (3), skipping its MetadataHash tag', () => {
    const v = value((w) => w.int32(12).uvarint(1).uvarint(0).uvarint(8).int64(99));
    assert.deepEqual(decodeOffsetsRecord(key(3, 'g'), v), {
      kind: 'epoch',
      group: 'g',
      record: { family: 'consumer', group: 'g', type: 'group-epoch', value: { epoch: 12 } },
    });
  });

  it('reads topic ids and names (4), past the deprecated racks', () => {
    const v = value((w) =>
      w
        .array([0], (t) => {
          t.uuid(TOPIC).string('orders').int32(3);
          t.array([0], (p) =>
            p
              .int32(0)
              .array(['r1'], (s, r) => s.string(r))
              .emptyTaggedFields(),
          );
          t.emptyTaggedFields();
        })
        .emptyTaggedFields(),
    );
    const got = decodeOffsetsRecord(key(4, 'g'), v);
    assert.equal(got.kind, 'epoch');
    assert.deepEqual(got.kind === 'epoch' && got.record, {
      family: 'consumer',
      group: 'g',
      type: 'topics',
      value: { topics: [{ topicId: TOPIC, name: 'orders', partitions: 3 }] },
    });
  });

  it('reads a member (5), and marks a classic-protocol member by its tag', () => {
    const body = (classic: boolean) =>
      value((w) => {
        w.nullableString('static-1').nullableString(null).string('c1').string('/10.0.0.1');
        w.array(['orders'], (s, t) => s.string(t))
          .nullableString(null)
          .int32(45000)
          .nullableString('uniform');
        if (!classic) w.emptyTaggedFields();
        else {
          const tag = new KafkaWriter(true)
            .int32(10000)
            .array([], () => undefined)
            .emptyTaggedFields()
            .toBuffer();
          w.uvarint(1).uvarint(0).uvarint(tag.length).raw(tag);
        }
      });
    const read = (classic: boolean) => {
      const got = decodeOffsetsRecord(key(5, 'g', 'm1'), body(classic));
      return got.kind === 'epoch' && got.record.type === 'member' ? got.record : null;
    };
    assert.deepEqual(read(false)?.value, {
      instanceId: 'static-1',
      rackId: null,
      clientId: 'c1',
      clientHost: '/10.0.0.1',
      subscribedTopics: ['orders'],
      subscribedTopicRegex: null,
      rebalanceTimeoutMs: 45000,
      serverAssignor: 'uniform',
      usesClassicProtocol: false,
      processId: null,
    });
    assert.equal(read(false)?.memberId, 'm1');
    assert.equal(read(true)?.value?.usesClassicProtocol, true);
  });

  it('reads the target assignment epoch (6) with its timestamp tag, and a member target (7)', () => {
    const epoch = value((w) => w.int32(5).uvarint(1).uvarint(0).uvarint(8).int64(1_700_000_000_000));
    const got = decodeOffsetsRecord(key(6, 'g'), epoch);
    assert.deepEqual(got.kind === 'epoch' && got.record.type === 'target-epoch' && got.record.value, {
      assignmentEpoch: 5,
      assignedAt: 1_700_000_000_000,
    });
    const target = value((w) => {
      w.array([TOPIC], (x, id) =>
        x
          .uuid(id)
          .array([0, 2], (p, n) => p.int32(n))
          .emptyTaggedFields(),
      );
      w.emptyTaggedFields();
    });
    const t = decodeOffsetsRecord(key(7, 'g', 'm1'), target);
    assert.deepEqual(t.kind === 'epoch' && t.record.type === 'target-member' && t.record.value, {
      assigned: [{ of: TOPIC, partitions: [0, 2] }],
    });
  });

  it('reads a member assignment (8): epochs, owned and pending revocation', () => {
    const v = value((w) => {
      w.int32(6).int32(5).int8(1);
      topicPartitions(w, [[TOPIC, [0]]]);
      topicPartitions(w, [[TOPIC, [1]]]);
      w.emptyTaggedFields();
    });
    const got = decodeOffsetsRecord(key(8, 'g', 'm1'), v);
    assert.deepEqual(got.kind === 'epoch' && got.record, {
      family: 'consumer',
      group: 'g',
      type: 'current-assignment',
      memberId: 'm1',
      value: {
        memberEpoch: 6,
        previousMemberEpoch: 5,
        state: 1,
        assigned: [{ of: TOPIC, partitions: [0] }],
        revoking: [{ of: TOPIC, partitions: [1] }],
      },
    });
  });

  it('turns tombstones into null values: the member or group is gone', () => {
    for (const [type, fields] of [
      [3, ['g']],
      [5, ['g', 'm1']],
      [6, ['g']],
      [7, ['g', 'm1']],
      [8, ['g', 'm1']],
    ] as const) {
      const got = decodeOffsetsRecord(key(type, ...fields), null);
      assert.equal(got.kind === 'epoch' && 'value' in got.record && got.record.value, null, `type ${type}`);
    }
  });

  it('reads the regex record (16) as one the timeline does not use', () => {
    const v = value((w) =>
      w
        .array(['a'], (s, t) => s.string(t))
        .int64(1)
        .int64(2)
        .emptyTaggedFields(),
    );
    const got = decodeOffsetsRecord(key(16, 'g', 'or.*'), v);
    assert.deepEqual(got.kind === 'epoch' && got.record.type, 'other');
  });

  it('fails on a truncated value or bytes left over (the layout is not the one known)', () => {
    const v = value((w) => w.int32(6).int32(5).int8(1));
    assert.throws(() => decodeOffsetsRecord(key(8, 'g', 'm1'), v), DecodeError);
    const extra = value((w) => w.int32(12).emptyTaggedFields().int8(0));
    assert.throws(() => decodeOffsetsRecord(key(3, 'g'), extra), DecodeError);
  });
});
