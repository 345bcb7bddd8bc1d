import type { KafkaReader } from '@/server/kafka/protocol/codec';
import { readValue, recordName, targetEpoch, type GroupEpochRecord, type OwnedSet } from './group-records';

// The KIP-1071 streams group records of __consumer_offsets (record types 17-23). What members
// own are tasks (`<subtopology>_<partition>`), not partitions; the timeline follows active tasks,
// the ones that consume. Type 18 (StreamsGroupPartitionMetadata) is gone from 4.4: a log written by
// an early-access broker still has it, and it is skipped as unknown.

export const STREAMS_RECORD_TYPES = {
  StreamsGroupMetadata: 17,
  StreamsGroupMemberMetadata: 19,
  StreamsGroupTargetAssignmentMetadata: 20,
  StreamsGroupTargetAssignmentMember: 21,
  StreamsGroupCurrentMemberAssignment: 22,
  StreamsGroupTopology: 23,
} as const;

/** `[]TaskIds { SubtopologyId string, Partitions []int32 }`, tags skipped (AssignmentEpochs). */
function tasks(r: KafkaReader): OwnedSet[] {
  return r.array((t) => {
    const set = { of: t.string(), partitions: t.array((p) => p.int32()) };
    t.skipTaggedFields();
    return set;
  });
}

function member(r: KafkaReader) {
  const m = {
    instanceId: r.nullableString(),
    rackId: r.nullableString(),
    clientId: r.string(),
    clientHost: r.string(),
    rebalanceTimeoutMs: r.int32() as number | null,
  };
  r.int32(); // topology epoch
  const processId = r.string();
  // UserEndpoint, a nullable struct: int8 -1 when absent, 1 then the struct.
  if (r.int8() >= 0) {
    r.string();
    r.int16();
    r.skipTaggedFields();
  }
  r.array((kv) => {
    kv.string();
    kv.string();
    kv.skipTaggedFields();
  });
  return {
    ...m,
    rebalanceTimeoutMs: (m.rebalanceTimeoutMs ?? -1) < 0 ? null : m.rebalanceTimeoutMs,
    subscribedTopics: [],
    subscribedTopicRegex: null,
    serverAssignor: null,
    usesClassicProtocol: false,
    processId,
  };
}

/** One streams-group record, or null when `type` is not one of this family's. */
export function decodeStreamsGroupRecord(
  type: number,
  key: KafkaReader,
  value: Buffer | null,
): GroupEpochRecord | null {
  const T = STREAMS_RECORD_TYPES;
  const name = recordName(T, type);
  if (name === null) return null;
  const base = { family: 'streams' as const, group: key.string() };
  switch (type) {
    case T.StreamsGroupMetadata:
      return {
        ...base,
        type: 'group-epoch',
        value: readValue(name, value, (r) => {
          const epoch = r.int32();
          r.int64(); // metadata hash; the topology epochs are tags
          return { epoch };
        }),
      };
    case T.StreamsGroupMemberMetadata:
      return { ...base, type: 'member', memberId: key.string(), value: readValue(name, value, member) };
    case T.StreamsGroupTargetAssignmentMetadata:
      return { ...base, type: 'target-epoch', value: readValue(name, value, targetEpoch, true) };
    case T.StreamsGroupTargetAssignmentMember:
      return {
        ...base,
        type: 'target-member',
        memberId: key.string(),
        value: readValue(name, value, (r) => {
          const active = tasks(r);
          tasks(r); // standby
          tasks(r); // warm-up
          return { assigned: active };
        }),
      };
    case T.StreamsGroupCurrentMemberAssignment:
      return {
        ...base,
        type: 'current-assignment',
        memberId: key.string(),
        value: readValue(name, value, (r) => {
          const head = { memberEpoch: r.int32(), previousMemberEpoch: r.int32(), state: r.int8() };
          const assigned = tasks(r);
          tasks(r); // standby
          tasks(r); // warm-up
          const revoking = tasks(r);
          tasks(r); // standby pending revocation
          tasks(r); // warm-up pending revocation
          return { ...head, assigned, revoking };
        }),
      };
    default:
      // The topology: its layout is long and the timeline does not need it; its value is not read.
      return { ...base, type: 'other', name };
  }
}
