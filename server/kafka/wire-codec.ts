// Just enough of Kafka's flexible-version encoding (KIP-482) to speak the one request kafkajs
// lacks: DescribeQuorum. Unsigned varints, compact strings and arrays, empty tagged fields.

export class WireWriter {
  private parts: Buffer[] = [];

  int16(v: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(v);
    this.parts.push(b);
    return this;
  }

  int32(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(b);
    return this;
  }

  int64(v: number): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(v));
    this.parts.push(b);
    return this;
  }

  uvarint(v: number): this {
    const bytes: number[] = [];
    let n = v >>> 0;
    while (n >= 0x80) {
      bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    bytes.push(n);
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  compactString(s: string): this {
    const b = Buffer.from(s, 'utf8');
    this.uvarint(b.length + 1);
    this.parts.push(b);
    return this;
  }

  compactArray<T>(items: T[], each: (w: this, item: T) => void): this {
    this.uvarint(items.length + 1);
    for (const item of items) each(this, item);
    return this;
  }

  emptyTaggedFields(): this {
    return this.uvarint(0);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export class WireReader {
  private offset = 0;

  constructor(private readonly buf: Buffer) {}

  int16(): number {
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32(): number {
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /** int64 as a JS number: offsets stay far below 2^53 in practice. */
  int64(): number {
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return Number(v);
  }

  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.offset >= this.buf.length) throw new RangeError('varint runs past the end of the response');
      const byte = this.buf[this.offset++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 28) throw new RangeError('varint too long');
    }
  }

  compactString(): string | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    const s = this.buf.toString('utf8', this.offset, this.offset + len);
    this.offset += len;
    return s;
  }

  compactArray<T>(each: (r: this) => T): T[] {
    const len = this.uvarint() - 1;
    const out: T[] = [];
    for (let i = 0; i < len; i++) out.push(each(this));
    return out;
  }

  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      const size = this.uvarint();
      this.offset += size;
    }
  }
}
