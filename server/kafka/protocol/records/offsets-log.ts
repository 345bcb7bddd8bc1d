import { KafkaReader } from '@/server/kafka/protocol/codec';
import { decodeConsumerGroupRecord } from './consumer-group-records';
import { SkippedRecord, type GroupEpochRecord } from './group-records';
import { decodeShareGroupRecord } from './share-group-records';
import { decodeStreamsGroupRecord } from './streams-group-records';

// Decoders for the records of `__consumer_offsets` (classic group protocol), from Kafka's
// schemas in group-coordinator/src/main/resources/common/message/: OffsetCommitKey/Value,
// GroupMetadataKey/Value. Keys: int16 version, then the body (0-1 offset commit, 2 group
// metadata, 3+ newer record types). Values: int16 version; version 4 of both is flexible
// (compact strings, arrays and bytes, tagged fields). A null value is a tombstone.

export interface OffsetCommit {
  offset: number;
  leaderEpoch: number | null;
  metadata: string;
  commitTimestamp: number;
  expireTimestamp: number | null;
}

export interface StoredMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  rebalanceTimeoutMs: number | null;
  sessionTimeoutMs: number;
  subscription: Buffer;
  assignment: Buffer;
}

export interface GroupMetadata {
  protocolType: string;
  generation: number;
  protocol: string | null;
  leader: string | null;
  currentStateTimestamp: number | null;
  members: StoredMember[];
}

export type OffsetsRecord =
  | { kind: 'offset'; group: string; topic: string; partition: number; value: OffsetCommit | null }
  | { kind: 'group'; group: string; value: GroupMetadata | null }
  /** The new protocols' records (key version 3+): ./group-records.ts. */
  | { kind: 'epoch'; group: string; record: GroupEpochRecord }
  | { kind: 'skipped'; reason: string };

const MAX_OFFSET_VALUE_VERSION = 4;
const MAX_GROUP_VALUE_VERSION = 4;
const FLEXIBLE_FROM = 4;

function decodeOffsetCommit(value: Buffer): OffsetCommit | { skipped: string } {
  const r = new KafkaReader(value);
  const version = r.int16();
  if (version < 0 || version > MAX_OFFSET_VALUE_VERSION) return { skipped: `offset commit value version ${version}` };
  r.asFlexible(version >= FLEXIBLE_FROM);
  const offset = r.int64();
  const leaderEpoch = version >= 3 ? r.int32() : -1;
  const metadata = r.string();
  const commitTimestamp = r.int64();
  const expireTimestamp = version === 1 ? r.int64() : -1;
  r.skipTaggedFields();
  return {
    offset,
    leaderEpoch: leaderEpoch < 0 ? null : leaderEpoch,
    metadata,
    commitTimestamp,
    expireTimestamp: expireTimestamp < 0 ? null : expireTimestamp,
  };
}

function decodeGroupMetadata(value: Buffer): GroupMetadata | { skipped: string } {
  const r = new KafkaReader(value);
  const version = r.int16();
  if (version < 0 || version > MAX_GROUP_VALUE_VERSION) return { skipped: `group metadata value version ${version}` };
  r.asFlexible(version >= FLEXIBLE_FROM);
  const protocolType = r.string();
  const generation = r.int32();
  const protocol = r.nullableString();
  const leader = r.nullableString();
  const currentStateTimestamp = version >= 2 ? r.int64() : -1;
  const members = r.array(() => {
    const member: StoredMember = {
      memberId: r.string(),
      groupInstanceId: version >= 3 ? r.nullableString() : null,
      clientId: r.string(),
      clientHost: r.string(),
      rebalanceTimeoutMs: version >= 1 ? r.int32() : null,
      sessionTimeoutMs: r.int32(),
      subscription: r.bytes(),
      assignment: r.bytes(),
    };
    r.skipTaggedFields();
    return member;
  });
  r.skipTaggedFields();
  return {
    protocolType,
    generation,
    protocol,
    leader,
    currentStateTimestamp: currentStateTimestamp < 0 ? null : currentStateTimestamp,
    members,
  };
}

/** Decodes one record. Unknown versions are `skipped`; malformed bytes throw DecodeError. */
export function decodeOffsetsRecord(key: Buffer | null, value: Buffer | null): OffsetsRecord {
  if (!key || key.length < 2) return { kind: 'skipped', reason: 'record without a key' };
  const r = new KafkaReader(key);
  const keyVersion = r.int16();
  if (keyVersion === 0 || keyVersion === 1) {
    const group = r.string();
    const topic = r.string();
    const partition = r.int32();
    if (value === null) return { kind: 'offset', group, topic, partition, value: null };
    const decoded = decodeOffsetCommit(value);
    return 'skipped' in decoded
      ? { kind: 'skipped', reason: decoded.skipped }
      : { kind: 'offset', group, topic, partition, value: decoded };
  }
  if (keyVersion === 2) {
    const group = r.string();
    if (value === null) return { kind: 'group', group, value: null };
    const decoded = decodeGroupMetadata(value);
    return 'skipped' in decoded
      ? { kind: 'skipped', reason: decoded.skipped }
      : { kind: 'group', group, value: decoded };
  }
  // 3+: the key's version is the record type of the consumer (KIP-848), share (KIP-932) and
  // streams (KIP-1071) group records. A type a newer broker added is skipped, never fatal.
  try {
    const record =
      decodeConsumerGroupRecord(keyVersion, r, value) ??
      decodeShareGroupRecord(keyVersion, r, value) ??
      decodeStreamsGroupRecord(keyVersion, r, value);
    if (record === null) return { kind: 'skipped', reason: `record type ${keyVersion}` };
    return { kind: 'epoch', group: record.group, record };
  } catch (e) {
    if (e instanceof SkippedRecord) return { kind: 'skipped', reason: e.reason };
    throw e;
  }
}
