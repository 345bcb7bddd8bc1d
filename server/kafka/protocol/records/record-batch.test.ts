import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { batchesEnd, controlType, readRecords, type BatchRecord } from './record-batch';

// Record batches built byte by byte as a broker stores them (message format v2).

const zigzag = (n: number): number[] => {
  let u = n >= 0 ? n * 2 : -n * 2 - 1;
  const out: number[] = [];
  while (u >= 0x80) {
    out.push((u % 0x80) | 0x80);
    u = Math.floor(u / 0x80);
  }
  out.push(u);
  return out;
};
const varBytes = (b: Buffer | null): Buffer =>
  b === null ? Buffer.from(zigzag(-1)) : Buffer.concat([Buffer.from(zigzag(b.length)), b]);

interface Rec {
  offsetDelta: number;
  timestampDelta: number;
  key: string | null;
  value: string | null;
  headers?: [string, string | null][];
}

function record(r: Rec): Buffer {
  const body = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(zigzag(r.timestampDelta)),
    Buffer.from(zigzag(r.offsetDelta)),
    varBytes(r.key === null ? null : Buffer.from(r.key)),
    varBytes(r.value === null ? null : Buffer.from(r.value)),
    Buffer.from(zigzag(r.headers?.length ?? 0)),
    ...(r.headers ?? []).flatMap(([k, v]) => [varBytes(Buffer.from(k)), varBytes(v === null ? null : Buffer.from(v))]),
  ]);
  return Buffer.concat([Buffer.from(zigzag(body.length)), body]);
}

function batch(o: {
  baseOffset: number;
  baseTimestamp: number;
  records: Rec[];
  lastOffsetDelta?: number;
  attributes?: number;
  producerId?: number;
  gzip?: boolean;
}): Buffer {
  const raw = Buffer.concat(o.records.map(record));
  const records = o.gzip ? gzipSync(raw) : raw;
  const head = Buffer.alloc(61);
  head.writeBigInt64BE(BigInt(o.baseOffset), 0);
  head.writeInt32BE(61 - 12 + records.length, 8);
  head.writeInt32BE(0, 12); // leader epoch
  head.writeInt8(2, 16);
  head.writeUInt32BE(0, 17); // crc, not checked
  head.writeInt16BE((o.attributes ?? 0) | (o.gzip ? 1 : 0), 21);
  head.writeInt32BE(o.lastOffsetDelta ?? o.records.length - 1, 23);
  head.writeBigInt64BE(BigInt(o.baseTimestamp), 27);
  head.writeBigInt64BE(BigInt(o.baseTimestamp + 999), 35);
  head.writeBigInt64BE(BigInt(o.producerId ?? -1), 43);
  head.writeInt16BE(0, 51);
  head.writeInt32BE(0, 53);
  head.writeInt32BE(o.records.length, 57);
  return Buffer.concat([head, records]);
}

/** Each record copied as it comes: the reader hands out one object for all of them. */
const read = (buf: Buffer) => {
  const out: BatchRecord[] = [];
  for (const r of readRecords(buf)) {
    const { offset, timestamp, timestampType, key, value, headers, control, producerId, inTransaction } = r;
    out.push({ offset, timestamp, timestampType, key, value, headers, control, producerId, inTransaction });
  }
  return { out, next: batchesEnd(buf) };
};
const text = (b: Buffer | null) => (b === null ? null : b.toString());

describe('record batches', () => {
  it('reads offsets, timestamps, keys, values, tombstones and headers in order', () => {
    const { out, next } = read(
      Buffer.concat([
        batch({
          baseOffset: 5_000_000_000,
          baseTimestamp: 1_760_000_000_000,
          records: [
            {
              offsetDelta: 0,
              timestampDelta: 0,
              key: 'k1',
              value: 'v1',
              headers: [
                ['trace', 'a'],
                ['trace', null],
              ],
            },
            { offsetDelta: 1, timestampDelta: 70_000, key: null, value: 'x'.repeat(300) },
            { offsetDelta: 2, timestampDelta: -5, key: 'gone', value: null },
          ],
        }),
        batch({
          baseOffset: 5_000_000_003,
          baseTimestamp: 1,
          records: [{ offsetDelta: 0, timestampDelta: 0, key: 'k', value: '' }],
        }),
      ]),
    );
    assert.deepEqual(
      out.map((r) => [r.offset, r.timestamp, text(r.key), text(r.value)?.slice(0, 3) ?? null]),
      [
        [5_000_000_000, 1_760_000_000_000, 'k1', 'v1'],
        [5_000_000_001, 1_760_000_070_000, null, 'xxx'],
        [5_000_000_002, 1_759_999_999_995, 'gone', null],
        [5_000_000_003, 1, 'k', ''],
      ],
    );
    assert.deepEqual(
      out[0].headers.map(([k, v]) => [k, text(v)]),
      [
        ['trace', 'a'],
        ['trace', null],
      ],
    );
    assert.equal(out[1].value?.length, 300, 'a multi-byte varint length');
    assert.equal(out[0].timestampType, 'CreateTime');
    assert.equal(next, 5_000_000_004);
  });

  it('stops before a batch Kafka cut at maxBytes, and answers null when none is whole', () => {
    const one = batch({
      baseOffset: 0,
      baseTimestamp: 0,
      records: [{ offsetDelta: 0, timestampDelta: 0, key: 'a', value: 'b' }],
    });
    const two = batch({
      baseOffset: 1,
      baseTimestamp: 0,
      records: [{ offsetDelta: 0, timestampDelta: 0, key: 'c', value: 'd' }],
    });
    const cut = Buffer.concat([one, two.subarray(0, two.length - 3)]);
    assert.deepEqual(
      read(cut).out.map((r) => r.offset),
      [0],
    );
    assert.equal(read(cut).next, 1);
    assert.equal(read(two.subarray(0, 20)).next, null);
    assert.equal(read(Buffer.alloc(0)).next, null);
  });

  it('goes on past offsets compaction removed, from the batch header', () => {
    const compacted = batch({
      baseOffset: 10,
      baseTimestamp: 0,
      lastOffsetDelta: 9,
      records: [{ offsetDelta: 4, timestampDelta: 0, key: 'k', value: 'latest' }],
    });
    const { out, next } = read(compacted);
    assert.deepEqual(
      out.map((r) => r.offset),
      [14],
    );
    assert.equal(next, 20);
    const emptied = batch({ baseOffset: 20, baseTimestamp: 0, lastOffsetDelta: 4, records: [] });
    assert.equal(read(emptied).next, 25, 'a batch the cleaner emptied still moves the position');
  });

  it('reads gzip batches, log-append times, and the transaction and control flags', () => {
    const { out } = read(
      Buffer.concat([
        batch({
          baseOffset: 0,
          baseTimestamp: 100,
          gzip: true,
          attributes: 0x08 | 0x10,
          producerId: 4242,
          records: [
            { offsetDelta: 0, timestampDelta: 1, key: 'a', value: 'zipped' },
            { offsetDelta: 1, timestampDelta: 2, key: 'b', value: 'too' },
          ],
        }),
        batch({
          baseOffset: 2,
          baseTimestamp: 200,
          attributes: 0x10 | 0x20,
          producerId: 4242,
          records: [{ offsetDelta: 0, timestampDelta: 0, key: '\u0000\u0000\u0000\u0001', value: '' }],
        }),
      ]),
    );
    assert.deepEqual(
      out.map((r) => [text(r.value), r.timestamp, r.timestampType, r.inTransaction, r.control, r.producerId]),
      [
        ['zipped', 1099, 'LogAppendTime', true, false, 4242],
        ['too', 1099, 'LogAppendTime', true, false, 4242],
        ['', 200, 'CreateTime', true, true, 4242],
      ],
    );
  });

  it('refuses codecs it does not read and old message formats, in words', () => {
    const snappy = batch({ baseOffset: 0, baseTimestamp: 0, attributes: 2, records: [] });
    assert.throws(() => read(snappy), /snappy-compressed record batches are not read here/);
    const v1 = batch({ baseOffset: 0, baseTimestamp: 0, records: [] });
    v1.writeInt8(1, 16);
    assert.throws(() => read(v1), /message format v1/);
  });

  it('tells a commit marker from an abort marker by the control record key', () => {
    const key = (type: number) => Buffer.from([0, 0, 0, type]);
    const markers = batch({
      baseOffset: 30,
      baseTimestamp: 0,
      attributes: 0x30,
      producerId: 7,
      records: [{ offsetDelta: 0, timestampDelta: 0, key: null, value: null }],
    });
    const [marker] = read(markers).out;
    assert.equal(marker.control, true);
    assert.equal(marker.producerId, 7);
    assert.equal(controlType(key(1)), 'commit');
    assert.equal(controlType(key(0)), 'abort');
    assert.equal(controlType(key(2)), null);
    assert.equal(controlType(Buffer.from([0, 0])), null);
    assert.equal(controlType(null), null);
  });
});
