import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  BATCH_OVERHEAD_BYTES,
  chunkForSend,
  groupHeaders,
  planMessages,
  type TopicTarget,
} from '@/server/produce/plan';
import { partitionForKey } from '@/lib/partitioner';
import { produceSchema, type ProduceRequest } from '@/lib/contract/action-schemas';
import { describeIssue } from '@/lib/contract/describe-issue';

const topic = (over: Partial<TopicTarget> = {}): TopicTarget => ({
  name: 'orders',
  partitions: [0, 1, 2].map((partition) => ({ partition, leader: partition + 1 })),
  maxMessageBytes: 1_048_588,
  ...over,
});
const req = (over: Partial<ProduceRequest> = {}): ProduceRequest => ({
  topic: 'orders',
  key: null,
  value: 'v',
  format: 'text',
  headers: [],
  partition: null,
  count: 1,
  ...over,
});

describe('produce plan', () => {
  it('an explicit partition wins over the key; a key picks by murmur2', () => {
    assert.equal(planMessages(req({ key: 'order-1', partition: 2 }), topic(), 0)[0].partition, 2);
    assert.equal(planMessages(req({ key: 'order-1' }), topic(), 0)[0].partition, partitionForKey('order-1', 3));
  });

  it('without a key, spreads round-robin over partitions that have a leader', () => {
    const leaderless = topic({
      partitions: [
        { partition: 0, leader: 1 },
        { partition: 1, leader: -1 },
        { partition: 2, leader: 3 },
      ],
    });
    assert.deepEqual(
      planMessages(req({ count: 4 }), leaderless, 0).map((m) => m.partition),
      [0, 2, 0, 2],
    );
    assert.deepEqual(
      planMessages(req({ count: 3 }), topic(), 1).map((m) => m.partition),
      [1, 2, 0],
    );
  });

  it('refuses a partition the topic does not have, and JSON that does not parse', () => {
    assert.throws(
      () => planMessages(req({ partition: 3 }), topic(), 0),
      /topic "orders" has 3 partitions \(0-2\); there is no partition 3/,
    );
    assert.throws(
      () => planMessages(req({ value: '{"a":', format: 'json' }), topic(), 0),
      /the value is not valid JSON/,
    );
    assert.equal(planMessages(req({ value: '{"a":1}', format: 'json' }), topic(), 0).length, 1);
  });

  it('takes {n} as a bare number inside JSON, filled in for one message and for a bulk', () => {
    const [one] = planMessages(req({ value: '{"seq": {n}}', format: 'json' }), topic(), 0);
    assert.equal(one.value, '{"seq": 0}');
    const bulk = planMessages(req({ value: '{"seq": {n}}', format: 'json', count: 3 }), topic(), 0);
    assert.deepEqual(
      bulk.map((m) => JSON.parse(m.value ?? '')),
      [{ seq: 0 }, { seq: 1 }, { seq: 2 }],
    );
    assert.throws(() => planMessages(req({ value: '{"seq": {n}', format: 'json' }), topic(), 0), /not valid JSON/);
  });

  it("refuses a message over the topic's limit, counting UTF-8 bytes", () => {
    // 400 three-byte characters: 1,200 bytes, over a 1,000-byte limit though only 400 chars.
    assert.throws(
      () => planMessages(req({ value: '주'.repeat(400) }), topic({ maxMessageBytes: 1000 }), 0),
      /accepts at most 1,000 bytes per batch \(max\.message\.bytes\)/,
    );
    assert.equal(planMessages(req({ value: 'a'.repeat(400) }), topic({ maxMessageBytes: 1000 }), 0).length, 1);
  });

  it('keeps duplicate header keys, in order', () => {
    assert.deepEqual(
      groupHeaders([
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
        { key: 'a', value: '3' },
      ]),
      { a: ['1', '3'], b: ['2'] },
    );
  });

  it('takes header keys that are names of object properties as plain keys', () => {
    const grouped = groupHeaders([
      { key: 'constructor', value: '1' },
      { key: '__proto__', value: '2' },
      { key: 'constructor', value: '3' },
    ]);
    assert.deepEqual(Object.keys(grouped), ['constructor', '__proto__']);
    assert.deepEqual(grouped.constructor, ['1', '3']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(grouped, '__proto__')?.value, ['2']);
  });

  it('chunks sends so a batch stays under the limit and a send stays small', () => {
    const small = planMessages(req({ value: 'x'.repeat(400), count: 5 }), topic({ maxMessageBytes: 1000 }), 0);
    const chunks = chunkForSend(small, 1000);
    assert.deepEqual(
      chunks.map((c) => c.length),
      [2, 2, 1],
      'two ~420-byte records fit a 1,000-byte batch, three do not',
    );
    for (const c of chunks) assert.ok(c.reduce((sum, m) => sum + m.bytes, 0) + BATCH_OVERHEAD_BYTES <= 1000);
    const many = planMessages(req({ count: 2500 }), topic(), 0);
    assert.deepEqual(
      chunkForSend(many, 1_048_588).map((c) => c.length),
      [1000, 1000, 500],
    );
    assert.deepEqual(
      chunkForSend(many, 1_048_588)
        .flat()
        .map((m) => m.index),
      many.map((m) => m.index),
      'order kept',
    );
  });

  it('a tombstone is the key with a null value, in bulk too; its empty value is not checked as JSON', () => {
    const [one] = planMessages(req({ key: 'order-7', value: '', format: 'json', tombstone: true }), topic(), 0);
    assert.equal(one.value, null);
    assert.equal(one.key, 'order-7');
    assert.equal(one.partition, partitionForKey('order-7', 3), 'it lands where the key lives');
    const bulk = planMessages(req({ key: 'order-{n}', value: '', tombstone: true, count: 3 }), topic(), 0);
    assert.deepEqual(
      bulk.map((m) => [m.key, m.value]),
      [
        ['order-0', null],
        ['order-1', null],
        ['order-2', null],
      ],
    );
    assert.equal(planMessages(req({ tombstone: false }), topic(), 0)[0].value, 'v', 'false: a value as before');
  });

  it('the contract refuses a tombstone without a key or with a value, and takes an omitted flag as before', () => {
    const refusal = (over: Partial<ProduceRequest>) => {
      const parsed = produceSchema.safeParse(req(over));
      return parsed.success ? null : describeIssue(parsed.error);
    };
    assert.equal(refusal({ tombstone: true, value: '' }), 'key: a tombstone needs a key: compaction deletes by key');
    assert.equal(
      refusal({ tombstone: true, key: 'k', value: 'x' }),
      'value: a tombstone has no value: leave the value empty',
    );
    assert.equal(refusal({ tombstone: true, key: 'k', value: '' }), null);
    assert.equal(refusal({}), null);
  });
});
