import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { groupLagAge, lagAge } from './lag-seconds';

const NOW = 1_000_000;

describe('lag in seconds', () => {
  it('is the age of the record at the committed offset: exact for LogAppendTime', () => {
    assert.deepEqual(lagAge(40, 10, { offset: 40, timestamp: NOW - 240_000, type: 'LogAppendTime' }, NOW), {
      seconds: 240,
      estimate: false,
      reason: 'log-append-time',
    });
  });

  it('is an estimate for CreateTime (producers set the time)', () => {
    const age = lagAge(40, 10, { offset: 41, timestamp: NOW - 1_500, type: 'CreateTime' }, NOW);
    assert.deepEqual(age, { seconds: 1.5, estimate: true, reason: 'create-time' });
  });

  it('is 0 when caught up, and null while the lag or the record is not known', () => {
    assert.equal(lagAge(40, 0, null, NOW).seconds, 0);
    assert.equal(lagAge(40, null, null, NOW).reason, 'lag-unknown');
    assert.equal(lagAge(40, 3, null, NOW).reason, 'not-read-yet');
    assert.equal(
      lagAge(40, 3, { offset: 39, timestamp: 1, type: 'CreateTime' }, NOW).reason,
      'not-read-yet',
      'a record from before the commit is an older answer',
    );
  });

  it('shows a timestamp from the future as 0, flagged', () => {
    assert.deepEqual(lagAge(1, 1, { offset: 1, timestamp: NOW + 5_000, type: 'CreateTime' }, NOW), {
      seconds: 0,
      estimate: true,
      reason: 'future-timestamp',
    });
  });

  it('per group: the maximum, from which partition, and partial when an unread age is missing', () => {
    const g = groupLagAge([
      { topic: 't', partition: 0, age: { seconds: 3, estimate: false, reason: 'log-append-time' } },
      { topic: 't', partition: 1, age: { seconds: 80, estimate: true, reason: 'create-time' } },
      { topic: 't', partition: 2, age: { seconds: null, estimate: false, reason: 'not-read-yet' } },
    ]);
    assert.deepEqual(g, { seconds: 80, estimate: true, partition: { topic: 't', partition: 1 }, partial: true });
    assert.deepEqual(groupLagAge([]), { seconds: null, estimate: false, partition: null, partial: false });
  });
});
