import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { useLiveStore } from '../../lib/store';
import { THROUGHPUT_POINTS_CAP } from '../../lib/store/throughput-slice';
import { diffSnapshots } from '../../lib/cluster-patch';
import { snapshot, topic } from '../support/fixtures';

describe('browser store', () => {
  beforeEach(() => useLiveStore.setState({ cluster: null, throughput: [] }));

  it('applies patches that follow its version and refuses the rest', () => {
    const store = useLiveStore.getState();
    assert.equal(store.applyClusterPatch({ from: 0, to: 1, observedAt: 1 }), false, 'nothing to patch before a snapshot');
    const a = snapshot({ version: 7 });
    const b = snapshot({ version: 8, topics: [topic('orders')] });
    store.setSnapshot(a);
    assert.equal(store.applyClusterPatch(diffSnapshots(a, b)!), true);
    assert.deepEqual(useLiveStore.getState().cluster, b);
    assert.equal(store.applyClusterPatch(diffSnapshots(a, b)!), false, 'a replayed patch asks for a resync');
  });

  it('caps the throughput buffer', () => {
    const store = useLiveStore.getState();
    store.setThroughputHistory(Array.from({ length: THROUGHPUT_POINTS_CAP + 10 }, (_, i) => ({ at: i, rate: 1 })));
    assert.equal(useLiveStore.getState().throughput.length, THROUGHPUT_POINTS_CAP);
    store.addThroughputPoint({ at: 99_999, rate: 2 });
    assert.equal(useLiveStore.getState().throughput.length, THROUGHPUT_POINTS_CAP);
    assert.equal(useLiveStore.getState().throughput.at(-1)?.rate, 2);
  });
});
