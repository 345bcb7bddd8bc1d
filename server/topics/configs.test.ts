import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changesOf, createEntries, merge } from '@/server/topics/configs';
import { checkNewTopicName } from '@/server/topics/names';
import { topicConfigSchema, topicCreateSchema } from '@/lib/contract/action-schemas';

describe('topic settings', () => {
  it('maps form fields to Kafka settings: left out = unchanged, null = remove', () => {
    const changes = changesOf({ retentionMs: 60_000, segmentMs: null, minCleanableDirtyRatio: 0.01 });
    assert.deepEqual(
      [...changes],
      [
        ['retention.ms', '60000'],
        ['segment.ms', null],
        ['min.cleanable.dirty.ratio', '0.01'],
      ],
    );
  });

  it('merges a change into every existing override, so the legacy AlterConfigs keeps them', () => {
    const current = { 'max.message.bytes': '2000000', 'segment.ms': '1000', 'retention.ms': '5' };
    assert.deepEqual(merge(current, changesOf({ retentionMs: 60_000, segmentMs: null })), {
      'max.message.bytes': '2000000',
      'retention.ms': '60000',
    });
  });

  it('creates with only the settings given', () => {
    assert.deepEqual(
      createEntries({ cleanupPolicy: 'compact', retentionMs: null, retentionBytes: null, segmentMs: 100 }),
      [
        { name: 'cleanup.policy', value: 'compact' },
        { name: 'segment.ms', value: '100' },
      ],
    );
  });

  it('accepts a dirty ratio between 0 and 1 only', () => {
    const base = {
      name: 't',
      partitions: 1,
      replicationFactor: 1,
      cleanupPolicy: 'compact',
      retentionMs: null,
      retentionBytes: null,
      segmentMs: null,
    };
    assert.equal(topicCreateSchema.safeParse({ ...base, minCleanableDirtyRatio: 0.01 }).success, true);
    assert.equal(topicCreateSchema.safeParse(base).success, true, 'optional');
    assert.equal(topicConfigSchema.safeParse({ topic: 't', minCleanableDirtyRatio: 1.5 }).success, false);
  });
});

describe('new topic names', () => {
  it('refuses "." and "..", and names that collide with an existing one in metric names', () => {
    assert.throws(() => checkNewTopicName('..', []), /not a valid topic name/);
    assert.throws(() => checkNewTopicName('orders.eu', ['orders_eu']), /collides with the existing topic orders_eu/);
    assert.doesNotThrow(() => checkNewTopicName('orders.eu', ['orders-eu', 'orders.eu.x']));
  });
});
