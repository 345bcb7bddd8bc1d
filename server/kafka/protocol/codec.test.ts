import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeError, KafkaReader, KafkaWriter } from './codec';

describe('Kafka primitive types', () => {
  it('round-trips every type in the classic encoding, with int16 string and int32 array lengths', () => {
    const buf = new KafkaWriter()
      .int8(-3)
      .int16(-2)
      .int32(2 ** 31 - 1)
      .int64(2 ** 40)
      .varint(-65)
      .uuid('00112233445566778899aabbccddeeff')
      .string('ü')
      .nullableString(null)
      .bytes(Buffer.from('ab'))
      .array([1, 2], (w, n) => w.int32(n))
      .emptyTaggedFields()
      .toBuffer();
    assert.equal(buf.readInt16BE(1 + 2 + 4 + 8 + 2 + 16), 2, 'a string is counted in bytes');
    const r = new KafkaReader(buf);
    assert.deepEqual(
      [r.int8(), r.int16(), r.int32(), r.int64(), r.varint(), r.uuid(), r.string(), r.nullableString()],
      [-3, -2, 2 ** 31 - 1, 2 ** 40, -65, '00112233445566778899aabbccddeeff', 'ü', null],
    );
    assert.deepEqual(r.bytes(), Buffer.from('ab'));
    assert.deepEqual(
      r.array(() => r.int32()),
      [1, 2],
    );
    r.skipTaggedFields();
    assert.equal(r.remaining(), 0, 'a classic struct has no tagged fields');
  });

  it('writes compact lengths (n + 1, 0 for null) and tagged fields in the flexible encoding', () => {
    const buf = new KafkaWriter(true)
      .string('abc')
      .nullableString(null)
      .array([7], (w, n) => w.int8(n))
      .emptyTaggedFields()
      .toBuffer();
    assert.deepEqual([...buf], [4, 0x61, 0x62, 0x63, 0, 2, 7, 0]);
    const r = new KafkaReader(buf, true);
    assert.equal(r.string(), 'abc');
    assert.equal(r.nullableString(), null);
    assert.deepEqual(
      r.array(() => r.int8()),
      [7],
    );
    r.skipTaggedFields();
    assert.equal(r.remaining(), 0);
  });

  it('skips tagged fields it does not know, whatever their size', () => {
    const w = new KafkaWriter(true).uvarint(2).uvarint(0).uvarint(3).raw(Buffer.from('xyz'));
    w.uvarint(9).uvarint(0).int32(42);
    const r = new KafkaReader(w.toBuffer(), true);
    r.skipTaggedFields();
    assert.equal(r.int32(), 42);
  });

  it('round-trips varints across byte boundaries, signed ones zigzagged', () => {
    for (const n of [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 31 - 1])
      assert.equal(new KafkaReader(new KafkaWriter().uvarint(n).toBuffer()).uvarint(), n);
    for (const n of [0, -1, 1, -64, 64, -(2 ** 30)])
      assert.equal(new KafkaReader(new KafkaWriter().varint(n).toBuffer()).varint(), n);
    assert.deepEqual([...new KafkaWriter().varint(-1).toBuffer()], [1], 'zigzag: -1 is 1');
  });

  it('grows its buffer past the size hint', () => {
    const w = new KafkaWriter(false, 1);
    for (let i = 0; i < 1000; i++) w.int64(i);
    const r = new KafkaReader(w.toBuffer());
    assert.equal(r.remaining(), 8000);
    r.skip(8 * 999);
    assert.equal(r.int64(), 999);
  });

  it('throws DecodeError on anything that runs past the end, never reads beyond it', () => {
    assert.throws(() => new KafkaReader(Buffer.alloc(3)).int32(), DecodeError);
    assert.throws(() => new KafkaReader(new KafkaWriter().int16(5).toBuffer()).string(), DecodeError);
    assert.throws(() => new KafkaReader(Buffer.from([0x80, 0x80])).uvarint(), DecodeError);
    assert.throws(() => new KafkaReader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).uvarint(), DecodeError);
    assert.throws(() => new KafkaReader(new KafkaWriter().int32(1_000_000).toBuffer()).array(() => 0), DecodeError);
    assert.throws(() => new KafkaReader(new KafkaWriter().nullableString(null).toBuffer()).string(), DecodeError);
  });
});
