import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeResponse, encodeRequest } from '@/server/kafka/protocol/request';
import { IsolationLevel, listOffsets } from './list-offsets';

const encodeListOffsets = (topics: Map<string, number[]>, timestamp: number) =>
  encodeRequest(listOffsets, { topics, timestamp, each: () => undefined });
const decodeListOffsets = (payload: Buffer, each: (topic: string, partition: number, offset: number) => void) =>
  decodeResponse(listOffsets, payload, { topics: new Map(), timestamp: 0, each });

/** A v2 answer as a broker writes it. */
function answer(topics: [string, [number, number, number][]][]): Buffer {
  const parts: Buffer[] = [];
  const int = (n: number, size: 2 | 4) => {
    const b = Buffer.alloc(size);
    if (size === 2) b.writeInt16BE(n);
    else b.writeInt32BE(n);
    parts.push(b);
  };
  const long = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(n));
    parts.push(b);
  };
  int(0, 4); // throttle time
  int(topics.length, 4);
  for (const [name, partitions] of topics) {
    int(Buffer.byteLength(name), 2);
    parts.push(Buffer.from(name));
    int(partitions.length, 4);
    for (const [partition, errorCode, offset] of partitions) {
      int(partition, 4);
      int(errorCode, 2);
      long(-1);
      long(offset);
    }
  }
  return Buffer.concat(parts);
}

describe('ListOffsets v2 codec', () => {
  it('writes replica -1, read-uncommitted, then each topic with its partitions and the timestamp', () => {
    const buf = encodeListOffsets(
      new Map([
        ['orders', [0, 2]],
        ['ü', [1]],
      ]),
      -1,
    );
    assert.equal(buf.readInt32BE(0), -1);
    assert.equal(buf.readInt8(4), 0);
    assert.equal(buf.readInt32BE(5), 2);
    assert.equal(buf.readInt16BE(9), 6);
    assert.equal(buf.toString('utf8', 11, 17), 'orders');
    assert.equal(buf.readInt32BE(17), 2);
    assert.deepEqual(
      [buf.readInt32BE(21), Number(buf.readBigInt64BE(25)), buf.readInt32BE(33), Number(buf.readBigInt64BE(37))],
      [0, -1, 2, -1],
    );
    assert.equal(buf.readInt16BE(45), 2, 'a topic name is counted in bytes, not characters');
    assert.equal(buf.length, 45 + 2 + 2 + 4 + 12);
  });

  it('writes read-committed when asked, so LATEST answers the last stable offset', () => {
    const buf = encodeRequest(listOffsets, {
      topics: new Map([['orders', [0]]]),
      timestamp: -1,
      isolationLevel: IsolationLevel.READ_COMMITTED,
      each: () => undefined,
    });
    assert.equal(buf.readInt8(4), 1);
  });

  it('reads every partition answered without error, and skips the ones with an error', () => {
    const seen: [string, number, number][] = [];
    decodeListOffsets(
      answer([
        [
          'orders',
          [
            [0, 0, 42],
            [1, 6, -1],
            [2, 0, 7],
          ],
        ],
        ['audit', [[0, 0, 2 ** 40]]],
      ]),
      (t, p, o) => seen.push([t, p, o]),
    );
    assert.deepEqual(seen, [
      ['orders', 0, 42],
      ['orders', 2, 7],
      ['audit', 0, 2 ** 40],
    ]);
  });
});
