import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { diffSnapshots } from '@/lib/cluster-patch';
import { snapshot, topic } from '@/tests/support/fixtures';
import { TAIL_CAP, type TailMessage } from '@/lib/contract/actions';
import { THROUGHPUT_HISTORY_CAP } from '@/lib/contract/metrics';
import type { GroupDetail, GroupsSnapshot } from '@/lib/contract/groups';
import { applyLiveEvent, initialLiveState, type LiveEvent, type LiveState } from './live-events';
import { addWatch, heldWatches, removeWatch, viewOf } from './watch-slice';

type Payload<E extends LiveEvent> = Parameters<typeof applyLiveEvent<E>>[2];

/** Runs events one after the other, as the bridge does; returns the last step's resync too. */
function run(state: LiveState, ...events: { [E in LiveEvent]: [E, Payload<E>] }[LiveEvent][]) {
  let resync: string | undefined;
  for (const [event, payload] of events) {
    const step = applyLiveEvent(state, event, payload as never);
    state = step.state;
    resync = step.resync?.event;
  }
  return { state, resync };
}

const watched = (state: LiveState, ...watches: Parameters<typeof addWatch>[1][]) =>
  watches.reduce((s, w) => addWatch(s, w).state, state);

describe('server events into page state', () => {
  it('applies patches that follow its version and refuses the rest', () => {
    const patch0 = { from: 0, to: 1, observedAt: 1 };
    assert.equal(
      run(initialLiveState, ['cluster:patch', patch0]).resync,
      'cluster:resync',
      'nothing to patch before a snapshot',
    );
    const a = snapshot({ version: 7 });
    const b = snapshot({ version: 8, topics: [topic('orders')] });
    const applied = run(initialLiveState, ['cluster:snapshot', a], ['cluster:patch', diffSnapshots(a, b)!]);
    assert.equal(applied.resync, undefined);
    assert.deepEqual(applied.state.cluster, b);
    assert.equal(
      run(applied.state, ['cluster:patch', diffSnapshots(a, b)!]).resync,
      'cluster:resync',
      'a replayed patch asks for a resync',
    );
  });

  it('applies groups patches in order and asks for a resync on a gap', () => {
    const groups: GroupsSnapshot = {
      version: 3,
      groups: [],
      offsetsLog: { status: 'live', lastError: null, recordsRead: 0, recordsSkipped: 0 },
    };
    const s = run(
      initialLiveState,
      ['groups:snapshot', groups],
      [
        'groups:patch',
        { from: 3, to: 4, upsert: [], remove: [], offsetsLog: { ...groups.offsetsLog, recordsRead: 5 } },
      ],
    );
    assert.equal(s.resync, undefined);
    assert.equal(s.state.groups?.version, 4);
    assert.equal(s.state.groups?.offsetsLog.recordsRead, 5);
    assert.equal(run(s.state, ['groups:patch', { from: 9, to: 10, upsert: [], remove: [] }]).resync, 'groups:resync');
  });

  it('caps the throughput buffer', () => {
    let { state } = run(initialLiveState, [
      'metrics:throughput-history',
      Array.from({ length: THROUGHPUT_HISTORY_CAP + 10 }, (_, i) => ({ at: i, rate: 1 })),
    ]);
    assert.equal(state.throughput.length, THROUGHPUT_HISTORY_CAP);
    ({ state } = run(state, ['metrics:throughput', { at: 99_999, rate: 2 }]));
    assert.equal(state.throughput.length, THROUGHPUT_HISTORY_CAP);
    assert.equal(state.throughput.at(-1)?.rate, 2);
  });

  it('keeps its earlier throughput points when a restarted server sends a shorter history, and never doubles a point', () => {
    let { state } = run(
      initialLiveState,
      ['metrics:throughput-history', [1, 2, 3].map((at) => ({ at, rate: at }))],
      ['metrics:throughput', { at: 4, rate: 4 }],
      // The same server again (a network drop): its history covers what the page had.
      ['metrics:throughput-history', [1, 2, 3, 4, 5].map((at) => ({ at, rate: at }))],
    );
    assert.deepEqual(
      state.throughput.map((p) => p.at),
      [1, 2, 3, 4, 5],
    );
    // A restarted server: a history of its own, from after the restart.
    ({ state } = run(state, ['metrics:throughput-history', [{ at: 9, rate: 9 }]]));
    assert.deepEqual(
      state.throughput.map((p) => p.at),
      [1, 2, 3, 4, 5, 9],
    );
    ({ state } = run(state, ['metrics:throughput-history', []]));
    assert.deepEqual(
      state.throughput.map((p) => p.at),
      [1, 2, 3, 4, 5, 9],
      'an empty history keeps the chart',
    );
  });

  it("keeps a watched group's detail and lag, and drops what comes for a group not watched", () => {
    const detail = { groupId: 'g' } as GroupDetail;
    let state = watched(initialLiveState, { kind: 'group', groupId: 'g' });
    assert.equal(viewOf(state, { kind: 'group', groupId: 'g' })?.answered, false);
    ({ state } = run(
      state,
      ['group:detail', { groupId: 'g', detail }],
      ['group:lag-history', { groupId: 'g', points: [{ at: 1, total: 3, partitions: {} }] }],
      ['group:lag-point', { groupId: 'g', point: { at: 2, total: 4, partitions: {} } }],
      ['group:detail', { groupId: 'other', detail: null }],
      ['group:lag-point', { groupId: 'other', point: { at: 3, total: 9, partitions: {} } }],
    ));
    const view = viewOf(state, { kind: 'group', groupId: 'g' });
    assert.equal(view?.detail, detail);
    assert.equal(view?.answered, true);
    assert.deepEqual(
      view?.lagHistory.map((p) => p.total),
      [3, 4],
    );
    assert.equal(viewOf(state, { kind: 'group', groupId: 'other' }), undefined);
    assert.equal(run(state, ['topic:consumers', { topic: 'orders', groups: [] }]).state.watches, state.watches);
  });
});

describe('watches in page state', () => {
  it('counts holders: the server hears of a watch once, and of its end when the last lets go', () => {
    const w = { kind: 'topic', topic: 'orders' } as const;
    const one = addWatch(initialLiveState, w);
    assert.equal(one.first, true);
    const two = addWatch(one.state, w);
    assert.equal(two.first, false);
    assert.deepEqual(heldWatches(two.state), [w]);
    const back = removeWatch(two.state, w);
    assert.equal(back.last, false);
    const gone = removeWatch(back.state, w);
    assert.equal(gone.last, true);
    assert.deepEqual(heldWatches(gone.state), []);
    assert.equal(removeWatch(gone.state, w).last, false, 'unwatching what is not held says nothing');
  });

  it('drops what a watch sent when it ends: watching again starts empty', () => {
    const w = { kind: 'topic', topic: 'orders' } as const;
    const { state } = run(watched(initialLiveState, w), ['topic:consumers', { topic: 'orders', groups: [] }]);
    assert.deepEqual(viewOf(state, w)?.consumers, { topic: 'orders', groups: [] });
    const again = watched(removeWatch(state, w).state, w);
    assert.equal(viewOf(again, w)?.consumers, null);
  });
});

describe('tail in page state', () => {
  const msg = (partition: number, offset: number): TailMessage => ({
    partition,
    offset,
    timestamp: offset,
    key: null,
    value: `v${offset}`,
    truncated: false,
    headers: [],
  });
  const tail = (
    topic: string,
    messages: TailMessage[],
    reset: boolean,
  ): ['tail:messages', Payload<'tail:messages'>] => ['tail:messages', { topic, messages, reset }];

  it('keeps each offset once, replaces on reset, caps at TAIL_CAP, ignores other topics', () => {
    const orders = { kind: 'tail', topic: 'orders' } as const;
    let { state } = run(
      watched(initialLiveState, orders),
      tail('orders', [msg(0, 1), msg(0, 2)], true),
      tail('orders', [msg(0, 2), msg(0, 3)], false),
    );
    assert.deepEqual(
      viewOf(state, orders)?.messages.map((m) => m.offset),
      [1, 2, 3],
    );
    ({ state } = run(state, tail('payments', [msg(0, 9)], false)));
    assert.equal(viewOf(state, orders)?.messages.length, 3);
    ({ state } = run(
      state,
      tail(
        'orders',
        Array.from({ length: TAIL_CAP + 50 }, (_, i) => msg(1, i)),
        false,
      ),
    ));
    const kept = viewOf(state, orders)?.messages ?? [];
    assert.equal(kept.length, TAIL_CAP);
    assert.equal(kept.at(-1)?.offset, TAIL_CAP + 49);
    ({ state } = run(state, tail('orders', [msg(2, 0)], true)));
    assert.deepEqual(
      viewOf(state, orders)?.messages.map((m) => m.partition),
      [2],
    );
    state = removeWatch(state, orders).state;
    assert.equal(viewOf(state, orders), undefined);
  });
});
