import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dropAborted, type TransactionalRecord } from './aborted';

const marker = (type: 0 | 1) => {
  const key = Buffer.alloc(4);
  key.writeInt16BE(type, 2);
  return key;
};
const record = (offset: number, producerId: number, inTransaction = true): TransactionalRecord => ({
  offset,
  key: null,
  control: false,
  producerId,
  inTransaction,
});
const control = (offset: number, producerId: number, type: 0 | 1): TransactionalRecord => ({
  ...record(offset, producerId),
  key: marker(type),
  control: true,
});

describe('dropAborted', () => {
  it('drops a producer’s records from the aborted transaction’s first offset to its ABORT marker, keeping the marker', () => {
    const messages = [
      record(0, 7),
      control(1, 7, 1),
      record(2, 7),
      record(3, 8, false),
      record(4, 7),
      control(5, 7, 0),
      record(6, 7),
      control(7, 7, 1),
    ];
    const kept = dropAborted(messages, [{ producerId: 7, firstOffset: 2 }]);
    assert.deepEqual(
      kept.map((m) => m.offset),
      [0, 1, 3, 5, 6, 7],
    );
  });

  it('handles two producers’ interleaved aborted transactions listed out of order', () => {
    const messages = [record(0, 1), record(1, 2), control(2, 1, 0), record(3, 2), control(4, 2, 0)];
    const kept = dropAborted(messages, [
      { producerId: 2, firstOffset: 1 },
      { producerId: 1, firstOffset: 0 },
    ]);
    assert.deepEqual(
      kept.map((m) => m.offset),
      [2, 4],
    );
  });

  it('keeps everything when no transaction was aborted', () => {
    assert.equal(dropAborted([record(0, 1), record(1, 1)], []).length, 2);
  });
});
