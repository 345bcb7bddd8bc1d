// For the records' tests: an encoder written from Kafka's JSON schemas (OffsetCommitKey/Value,
// GroupMetadataKey/Value, ConsumerProtocolSubscription/Assignment), independent of the
// decoder under test.

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
