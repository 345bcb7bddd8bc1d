import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LabInstance } from '@/lib/contract/actions';
import type { GroupSummary } from '@/lib/contract/groups';
import { cardKey, foreignMembers, foreignReaders, jsonError, parseCount } from './guard';

const group = (groupId: string, members: number, topics: string[]) => ({ groupId, members, topics }) as GroupSummary;
const instance = (name: string, groupId: string, consumers: number, status = 'running') =>
  ({ name, groupId, status, startedAt: 1, consumers: Array.from({ length: consumers }, () => ({})) }) as LabInstance;

describe('lab guards', () => {
  it('counts the members of a group the lab did not start', () => {
    const groups = [group('order-processing-group', 3, ['orders']), group('lab-group', 2, ['lab-orders'])];
    const instances = [instance('A', 'lab-group', 2), instance('B', 'order-processing-group', 1)];
    assert.equal(foreignMembers('order-processing-group', groups, instances), 2);
    assert.equal(foreignMembers('lab-group', groups, instances), 0);
    assert.equal(foreignMembers('brand-new', groups, instances), 0);
    // A stopped instance's consumers no longer count as the lab's.
    assert.equal(foreignMembers('lab-group', groups, [instance('A', 'lab-group', 2, 'stopped')]), 2);
  });

  it('names the groups that read a topic, except the lab’s own', () => {
    const groups = [group('billing', 1, ['orders']), group('lab-group', 1, ['orders']), group('other', 1, ['x'])];
    assert.deepEqual(foreignReaders('orders', groups, [instance('A', 'lab-group', 1)]), ['billing']);
    assert.deepEqual(foreignReaders('lab-orders', groups, []), []);
  });

  it('refuses a count below 1, a fraction, or past the bulk limit', () => {
    assert.deepEqual(parseCount('3'), { count: 3 });
    assert.deepEqual(parseCount('0'), { problem: 'belowOne' });
    assert.deepEqual(parseCount('-1'), { problem: 'belowOne' });
    assert.deepEqual(parseCount('1.5'), { problem: 'notNumber' });
    assert.deepEqual(parseCount(''), { problem: 'notNumber' });
    assert.deepEqual(parseCount('10001'), { problem: 'tooMany' });
  });

  it('reads {n} as a bare number inside JSON', () => {
    assert.equal(jsonError('{"seq": {n}}'), null);
    assert.equal(jsonError('{"id": "order-{n}"}'), null);
    assert.notEqual(jsonError('{"seq": '), null);
  });

  it('keys a card by name and start, since a name comes back later', () => {
    assert.notEqual(cardKey({ name: 'A', startedAt: 1 }), cardKey({ name: 'A', startedAt: 2 }));
  });
});
