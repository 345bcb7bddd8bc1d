import { KafkaWriter } from '@/server/kafka/protocol/codec';

// For the records' tests: an encoder written from Kafka's JSON schemas (OffsetCommitKey/Value,
// GroupMetadataKey/Value, ConsumerProtocolSubscription/Assignment), independent of the
// decoder under test. The new protocols' records are built with the codec's writer (below).

export class Enc {
  parts: Buffer[] = [];
  constructor(private flexible = false) {}
  i16(v: number) {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    this.parts.push(b);
    return this;
  }
  i32(v: number) {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(b);
    return this;
  }
  i64(v: number) {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(v));
    this.parts.push(b);
    return this;
  }
  uv(v: number) {
    const out: number[] = [];
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
    this.parts.push(Buffer.from(out));
    return this;
  }
  str(s: string | null) {
    if (s === null) return this.flexible ? this.uv(0) : this.i16(-1);
    const b = Buffer.from(s);
    if (this.flexible) this.uv(b.length + 1);
    else this.i16(b.length);
    this.parts.push(b);
    return this;
  }
  bytes(b: Buffer) {
    if (this.flexible) this.uv(b.length + 1);
    else this.i32(b.length);
    this.parts.push(b);
    return this;
  }
  arr<T>(items: T[], each: (x: T) => void) {
    if (this.flexible) this.uv(items.length + 1);
    else this.i32(items.length);
    items.forEach(each);
    return this;
  }
  tags() {
    if (this.flexible) this.uv(0);
    return this;
  }
  done() {
    return Buffer.concat(this.parts);
  }
}

// The consumer, share and streams group records: key = int16 record type + classic strings;
// value = int16 version 0 + a flexible struct.
export function key(type: number, ...fields: string[]): Buffer {
  const w = new KafkaWriter(false).int16(type);
  for (const f of fields) w.string(f);
  return w.toBuffer();
}

export function value(body: (w: KafkaWriter) => void): Buffer {
  const w = new KafkaWriter(true).int16(0);
  body(w);
  return w.toBuffer();
}

/** `[]TopicPartitions` with an AssignmentEpochs tag (0) the decoder must skip. */
export function topicPartitions(w: KafkaWriter, sets: [string, number[]][]): void {
  w.array(sets, (x, [id, parts]) => {
    x.uuid(id).array(parts, (p, n) => p.int32(n));
    const tag = new KafkaWriter(true).array(parts, (p) => p.int32(7)).toBuffer();
    x.uvarint(1).uvarint(0).uvarint(tag.length).raw(tag);
  });
}
