import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KeyedChanges } from './contract/patch';
import { applyKeyed, checkFollows, diffKeyed, PatchGapError, recordKeyed } from './keyed-patch';

interface Row {
  id: string;
  n: number;
}
const key = (r: Row) => r.id;
const order = (a: Row, b: Row) => a.id.localeCompare(b.id);

describe('keyed patches', () => {
  it('diffs, then applies back to the same rows, keeping unchanged rows as they were', () => {
    const prev = [
      { id: 'a', n: 1 },
      { id: 'b', n: 1 },
      { id: 'c', n: 1 },
    ];
    const next = [prev[0], { id: 'b', n: 2 }, { id: 'd', n: 1 }];
    const changes = diffKeyed(prev, next, key)!;
    assert.deepEqual(changes, {
      upsert: [
        { id: 'b', n: 2 },
        { id: 'd', n: 1 },
      ],
      remove: ['c'],
    });
    const applied = applyKeyed(prev, changes, key, order);
    assert.deepEqual(applied, next);
    assert.equal(applied[0], prev[0], 'an unchanged row keeps its identity');
    assert.equal(
      diffKeyed(
        prev,
        prev.map((r) => ({ ...r })),
        key,
      ),
      undefined,
      'equal rows are no change',
    );
  });

  it('swaps known rows in place without re-sorting', () => {
    const rows = [
      { id: 'z', n: 1 },
      { id: 'a', n: 1 },
    ];
    const applied = applyKeyed(rows, { upsert: [{ id: 'a', n: 2 }], remove: [] }, key, order);
    assert.deepEqual(
      applied.map((r) => r.id),
      ['z', 'a'],
    );
    assert.equal(applied[0], rows[0]);
  });

  it('records one key at a time for a caller that knows what may have changed', () => {
    const rows = new Map([['a', { id: 'a', n: 1 }]]);
    const changes: KeyedChanges<Row, string> = { upsert: [], remove: [] };
    recordKeyed(rows, 'a', { id: 'a', n: 1 }, changes);
    recordKeyed(rows, 'b', { id: 'b', n: 1 }, changes);
    recordKeyed(rows, 'a', undefined, changes);
    recordKeyed(rows, 'gone-already', undefined, changes);
    assert.deepEqual(changes, { upsert: [{ id: 'b', n: 1 }], remove: ['a'] });
    assert.deepEqual([...rows.keys()], ['b']);
  });

  it('refuses a patch that does not follow the version held', () => {
    assert.doesNotThrow(() => checkFollows('groups', 4, { from: 4 }));
    assert.throws(() => checkFollows('groups', 4, { from: 2 }), PatchGapError);
  });
});
