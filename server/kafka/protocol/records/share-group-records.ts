import type { KafkaReader } from '@/server/kafka/protocol/codec';
import {
  readValue,
  recordName,
  strings,
  targetEpoch,
  topicPartitions,
  type GroupEpochRecord,
  type OwnedSet,
} from './group-records';

// The KIP-932 share group records of __consumer_offsets (record types 10-15). Like a consumer
// group, a share group has a group epoch, a target assignment and per member an epoch and what it
// owns; unlike one, nothing is revoked first (several members may read one partition).

export const SHARE_RECORD_TYPES = {
  ShareGroupMemberMetadata: 10,
  ShareGroupMetadata: 11,
  ShareGroupTargetAssignmentMetadata: 12,
  ShareGroupTargetAssignmentMember: 13,
  ShareGroupCurrentMemberAssignment: 14,
  ShareGroupStatePartitionMetadata: 15,
} as const;

function stateTopics(r: KafkaReader, withPartitions: boolean): void {
  r.array((t) => {
    t.uuid();
    t.string();
    if (withPartitions) t.array((p) => p.int32());
    t.skipTaggedFields();
  });
}

/** One share-group record, or null when `type` is not one of this family's. */
export function decodeShareGroupRecord(type: number, key: KafkaReader, value: Buffer | null): GroupEpochRecord | null {
  const T = SHARE_RECORD_TYPES;
  const name = recordName(T, type);
  if (name === null) return null;
  const base = { family: 'share' as const, group: key.string() };
  switch (type) {
    case T.ShareGroupMemberMetadata:
      return {
        ...base,
        type: 'member',
        memberId: key.string(),
        value: readValue(name, value, (r) => ({
          instanceId: null,
          rackId: r.nullableString(),
          clientId: r.string(),
          clientHost: r.string(),
          subscribedTopics: strings(r),
          subscribedTopicRegex: null,
          rebalanceTimeoutMs: null,
          serverAssignor: null,
          usesClassicProtocol: false,
          processId: null,
        })),
      };
    case T.ShareGroupMetadata:
      // MetadataHash is a plain int64 here, not a tag as in the consumer group's record.
      return {
        ...base,
        type: 'group-epoch',
        value: readValue(name, value, (r) => {
          const epoch = r.int32();
          r.int64();
          return { epoch };
        }),
      };
    case T.ShareGroupTargetAssignmentMetadata:
      return { ...base, type: 'target-epoch', value: readValue(name, value, targetEpoch, true) };
    case T.ShareGroupTargetAssignmentMember:
      return {
        ...base,
        type: 'target-member',
        memberId: key.string(),
        value: readValue(name, value, (r) => ({ assigned: topicPartitions(r) })),
      };
    case T.ShareGroupCurrentMemberAssignment:
      return {
        ...base,
        type: 'current-assignment',
        memberId: key.string(),
        value: readValue(name, value, (r) => ({
          memberEpoch: r.int32(),
          previousMemberEpoch: r.int32(),
          state: r.int8(),
          assigned: topicPartitions(r),
          revoking: [] as OwnedSet[],
        })),
      };
    default:
      // Which share partitions have their state initialized: kept by the share coordinator, not shown here.
      readValue(name, value, (r) => {
        stateTopics(r, true);
        stateTopics(r, true);
        stateTopics(r, false);
      });
      return { ...base, type: 'other', name };
  }
}
