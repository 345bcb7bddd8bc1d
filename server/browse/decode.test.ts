import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { controlMarker, decodeData, recordSize, toBrowseMessage } from './decode';
import type { ScanRecord } from './record';

describe('decoder', () => {
  it('chooses json for objects and arrays, text for other UTF-8, binary otherwise', () => {
    assert.deepEqual(decodeData(Buffer.from(' {"a":1}\n'), 100), {
      encoding: 'json',
      data: ' {"a":1}\n',
      size: 9,
      truncated: false,
    });
    assert.equal(decodeData(Buffer.from('[1,2]'), 100).encoding, 'json');
    assert.equal(decodeData(Buffer.from('{not json'), 100).encoding, 'text');
    assert.equal(decodeData(Buffer.from('42'), 100).encoding, 'text');
    assert.equal(decodeData(Buffer.from('héllo'), 100).encoding, 'text');
    assert.deepEqual(decodeData(Buffer.alloc(0), 100), { encoding: 'text', data: '', size: 0, truncated: false });
    const bin = Buffer.from([0xde, 0xad, 0xbe, 0xef]);
    assert.deepEqual(decodeData(bin, 100), { encoding: 'binary', data: '3q2+7w==', size: 4, truncated: false });
  });

  it('truncates to the cap with the real size kept, never splitting a character', () => {
    const text = 'é'.repeat(10); // 20 bytes
    const d = decodeData(Buffer.from(text), 5);
    assert.equal(d.truncated, true);
    assert.equal(d.size, 20);
    assert.equal(d.data, 'éé'); // 4 bytes: the third é would need bytes 5 and 6
    const bin = decodeData(Buffer.alloc(1000, 0xff), 3);
    assert.deepEqual(bin, {
      encoding: 'binary',
      data: Buffer.from([0xff, 0xff, 0xff]).toString('base64'),
      size: 1000,
      truncated: true,
    });
  });

  it('calls a huge value JSON by its brackets without parsing it', () => {
    const big = Buffer.from('{"pad":"' + 'x'.repeat(2 * 1024 * 1024) + '"}  ');
    const d = decodeData(big, 64 * 1024);
    assert.equal(d.encoding, 'json');
    assert.equal(d.truncated, true);
    assert.equal(d.size, big.length);
    assert.equal(Buffer.byteLength(d.data), 64 * 1024);
  });

  it('reads transaction markers', () => {
    const key = (type: number) => {
      const b = Buffer.alloc(4);
      b.writeInt16BE(0, 0);
      b.writeInt16BE(type, 2);
      return b;
    };
    assert.deepEqual(controlMarker(key(0)), { type: 'abort' });
    assert.deepEqual(controlMarker(key(1)), { type: 'commit' });
    assert.deepEqual(controlMarker(key(7)), { type: 'unknown' });
    assert.deepEqual(controlMarker(null), { type: 'unknown' });
  });

  it('a whole message: tombstone, headers in order with duplicates and nulls, stored size', () => {
    const r: ScanRecord = {
      offset: 41,
      timestamp: 1_700_000_000_000,
      timestampType: 'LogAppendTime',
      key: Buffer.from('k1'),
      value: null,
      headers: [
        ['h', Buffer.from('1')],
        ['h', Buffer.from('2')],
        ['ü', null],
      ],
      control: false,
    };
    assert.equal(recordSize(r), 2 + 1 + 1 + 1 + 1 + 2);
    assert.deepEqual(toBrowseMessage(3, r, 100), {
      partition: 3,
      offset: 41,
      timestamp: 1_700_000_000_000,
      timestampType: 'LogAppendTime',
      key: { encoding: 'text', data: 'k1', size: 2, truncated: false },
      value: null,
      headers: [
        { key: 'h', value: { encoding: 'text', data: '1', size: 1, truncated: false } },
        { key: 'h', value: { encoding: 'text', data: '2', size: 1, truncated: false } },
        { key: 'ü', value: null },
      ],
      size: 8,
      control: null,
    });
  });
});
