import { describe, it, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { useLiveStore } from '../../lib/store';
import { THROUGHPUT_POINTS_CAP } from '../../lib/store/throughput-slice';
import { diffSnapshots } from '../../lib/cluster-patch';
import { snapshot, topic } from '../support/fixtures';
import { TAIL_CAP, type TailMessage } from '../../lib/contract/actions';

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

  it('keeps its earlier throughput points when a restarted server sends a shorter history, and never doubles a point', () => {
    const store = useLiveStore.getState();
    store.setThroughputHistory([1, 2, 3].map((at) => ({ at, rate: at })));
    store.addThroughputPoint({ at: 4, rate: 4 });
    // The same server again (a network drop): its history covers what the page had.
    store.setThroughputHistory([1, 2, 3, 4, 5].map((at) => ({ at, rate: at })));
    assert.deepEqual(useLiveStore.getState().throughput.map((p) => p.at), [1, 2, 3, 4, 5]);
    // A restarted server: a history of its own, from after the restart.
    store.setThroughputHistory([{ at: 9, rate: 9 }]);
    assert.deepEqual(useLiveStore.getState().throughput.map((p) => p.at), [1, 2, 3, 4, 5, 9]);
    store.setThroughputHistory([]);
    assert.deepEqual(useLiveStore.getState().throughput.map((p) => p.at), [1, 2, 3, 4, 5, 9], 'an empty history keeps the chart');
  });
});

describe('tail in the store', () => {
  const msg = (partition: number, offset: number): TailMessage => ({ partition, offset, timestamp: offset, key: null, value: `v${offset}`, truncated: false, headers: [] });

  it('keeps each offset once, replaces on reset, caps at TAIL_CAP, ignores other topics', () => {
    const s = useLiveStore.getState();
    s.setWatchedTail('orders');
    s.addTailMessages('orders', [msg(0, 1), msg(0, 2)], true);
    s.addTailMessages('orders', [msg(0, 2), msg(0, 3)], false);
    assert.deepEqual(useLiveStore.getState().tail?.messages.map((m) => m.offset), [1, 2, 3]);
    s.addTailMessages('payments', [msg(0, 9)], false);
    assert.equal(useLiveStore.getState().tail?.messages.length, 3);
    s.addTailMessages('orders', Array.from({ length: TAIL_CAP + 50 }, (_, i) => msg(1, i)), false);
    const kept = useLiveStore.getState().tail?.messages ?? [];
    assert.equal(kept.length, TAIL_CAP);
    assert.equal(kept.at(-1)?.offset, TAIL_CAP + 49);
    s.addTailMessages('orders', [msg(2, 0)], true);
    assert.deepEqual(useLiveStore.getState().tail?.messages.map((m) => m.partition), [2]);
    s.setWatchedTail(null);
    assert.equal(useLiveStore.getState().tail, null);
  });
});
