import type { KafkaReader } from '@/server/kafka/protocol/codec';
import {
  readValue,
  recordName,
  strings,
  targetEpoch,
  topicPartitions,
  type GroupEpochRecord,
  type StoredEpochMember,
} from './group-records';

// The KIP-848 consumer group records of __consumer_offsets (record types 3-8 and 16), as the
// 4.4.0 group coordinator writes them. Each step of a rebalance is one of these: the group epoch
// bump (3), the new target assignment (7 per member, then 6 with its epoch), and each member's
// reconciliation (8: its epoch, what it owns, what it still has to revoke).

export const CONSUMER_RECORD_TYPES = {
  ConsumerGroupMetadata: 3,
  ConsumerGroupPartitionMetadata: 4,
  ConsumerGroupMemberMetadata: 5,
  ConsumerGroupTargetAssignmentMetadata: 6,
  ConsumerGroupTargetAssignmentMember: 7,
  ConsumerGroupCurrentMemberAssignment: 8,
  ConsumerGroupRegularExpression: 16,
} as const;

function member(r: KafkaReader): StoredEpochMember {
  const m = {
    instanceId: r.nullableString(),
    rackId: r.nullableString(),
    clientId: r.string(),
    clientHost: r.string(),
    subscribedTopics: strings(r),
    subscribedTopicRegex: r.nullableString(),
    rebalanceTimeoutMs: r.int32() as number | null,
    serverAssignor: r.nullableString(),
    usesClassicProtocol: false,
    processId: null,
  };
  if ((m.rebalanceTimeoutMs ?? -1) < 0) m.rebalanceTimeoutMs = null;
  // Tag 0, ClassicMemberMetadata: present only for a classic-protocol member of a mixed group.
  r.taggedFields((tag) => {
    if (tag === 0) m.usesClassicProtocol = true;
  });
  return m;
}

function topics(r: KafkaReader) {
  return r.array((t) => {
    const topic = { topicId: t.uuid(), name: t.string(), partitions: t.int32() };
    // Racks per partition, unused since 4.0: read past them.
    t.array((p) => {
      p.int32();
      strings(p);
      p.skipTaggedFields();
    });
    t.skipTaggedFields();
    return topic;
  });
}

/** One consumer-group record, or null when `type` is not one of this family's. */
export function decodeConsumerGroupRecord(
  type: number,
  key: KafkaReader,
  value: Buffer | null,
): GroupEpochRecord | null {
  const T = CONSUMER_RECORD_TYPES;
  const name = recordName(T, type);
  if (name === null) return null;
  const base = { family: 'consumer' as const, group: key.string() };
  switch (type) {
    case T.ConsumerGroupMetadata:
      return { ...base, type: 'group-epoch', value: readValue(name, value, (r) => ({ epoch: r.int32() })) };
    case T.ConsumerGroupPartitionMetadata:
      return { ...base, type: 'topics', value: readValue(name, value, (r) => ({ topics: topics(r) })) };
    case T.ConsumerGroupMemberMetadata:
      return { ...base, type: 'member', memberId: key.string(), value: readValue(name, value, member, true) };
    case T.ConsumerGroupTargetAssignmentMetadata:
      return { ...base, type: 'target-epoch', value: readValue(name, value, targetEpoch, true) };
    case T.ConsumerGroupTargetAssignmentMember:
      return {
        ...base,
        type: 'target-member',
        memberId: key.string(),
        value: readValue(name, value, (r) => ({ assigned: topicPartitions(r) })),
      };
    case T.ConsumerGroupCurrentMemberAssignment:
      return {
        ...base,
        type: 'current-assignment',
        memberId: key.string(),
        value: readValue(name, value, (r) => ({
          memberEpoch: r.int32(),
          previousMemberEpoch: r.int32(),
          state: r.int8(),
          assigned: topicPartitions(r),
          revoking: topicPartitions(r),
        })),
      };
    default:
      // The topics a subscribed regular expression resolved to: not part of the timeline.
      key.string();
      readValue(name, value, (r) => [strings(r), r.int64(), r.int64()]);
      return { ...base, type: 'other', name };
  }
}
