import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TopicIdNames } from './topic-id-names';

describe('topic id names', () => {
  it('asks only after an unknown id or a topic change, and says when names changed', async () => {
    let asked = 0;
    let answer = new Map([['id-a', 'orders']]);
    const names = new TopicIdNames(async () => {
      asked++;
      return answer;
    });
    assert.equal(await names.refresh(['orders']), true);
    assert.equal(names.name('id-a'), 'orders');
    assert.equal(await names.refresh(['orders']), false);
    assert.equal(asked, 1, 'nothing unknown, nothing changed: no request');
    assert.equal(names.name('id-b'), null);
    answer = new Map([...answer, ['id-b', 'payments']]);
    assert.equal(await names.refresh(['orders']), true, 'an unknown id is asked on the next round');
    assert.equal(names.name('id-b'), 'payments');
    assert.equal(
      await names.refresh(['orders', 'payments']),
      false,
      'a topic change asks, the same names change nothing',
    );
    assert.equal(asked, 3);
  });
});
