import { gunzipSync } from 'node:zlib';
import { DecodeError } from '@/server/kafka/protocol/codec';

// Record batches (message format v2, the only one Kafka 4 writes) from a Fetch answer, read in
// one pass over the bytes: keys, values and header values are views into the answer, offsets
// and timestamps plain numbers, one reused object for every record. kafkajs's decoder builds each offset and timestamp through a
// Long and a string and a header object by spreading, which made most of a search's time and
// garbage. Only uncompressed and gzip batches are read (kafkajs reads no other codec without
// plugins either).

export interface BatchRecord {
  readonly offset: number;
  readonly timestamp: number;
  readonly timestampType: 'CreateTime' | 'LogAppendTime';
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: [string, Buffer | null][];
  /** A transaction marker, written by the broker. */
  readonly control: boolean;
  /** The batch's producer (-1: none) and whether it is part of a transaction. */
  readonly producerId: number;
  readonly inTransaction: boolean;
}

/** baseOffset, batchLength: what must be there to know a batch's size. */
const LOG_OVERHEAD = 12;
/** From baseOffset to the first record. */
const BATCH_HEADER = 61;
const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** Reads varints off one buffer; `at` is the position. */
class Cursor {
  at: number;
  constructor(
    readonly buf: Buffer,
    at = 0,
  ) {
    this.at = at;
  }

  /** Zigzag varint (up to 10 bytes; numbers stay exact below 2^53). */
  varint(): number {
    const buf = this.buf;
    let byte = buf[this.at++];
    if (byte < 0x80) return byte & 1 ? -((byte + 1) / 2) : byte / 2;
    let n = byte & 0x7f;
    let scale = 0x80;
    for (let i = 1; i < 10; i++) {
      if (this.at >= buf.length) throw new DecodeError('record runs past the end of its batch');
      byte = buf[this.at++];
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
      scale *= 0x80;
    }
    throw new DecodeError('varint longer than 10 bytes');
  }

  bytes(): Buffer | null {
    const len = this.varint();
    if (len < 0) return null;
    const end = this.at + len;
    if (end > this.buf.length) throw new DecodeError('record runs past the end of its batch');
    const b = this.buf.subarray(this.at, end);
    this.at = end;
    return b;
  }
}

/** The offset after the last complete batch in `records` (past records compaction removed),
 *  or null when not one batch is complete (Kafka cut the answer at maxBytes). Reads batch
 *  headers only. */
export function batchesEnd(records: Buffer): number | null {
  let next: number | null = null;
  for (let at = 0; records.length - at >= LOG_OVERHEAD;) {
    const end = at + LOG_OVERHEAD + records.readInt32BE(at + 8);
    if (end > records.length) break;
    next = Number(records.readBigInt64BE(at)) + records.readInt32BE(at + 23) + 1;
    at = end;
  }
  return next;
}

/** One record of a batch, read where it lies. Offsets and timestamps are read at once; the key,
 *  value and headers only when asked, so a filter on the value never builds the key. */
class RecordView implements BatchRecord {
  offset = 0;
  timestamp = 0;
  timestampType: BatchRecord['timestampType'] = 'CreateTime';
  control = false;
  producerId = -1;
  inTransaction = false;
  private buf: Buffer = Buffer.alloc(0);
  private keyAt = 0;
  private keyLength = -1;
  private valueAt = 0;
  private valueLength = -1;
  private headersAt = 0;

  /** Reads the record at `c.at` and leaves `c` at the next one. */
  read(c: Cursor, batch: BatchInfo): void {
    const length = c.varint();
    const end = c.at + length;
    if (length < 0 || end > c.buf.length) throw new DecodeError('record runs past the end of its batch');
    c.at++; // record attributes, unused
    const timestampDelta = c.varint();
    this.offset = batch.baseOffset + c.varint();
    this.timestamp = batch.logAppend ? batch.maxTimestamp : batch.baseTimestamp + timestampDelta;
    this.timestampType = batch.logAppend ? 'LogAppendTime' : 'CreateTime';
    this.control = batch.control;
    this.producerId = batch.producerId;
    this.inTransaction = batch.inTransaction;
    this.buf = c.buf;
    this.keyLength = c.varint();
    this.keyAt = c.at;
    c.at += Math.max(0, this.keyLength);
    this.valueLength = c.varint();
    this.valueAt = c.at;
    c.at += Math.max(0, this.valueLength);
    this.headersAt = c.at;
    if (c.at > end) throw new DecodeError('record runs past the end of its batch');
    c.at = end;
  }

  get key(): Buffer | null {
    return this.keyLength < 0 ? null : this.buf.subarray(this.keyAt, this.keyAt + this.keyLength);
  }

  get value(): Buffer | null {
    return this.valueLength < 0 ? null : this.buf.subarray(this.valueAt, this.valueAt + this.valueLength);
  }

  get headers(): [string, Buffer | null][] {
    const c = new Cursor(this.buf, this.headersAt);
    const out: [string, Buffer | null][] = [];
    for (let n = c.varint(); n > 0; n--) {
      const name = c.bytes();
      out.push([name === null ? '' : name.toString('utf8'), c.bytes()]);
    }
    return out;
  }
}

interface BatchInfo {
  baseOffset: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  logAppend: boolean;
  inTransaction: boolean;
  control: boolean;
}

/** Every record of the complete batches in `records`, in offset order. The same object comes
 *  back for every record, changed: use each before asking for the next, and copy what is kept
 *  (a search decodes a match to text at once). One object for a million records is what keeps
 *  a scan's garbage, and so its memory, flat. */
export function* readRecords(records: Buffer): Generator<BatchRecord, void, undefined> {
  const view = new RecordView();
  let at = 0;
  while (records.length - at >= LOG_OVERHEAD) {
    const end = at + LOG_OVERHEAD + records.readInt32BE(at + 8);
    if (end > records.length) break;
    const magic = records.readInt8(at + 16);
    if (magic !== 2) throw new DecodeError(`record batch of message format v${magic}: only v2 is read`);
    const attributes = records.readInt16BE(at + 21);
    const batch: BatchInfo = {
      baseOffset: Number(records.readBigInt64BE(at)),
      baseTimestamp: Number(records.readBigInt64BE(at + 27)),
      maxTimestamp: Number(records.readBigInt64BE(at + 35)),
      producerId: Number(records.readBigInt64BE(at + 43)),
      logAppend: (attributes & 0x08) !== 0,
      inTransaction: (attributes & 0x10) !== 0,
      control: (attributes & 0x20) !== 0,
    };
    const count = records.readInt32BE(at + 57);
    const codec = attributes & 0x07;
    let body: Cursor;
    if (codec === 0) body = new Cursor(records.subarray(0, end), at + BATCH_HEADER);
    else if (codec === 1) body = new Cursor(gunzipSync(records.subarray(at + BATCH_HEADER, end)));
    else throw new DecodeError(`${CODECS[codec] ?? `codec ${codec}`}-compressed record batches are not read here`);
    for (let i = 0; i < count; i++) {
      view.read(body, batch);
      yield view;
    }
    at = end;
  }
}

/** What a control record marks, from its key (int16 version, int16 type: 0 abort, 1 commit);
 *  null for a type this does not know (Kafka 4 adds leader-change and snapshot records). */
export function controlType(key: Buffer | null): 'commit' | 'abort' | null {
  if (key === null || key.length < 4) return null;
  const type = key.readInt16BE(2);
  return type === 1 ? 'commit' : type === 0 ? 'abort' : null;
}
