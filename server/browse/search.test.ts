import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { denseLog, fakeLog, record } from '@/tests/support/browse-log';
import type { PartitionBounds } from './plan';
import { QueryError } from './query-error';
import { compileQuery, searchAll } from './search';

const boundsOf = (log: Map<number, { offset: number }[]>): PartitionBounds[] =>
  [...log].map(([partition, rs]) => ({ partition, logStart: 0, logEnd: rs.length }));

describe('search', () => {
  it('refuses a bad payload, regex or path before anything is read', () => {
    const refused = (payload: unknown, why: RegExp) =>
      assert.throws(
        () => compileQuery(payload),
        (e: unknown) => e instanceof QueryError && why.test(e.message),
      );
    refused({ from: { offset: 0 }, filters: { valueRegex: '(unclosed' } }, /^invalid regex: missing closing \)/);
    refused({ from: { offset: 0 }, filters: { jsonPath: 'order.status' } }, /^invalid JSON path "order\.status"/);
    refused({ from: { offset: 0 }, limit: 5000 }, /^limit: limit is at most 1000$/);
    refused(null, /query must be an object/);
  });

  it('answers the matches, what was read and why it stopped', async () => {
    const log = denseLog(3, 50);
    log.get(1)![20] = record(20, JSON.stringify({ order: { id: 4711, status: 'shipped' } }), {
      headers: [['source', Buffer.from('web')]],
    });
    const fake = fakeLog(log);
    const answer = await searchAll(
      compileQuery({
        from: { position: 'oldest' },
        filters: { jsonPath: '$.order.status', jsonEquals: 'shipped', header: { key: 'source', value: 'web' } },
      }),
      boundsOf(log),
      fake.fetchBatch,
    );
    assert.deepEqual(
      answer.messages.map((m) => [m.partition, m.offset, m.value?.encoding]),
      [[1, 20, 'json']],
    );
    assert.equal(answer.scanned, 150);
    assert.equal(answer.stoppedBy, 'end');
    assert.equal(answer.done, true);
  });

  it('reads the last N of each partition newest first', async () => {
    const log = denseLog(2, 30);
    const answer = await searchAll(
      compileQuery({ from: { beforeEnd: 3 }, direction: 'backward' }),
      boundsOf(log),
      fakeLog(log).fetchBatch,
    );
    const byPartition = (p: number) => answer.messages.filter((m) => m.partition === p).map((m) => m.offset);
    assert.deepEqual(byPartition(0), [29, 28, 27]);
    assert.deepEqual(byPartition(1), [29, 28, 27]);
    assert.equal(answer.scanned, 6);
  });
});
