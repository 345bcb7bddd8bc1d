import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { GroupDetail, TopicConsumers } from '@/lib/contract/groups';
import { MAX_WATCHES } from '@/lib/contract/watch';
import type { GroupsEvents } from '@/server/groups/service';
import type { AlertsEvents } from '@/server/alerts/service';
import type { AlertsState } from '@/lib/contract/alerts';
import type { TailSink } from '@/server/tail/service';
import { Subscriptions, type Subscriber } from './subscriptions';

class FakeGroups extends EventEmitter<GroupsEvents> {
  details = new Map<string, GroupDetail>();
  reads = new Map<string, string[]>();
  detail = (id: string) => this.details.get(id) ?? null;
  lagHistory = () => [];
  readsTopic = (id: string, topic: string) => this.reads.get(id)?.includes(topic) ?? false;
  topicConsumers = (topic: string): TopicConsumers => ({
    topic,
    groups: [...this.reads].filter(([, t]) => t.includes(topic)).map(([groupId]) => ({ groupId }) as never),
  });
}

class FakeTails {
  sinks = new Map<string, Set<TailSink>>();
  subscribe(topic: string, sink: TailSink): () => void {
    const set = this.sinks.get(topic) ?? new Set();
    set.add(sink);
    this.sinks.set(topic, set);
    return () => set.delete(sink);
  }
}

function subscriber(id: string): Subscriber & { got: [string, unknown][] } {
  const got: [string, unknown][] = [];
  return { id, got, send: (event, ...args) => got.push([event, args[0]]) };
}

class FakeAlerts extends EventEmitter<AlertsEvents> {
  firing = 0;
  state = (): AlertsState => ({
    rules: [],
    webhook: null,
    savedTo: { kind: 'memory' },
    firing: Array.from({ length: this.firing }, (_, i) => ({
      ruleId: 'r',
      ruleName: 'r',
      groupId: `g${i}`,
      since: 0,
      value: 'STOP',
      reason: '',
      why: { kind: 'lag', lag: 1 },
    })),
    recent: [],
    delivery: { sent: 0, failed: 0, dropped: 0, retries: 0, pending: 0 },
  });
}

const setup = () => {
  const groups = new FakeGroups();
  const tails = new FakeTails();
  const alerts = new FakeAlerts();
  const browse = { search: () => new Promise<never>(() => undefined) };
  return { groups, tails, alerts, subs: new Subscriptions(groups, tails, browse, alerts) };
};

describe('subscriptions', () => {
  it('answers a new watch at once, then pushes a changed group to every watcher, once per change', () => {
    const { groups, subs } = setup();
    const a = subscriber('a');
    const b = subscriber('b');
    subs.watch(a, { kind: 'group', groupId: 'g' });
    subs.watch(b, { kind: 'group', groupId: 'g' });
    assert.deepEqual(
      a.got.map(([e]) => e),
      ['group:lag-history', 'group:detail'],
    );
    groups.details.set('g', { groupId: 'g', generation: 1 } as GroupDetail);
    groups.emit('changed', new Set(['g', 'other']));
    groups.emit('changed', new Set(['g']));
    assert.equal(a.got.filter(([e]) => e === 'group:detail').length, 2, 'the first answer, then one change');
    assert.equal(b.got.filter(([e]) => e === 'group:detail').length, 2);
    groups.emit('lag-point', 'g', { at: 1, total: 0, partitions: {} });
    groups.emit('lag-point', 'other', { at: 1, total: 0, partitions: {} });
    assert.equal(a.got.filter(([e]) => e === 'group:lag-point').length, 1);
  });

  it('pushes topic consumers when a group reading the topic changes, and lists watched topics for the poller', () => {
    const { groups, subs } = setup();
    const a = subscriber('a');
    subs.watch(a, { kind: 'topic', topic: 'orders' });
    subs.watch(a, { kind: 'tail', topic: 'payments' });
    assert.deepEqual(subs.watchedTopics(), ['orders'], 'a tail reads its own topic');
    groups.reads.set('g', ['orders']);
    groups.emit('changed', new Set(['g']));
    groups.reads.set('h', ['elsewhere']);
    groups.emit('changed', new Set(['h']));
    assert.equal(a.got.filter(([e]) => e === 'topic:consumers').length, 2);
    subs.unwatch(a, { kind: 'topic', topic: 'orders' });
    assert.deepEqual(subs.watchedTopics(), []);
  });

  it('hooks each tail watch to the tail service and ends it with the watch or the connection', () => {
    const { tails, subs } = setup();
    const a = subscriber('a');
    const b = subscriber('b');
    subs.watch(a, { kind: 'tail', topic: 't' });
    subs.watch(b, { kind: 'tail', topic: 't' });
    assert.equal(tails.sinks.get('t')?.size, 2);
    for (const sink of tails.sinks.get('t')!) sink('t', [], false);
    assert.deepEqual(a.got, [['tail:messages', { topic: 't', messages: [], reset: false }]]);
    subs.unwatch(a, { kind: 'tail', topic: 't' });
    assert.equal(tails.sinks.get('t')?.size, 1);
    subs.drop(b);
    assert.equal(tails.sinks.get('t')?.size, 0);
  });

  it('counts a repeated watch once, answering it again, and refuses past MAX_WATCHES', () => {
    const { tails, subs } = setup();
    const a = subscriber('a');
    subs.watch(a, { kind: 'tail', topic: 't' });
    subs.watch(a, { kind: 'tail', topic: 't' });
    assert.equal(tails.sinks.get('t')?.size, 1);
    for (let i = 1; i < MAX_WATCHES; i++) assert.equal(subs.watch(a, { kind: 'group', groupId: `g${i}` }), null);
    assert.match(subs.watch(a, { kind: 'group', groupId: 'one-too-many' }) ?? '', /at most/);
    subs.drop(a);
    assert.equal(subs.watch(a, { kind: 'group', groupId: 'one-too-many' }), null, 'a dropped connection starts empty');
  });

  it('answers the alerts watch with the state, then pushes it when it changes, not when it did not', () => {
    const { alerts, subs } = setup();
    const a = subscriber('a');
    subs.watch(a, { kind: 'alerts' });
    assert.deepEqual(
      a.got.map(([e]) => e),
      ['alerts:state'],
    );
    alerts.firing = 1;
    alerts.emit('changed');
    alerts.emit('changed');
    assert.equal(a.got.length, 2);
    assert.equal((a.got[1][1] as AlertsState).firing[0].groupId, 'g0');
    subs.unwatch(a, { kind: 'alerts' });
    alerts.firing = 2;
    alerts.emit('changed');
    assert.equal(a.got.length, 2, 'nothing after the unwatch');
  });
});
