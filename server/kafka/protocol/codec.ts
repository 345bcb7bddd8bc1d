// Kafka's primitive types (apache/kafka clients/src/main/resources/common/message/README.md),
// for both encodings: classic (int16/int32 lengths, -1 for null) and flexible (KIP-482: unsigned
// varint length + 1, 0 for null, and tagged fields after each struct). One reader and one writer
// serve every request, response and stored record the server decodes itself.

export class DecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecodeError';
  }
}

export class KafkaReader {
  private at = 0;

  /** `flexible`: lengths are compact and structs end with tagged fields. */
  constructor(
    private readonly buf: Buffer,
    private flexible = false,
  ) {}

  /** Switches encoding mid-buffer: a stored record's version says which one follows it. */
  asFlexible(flexible: boolean): this {
    this.flexible = flexible;
    return this;
  }

  /** Bytes not read yet. */
  remaining(): number {
    return this.buf.length - this.at;
  }

  private need(n: number, what: string): void {
    if (n < 0 || this.at + n > this.buf.length)
      throw new DecodeError(`${what} runs past the end of the buffer (${this.buf.length} bytes)`);
  }

  int8(): number {
    this.need(1, 'int8');
    return this.buf.readInt8(this.at++);
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

  /** int64 as a JS number: offsets and timestamps stay far below 2^53. */
  int64(): number {
    this.need(8, 'int64');
    const v = this.buf.readBigInt64BE(this.at);
    this.at += 8;
    return Number(v);
  }

  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift <= 28; shift += 7) {
      this.need(1, 'varint');
      const byte = this.buf[this.at++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw new DecodeError('varint longer than 5 bytes');
  }

  /** Signed (zigzag) varint, as record fields use. */
  varint(): number {
    const n = this.uvarint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  uuid(): string {
    this.need(16, 'uuid');
    const hex = this.buf.toString('hex', this.at, this.at + 16);
    this.at += 16;
    return hex;
  }

  private stringLength(): number {
    return this.flexible ? this.uvarint() - 1 : this.int16();
  }

  private blockLength(): number {
    return this.flexible ? this.uvarint() - 1 : this.int32();
  }

  nullableString(): string | null {
    const len = this.stringLength();
    if (len < 0) return null;
    this.need(len, 'string');
    const s = this.buf.toString('utf8', this.at, this.at + len);
    this.at += len;
    return s;
  }

  string(): string {
    const s = this.nullableString();
    if (s === null) throw new DecodeError('null where a string is required');
    return s;
  }

  /** A copy: the buffer it came from may be reused. Null reads as empty. */
  bytes(): Buffer {
    const len = this.blockLength();
    if (len < 0) return Buffer.alloc(0);
    this.need(len, 'bytes');
    const b = Buffer.from(this.buf.subarray(this.at, this.at + len));
    this.at += len;
    return b;
  }

  /** A null array reads as empty. */
  /** Nullable bytes as a view into the answer, not a copy: a Fetch answer's records are
   *  megabytes, read once and dropped with the answer. */
  bytesView(): Buffer | null {
    const len = this.blockLength();
    if (len < 0) return null;
    this.need(len, 'bytes');
    const b = this.buf.subarray(this.at, this.at + len);
    this.at += len;
    return b;
  }

  /** An array that may be null (length -1): null stays null, unlike `array`. */
  nullableArray<T>(each: (r: this) => T): T[] | null {
    const at = this.at;
    if (this.blockLength() < 0) return null;
    this.at = at;
    return this.array(each);
  }

  array<T>(each: (r: this) => T): T[] {
    const len = this.blockLength();
    if (len < 0) return [];
    // Each element takes at least one byte: a huge count in a short buffer is corruption.
    if (len > this.remaining()) throw new DecodeError(`array of ${len} in ${this.remaining()} remaining bytes`);
    const out: T[] = [];
    for (let i = 0; i < len; i++) out.push(each(this));
    return out;
  }

  /** The element count of an array whose elements the caller reads itself (no allocation). */
  arrayLength(): number {
    const len = this.blockLength();
    if (len > this.remaining()) throw new DecodeError(`array of ${len} in ${this.remaining()} remaining bytes`);
    return Math.max(0, len);
  }

  skip(n: number): void {
    this.need(n, 'field');
    this.at += n;
  }

  /** Tagged fields of a flexible struct, each handed to `on` as a reader over its own bytes;
   *  tags `on` does not know are skipped (a newer writer may add them). */
  taggedFields(on: (tag: number, field: KafkaReader) => void): void {
    if (!this.flexible) return;
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      const tag = this.uvarint();
      const size = this.uvarint();
      this.need(size, 'tagged field');
      on(tag, new KafkaReader(this.buf.subarray(this.at, this.at + size), true));
      this.at += size;
    }
  }

  /** Tagged fields end every flexible struct; where none is read, all are skipped. */
  skipTaggedFields(): void {
    if (!this.flexible) return;
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      this.skip(this.uvarint());
    }
  }
}

/** Writes into one growing buffer, so a request of 20,000 partitions is a few allocations. */
export class KafkaWriter {
  private buf: Buffer;
  private at = 0;

  constructor(
    private readonly flexible = false,
    sizeHint = 256,
  ) {
    this.buf = Buffer.allocUnsafe(sizeHint);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  int8(v: number): this {
    this.room(1);
    this.at = this.buf.writeInt8(v, this.at);
    return this;
  }

  int16(v: number): this {
    this.room(2);
    this.at = this.buf.writeInt16BE(v, this.at);
    return this;
  }

  int32(v: number): this {
    this.room(4);
    this.at = this.buf.writeInt32BE(v, this.at);
    return this;
  }

  int64(v: number | bigint): this {
    this.room(8);
    this.at = this.buf.writeBigInt64BE(BigInt(v), this.at);
    return this;
  }

  uvarint(v: number): this {
    this.room(5);
    let n = v >>> 0;
    while (n >= 0x80) {
      this.buf[this.at++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.at++] = n;
    return this;
  }

  varint(v: number): this {
    return this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  uuid(hex: string): this {
    const b = Buffer.from(hex, 'hex');
    if (b.length !== 16) throw new RangeError(`a uuid is 16 bytes, not ${b.length}`);
    return this.raw(b);
  }

  raw(b: Buffer): this {
    this.room(b.length);
    this.at += b.copy(this.buf, this.at);
    return this;
  }

  nullableString(s: string | null): this {
    if (s === null) return this.flexible ? this.uvarint(0) : this.int16(-1);
    const len = Buffer.byteLength(s, 'utf8');
    if (this.flexible) this.uvarint(len + 1);
    else this.int16(len);
    this.room(len);
    this.at += this.buf.write(s, this.at, 'utf8');
    return this;
  }

  string(s: string): this {
    return this.nullableString(s);
  }

  bytes(b: Buffer | null): this {
    if (b === null) return this.flexible ? this.uvarint(0) : this.int32(-1);
    if (this.flexible) this.uvarint(b.length + 1);
    else this.int32(b.length);
    return this.raw(b);
  }

  arrayLength(n: number): this {
    return this.flexible ? this.uvarint(n + 1) : this.int32(n);
  }

  array<T>(items: readonly T[], each: (w: this, item: T) => void): this {
    this.arrayLength(items.length);
    for (const item of items) each(this, item);
    return this;
  }

  /** No tagged fields to send: an empty set in a flexible struct, nothing in a classic one. */
  emptyTaggedFields(): this {
    return this.flexible ? this.uvarint(0) : this;
  }

  toBuffer(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}
