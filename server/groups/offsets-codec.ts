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
  | { kind: 'skipped'; reason: string };

export class OffsetsDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OffsetsDecodeError';
  }
}

const MAX_OFFSET_VALUE_VERSION = 4;
const MAX_GROUP_VALUE_VERSION = 4;
const FLEXIBLE_FROM = 4;

/** Bounds-checked reader for both the classic and the compact (flexible) encodings. */
export class RecordReader {
  private at = 0;

  private flexible = false;

  constructor(private readonly buf: Buffer) {}

  private need(n: number, what: string): void {
    if (n < 0 || this.at + n > this.buf.length) throw new OffsetsDecodeError(`${what} runs past the end of the record (${this.buf.length} bytes)`);
  }

  asFlexible(flexible: boolean): this {
    this.flexible = flexible;
    return this;
  }

  int16(): number {
    this.need(2, 'int16');
    const v = this.buf.readInt16BE(this.at);
    this.at += 2;
    return v;
  }

  int32(): number {
    this.need(4, 'int32');
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }

  int64(): number {
    this.need(8, 'int64');
    const v = this.buf.readBigInt64BE(this.at);
    this.at += 8;
    return Number(v);
  }

  private uvarint(): number {
    let result = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      this.need(1, 'varint');
      const byte = this.buf[this.at++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new OffsetsDecodeError('varint longer than 5 bytes');
  }

  private length(): number {
    // Classic: int16 for strings (-1 null); compact: uvarint length + 1 (0 null).
    return this.flexible ? this.uvarint() - 1 : this.int16();
  }

  nullableString(): string | null {
    const len = this.length();
    if (len < 0) return null;
    this.need(len, 'string');
    const s = this.buf.toString('utf8', this.at, this.at + len);
    this.at += len;
    return s;
  }

  string(): string {
    const s = this.nullableString();
    if (s === null) throw new OffsetsDecodeError('null where a string is required');
    return s;
  }

  bytes(): Buffer {
    const len = this.flexible ? this.uvarint() - 1 : this.int32();
    if (len < 0) return Buffer.alloc(0);
    this.need(len, 'bytes');
    const b = this.buf.subarray(this.at, this.at + len);
    this.at += len;
    return Buffer.from(b);
  }

  array<T>(each: () => T): T[] {
    const len = this.flexible ? this.uvarint() - 1 : this.int32();
    if (len < 0) return [];
    // Each element takes at least one byte: a huge count in a short record is corruption.
    if (len > this.buf.length - this.at) throw new OffsetsDecodeError(`array of ${len} in a ${this.buf.length}-byte record`);
    return Array.from({ length: len }, each);
  }

  skipTaggedFields(): void {
    if (!this.flexible) return;
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      const size = this.uvarint();
      this.need(size, 'tagged field');
      this.at += size;
    }
  }
}

function decodeOffsetCommit(value: Buffer): OffsetCommit | { skipped: string } {
  const r = new RecordReader(value);
  const version = r.int16();
  if (version < 0 || version > MAX_OFFSET_VALUE_VERSION) return { skipped: `offset commit value version ${version}` };
  r.asFlexible(version >= FLEXIBLE_FROM);
  const offset = r.int64();
  const leaderEpoch = version >= 3 ? r.int32() : -1;
  const metadata = r.string();
  const commitTimestamp = r.int64();
  const expireTimestamp = version === 1 ? r.int64() : -1;
  r.skipTaggedFields();
  return { offset, leaderEpoch: leaderEpoch < 0 ? null : leaderEpoch, metadata, commitTimestamp, expireTimestamp: expireTimestamp < 0 ? null : expireTimestamp };
}

function decodeGroupMetadata(value: Buffer): GroupMetadata | { skipped: string } {
  const r = new RecordReader(value);
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
  return { protocolType, generation, protocol, leader, currentStateTimestamp: currentStateTimestamp < 0 ? null : currentStateTimestamp, members };
}

/** Decodes one record. Unknown versions are `skipped`; malformed bytes throw OffsetsDecodeError. */
export function decodeOffsetsRecord(key: Buffer | null, value: Buffer | null): OffsetsRecord {
  if (!key || key.length < 2) return { kind: 'skipped', reason: 'record without a key' };
  const r = new RecordReader(key);
  const keyVersion = r.int16();
  if (keyVersion === 0 || keyVersion === 1) {
    const group = r.string();
    const topic = r.string();
    const partition = r.int32();
    if (value === null) return { kind: 'offset', group, topic, partition, value: null };
    const decoded = decodeOffsetCommit(value);
    return 'skipped' in decoded ? { kind: 'skipped', reason: decoded.skipped } : { kind: 'offset', group, topic, partition, value: decoded };
  }
  if (keyVersion === 2) {
    const group = r.string();
    if (value === null) return { kind: 'group', group, value: null };
    const decoded = decodeGroupMetadata(value);
    return 'skipped' in decoded ? { kind: 'skipped', reason: decoded.skipped } : { kind: 'group', group, value: decoded };
  }
  // 3+: records of the consumer group protocol of KIP-848 and share groups.
  return { kind: 'skipped', reason: `key version ${keyVersion}` };
}
