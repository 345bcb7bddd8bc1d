import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DecodedData } from '@/lib/contract/browse';
import { autoMode, dataBytes, dataText, hexLine, replayText, toBase64 } from './browse-bytes';

const bin = (bytes: number[]): DecodedData => ({
  encoding: 'binary',
  data: Buffer.from(bytes).toString('base64'),
  size: bytes.length,
  truncated: false,
});

describe('browse bytes', () => {
  it('reads base64 and UTF-8 data as the same bytes', () => {
    assert.deepEqual([...dataBytes(bin([0xff, 0, 1]))], [0xff, 0, 1]);
    assert.deepEqual([...dataBytes({ encoding: 'text', data: 'é', size: 2, truncated: false })], [0xc3, 0xa9]);
    assert.equal(toBase64(new Uint8Array([0xff, 0xfe, 0x00, 0x01])), '//4AAQ==');
    const big = new Uint8Array(100_000).map((_, i) => i % 256);
    assert.deepEqual(dataBytes({ encoding: 'binary', data: toBase64(big), size: big.length, truncated: false }), big);
  });

  it('shows binary as text with replacement characters, and picks hex for it by default', () => {
    assert.equal(dataText(bin([0x61, 0xff])), 'a\ufffd');
    assert.equal(autoMode(bin([1])), 'hex');
    assert.equal(autoMode({ encoding: 'json', data: '{}', size: 2, truncated: false }), 'json');
  });

  it('draws a hex dump line with offset, two groups of eight and the ASCII', () => {
    const bytes = new Uint8Array([...Buffer.from('Hello, Kafka!'), 0x00, 0xff, 0x7f, 0x41, 0x42]);
    assert.equal(hexLine(bytes, 0), '00000000  48 65 6c 6c 6f 2c 20 4b  61 66 6b 61 21 00 ff 7f  |Hello, Kafka!...|');
    assert.equal(hexLine(bytes, 16), '00000010  41 42                                             |AB|');
  });

  it('replays only whole text', () => {
    assert.equal(replayText({ encoding: 'json', data: '{"a":1}', size: 7, truncated: false }), '{"a":1}');
    assert.equal(replayText({ encoding: 'text', data: 'ab', size: 9, truncated: true }), null);
    assert.equal(replayText(bin([1])), null);
    assert.equal(replayText(null), null);
  });
});
