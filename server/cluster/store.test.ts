import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ClusterStore } from '@/server/cluster/store';
import type { ClusterPatch } from '@/lib/contract/patch';
import { applyPatch } from '@/lib/cluster-patch';
import { broker, partition, topic } from '@/tests/support/fixtures';

const view = () => ({
  clusterId: 'c',
  controllerId: 1,
  quorum: null,
  brokers: [broker(1), broker(2), broker(3)],
  topics: [topic('a', [partition(0, { high: 5 }), partition(1, { high: 7 })]), topic('b', [partition(0, { high: 1 })])],
});

function recording(store: ClusterStore): ClusterPatch[] {
  const patches: ClusterPatch[] = [];
  store.on('patch', (p) => patches.push(p));
  return patches;
}

describe('cluster store', () => {
  it('emits no patch for a round where nothing shown changed, but keeps the new read time', () => {
    const store = new ClusterStore({ brokers: ['x:1'], embedded: false });
    store.setCluster(view(), 1_000);
    const version = store.snapshot().version;
    const patches = recording(store);
    store.setCluster(view(), 2_000);
    store.setCluster(view(), 3_000);
    assert.equal(patches.length, 0, 'an idle round sends nothing');
    assert.equal(store.snapshot().version, version, 'and makes no new version');
    assert.equal(store.snapshot().connection.lastSuccessAt, 3_000, 'the API still sees when Kafka last answered');
  });

  it('sends the last answered time with the patch that says Kafka is away', () => {
    const store = new ClusterStore({ brokers: ['x:1'], embedded: false });
    store.setCluster(view(), 1_000);
    store.setCluster(view(), 2_000);
    const patches = recording(store);
    store.setUnreachable('gone', 9_000);
    assert.equal(patches.length, 1);
    assert.equal(patches[0].connection?.status, 'unreachable');
    assert.equal(patches[0].connection?.lastSuccessAt, 2_000);
  });

  it('raises high watermarks between rounds: only the topic that moved goes out, never backwards', () => {
    const store = new ClusterStore({ brokers: ['x:1'], embedded: false });
    store.setCluster(view(), 1_000);
    const before = store.snapshot();
    const patches = recording(store);
    store.raiseHighWatermarks(
      new Map([
        [
          'a',
          new Map([
            [0, 6],
            [1, 7],
          ]),
        ],
        ['b', new Map([[0, 1]])],
      ]),
    );
    assert.equal(patches.length, 1);
    assert.deepEqual(
      patches[0].topics?.upsert.map((t) => t.name),
      ['a'],
      'b did not move, a did',
    );
    const after = store.snapshot();
    assert.deepEqual(
      after.topics[0].partitions.map((p) => p.high),
      [6, 7],
    );
    assert.equal(
      after.topics[0].partitions[1],
      before.topics[0].partitions[1],
      'an unchanged partition stays the same object',
    );
    assert.equal(after.topics[1], before.topics[1], 'an unchanged topic stays the same object');
    assert.deepEqual(
      applyPatch(before, patches[0]).topics,
      after.topics,
      'a client applying the patch has the same state',
    );

    store.raiseHighWatermarks(new Map([['a', new Map([[0, 3]])]]));
    assert.equal(patches.length, 1, 'an older read does not take the end back');
    assert.equal(store.snapshot().topics[0].partitions[0].high, 6);
  });

  it('keeps an end raised while a round ran, rather than the older end the round read', () => {
    const store = new ClusterStore({ brokers: ['x:1'], embedded: false });
    store.setCluster(view(), 1_000);
    const atStart = store.snapshot();
    // The watched read lands while the round waits for Kafka.
    store.raiseHighWatermarks(new Map([['a', new Map([[0, 9]])]]));
    const read = view();
    read.topics[0].partitions[1] = partition(1, { high: 8 });
    store.setCluster(read, 2_000, atStart);
    assert.deepEqual(
      store.snapshot().topics[0].partitions.map((p) => p.high),
      [9, 8],
      'the raised end stays; the round brings the other',
    );
    store.setCluster(view(), 3_000, store.snapshot());
    assert.deepEqual(
      store.snapshot().topics[0].partitions.map((p) => p.high),
      [5, 7],
      'with nothing raised meanwhile, the round has the last word',
    );
  });
});
