import { DecodeError, KafkaReader } from '@/server/kafka/protocol/codec';

// Shared shapes of the new protocols' records in __consumer_offsets: KIP-848 consumer groups
// (./consumer-group-records.ts), KIP-932 share groups (./share-group-records.ts) and KIP-1071
// streams groups (./streams-group-records.ts). Each record's key is an int16 record type followed
// by a non-flexible key struct (GroupId, and MemberId for per-member records); its value is an
// int16 version (0 for all of them in Kafka 4.4) followed by a flexible struct. A null value is a
// tombstone: the member, or the group, is gone. The layouts come from the group-coordinator
// jar's own schemas (common/message/<Name>Key.json / <Name>Value.json).

export type GroupFamily = 'consumer' | 'share' | 'streams';

/** Units one member owns, all of one kind: partitions of one topic (by topic id) in consumer
 *  and share groups; tasks of one subtopology in streams groups (task `<of>_<partition>`). */
export interface OwnedSet {
  of: string;
  partitions: number[];
}

export interface StoredEpochMember {
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  subscribedTopics: string[];
  subscribedTopicRegex: string | null;
  rebalanceTimeoutMs: number | null;
  serverAssignor: string | null;
  /** A classic-protocol consumer inside a consumer group (the ClassicMemberMetadata tag). */
  usesClassicProtocol: boolean;
  /** Streams groups: the Kafka Streams process the member (thread) runs in. */
  processId: string | null;
}

export interface CurrentAssignment {
  memberEpoch: number;
  previousMemberEpoch: number;
  /** The coordinator's MemberState byte: 0 stable, 1 unrevoked partitions, 2 unreleased partitions, 3 unknown. */
  state: number;
  /** Owned now (streams: active tasks). */
  assigned: OwnedSet[];
  /** Still owned but to be given up (consumer and streams groups only). */
  revoking: OwnedSet[];
}

export type GroupEpochRecord = { family: GroupFamily; group: string } & (
  | { type: 'group-epoch'; value: { epoch: number } | null }
  | { type: 'topics'; value: { topics: { topicId: string; name: string; partitions: number }[] } | null }
  | { type: 'member'; memberId: string; value: StoredEpochMember | null }
  | { type: 'target-epoch'; value: { assignmentEpoch: number; assignedAt: number | null } | null }
  | { type: 'target-member'; memberId: string; value: { assigned: OwnedSet[] } | null }
  | { type: 'current-assignment'; memberId: string; value: CurrentAssignment | null }
  /** Records the timeline does not use (regex resolutions, topologies, share-partition state). */
  | { type: 'other'; name: string }
);

/** A record this version cannot read: skipped and counted by reason, never fatal. */
export class SkippedRecord {
  constructor(readonly reason: string) {}
}

const MAX_VALUE_VERSION = 0;

/** Reads the value's version and switches to the flexible encoding; a newer version is skipped. */
export function valueReader(name: string, value: Buffer): KafkaReader {
  const r = new KafkaReader(value);
  const version = r.int16();
  if (version < 0 || version > MAX_VALUE_VERSION) throw new SkippedRecord(`${name} value version ${version}`);
  return r.asFlexible(true);
}

export const ints = (r: KafkaReader) => r.array((x) => x.int32());
export const strings = (r: KafkaReader) => r.array((x) => x.string());

/** `[]TopicPartitions { TopicId uuid, Partitions []int32 }`, tags skipped (AssignmentEpochs). */
export function topicPartitions(r: KafkaReader): OwnedSet[] {
  return r.array((x) => {
    const set = { of: x.uuid(), partitions: ints(x) };
    x.skipTaggedFields();
    return set;
  });
}

/** `AssignmentEpoch int32`, tag 0 `AssignmentTimestamp int64` (0 when the writer had none). */
export function targetEpoch(r: KafkaReader): { assignmentEpoch: number; assignedAt: number | null } {
  const assignmentEpoch = r.int32();
  let assignedAt: number | null = null;
  r.taggedFields((tag, f) => {
    if (tag === 0) assignedAt = f.int64() || null;
  });
  return { assignmentEpoch, assignedAt };
}

/** Reads a value with `f`, then its tagged fields (unless `f` reads them itself: `ownTags`).
 *  Null stays null (a tombstone). Bytes left over mean the layout is not the one we know. */
export function readValue<V>(name: string, value: Buffer | null, f: (r: KafkaReader) => V, ownTags = false): V | null {
  if (value === null) return null;
  const r = valueReader(name, value);
  const v = f(r);
  if (!ownTags) r.skipTaggedFields();
  if (r.remaining() !== 0) throw new DecodeError(`${name}: ${r.remaining()} bytes left over`);
  return v;
}

/** The name of a record type in a family's table, for skip reasons and errors. */
export function recordName(types: Record<string, number>, type: number): string | null {
  return Object.keys(types).find((k) => types[k] === type) ?? null;
}
