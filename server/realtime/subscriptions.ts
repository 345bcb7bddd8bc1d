import type { ServerToClientEvents } from '@/lib/contract/events';
import type { GroupDetail, LagPoint } from '@/lib/contract/groups';
import { MAX_WATCHES, watchKey, type Watch, type WatchOf } from '@/lib/contract/watch';
import type { EventEmitter } from 'node:events';
import type { GroupsEvents, GroupsService } from '@/server/groups/service';
import type { TailService } from '@/server/tail/service';
import type { BrowseService } from '@/server/browse/service';
import type { AlertsEvents, AlertsService } from '@/server/alerts/service';
import { LiveScans } from './live-scans';

// Who watches what (lib/contract/watch.ts), for the whole server: one entry per distinct watch
// with its subscribers, so a watch is counted once however many pages hold it, what it last
// sent is remembered (an unchanged group is not sent again), and it ends with its last
// subscriber. Socket-free: a subscriber is anything that can be sent the watch events. A scan is
// no shared watch: it belongs to the connection that started it (./live-scans.ts).

type WatchEvents = Pick<
  ServerToClientEvents,
  | 'group:detail'
  | 'group:lag-history'
  | 'group:lag-point'
  | 'topic:consumers'
  | 'tail:messages'
  | 'scan:progress'
  | 'scan:matches'
  | 'scan:end'
  | 'alerts:state'
>;

export interface Subscriber {
  /** Unique per connection. */
  readonly id: string;
  send<E extends keyof WatchEvents>(event: E, ...args: Parameters<WatchEvents[E]>): void;
}

type GroupsSource = Pick<EventEmitter<GroupsEvents>, 'on'> &
  Pick<GroupsService, 'detail' | 'lagHistory' | 'readsTopic' | 'topicConsumers'>;
type TailsSource = Pick<TailService, 'subscribe'>;
type ScansSource = Pick<BrowseService, 'search'>;
type AlertsSource = Pick<EventEmitter<AlertsEvents>, 'on'> & Pick<AlertsService, 'state'>;

interface Entry {
  watch: Watch;
  subscribers: Map<string, Subscriber>;
  /** What went to every subscriber last, as JSON; a newcomer's first answer does not count. */
  lastSent: string | null;
  /** Per subscriber: how to end what it started (a tail's reader subscription). */
  stops: Map<string, () => void>;
}

export class Subscriptions {
  private readonly entries = new Map<string, Entry>();
  /** Per subscriber, the keys it watches. */
  private readonly held = new Map<string, Set<string>>();
  readonly scans: LiveScans;

  constructor(
    private readonly groups: GroupsSource,
    private readonly tails: TailsSource,
    browse: ScansSource,
    private readonly alerts: AlertsSource,
  ) {
    this.scans = new LiveScans(browse);
    alerts.on('changed', () => {
      const entry = this.entries.get(watchKey({ kind: 'alerts' }));
      if (entry) this.sendChanged(entry, 'alerts:state', alerts.state());
    });
    groups.on('changed', (ids) => this.groupsChanged(ids));
    groups.on('lag-point', (groupId, point) => this.lagPoint(groupId, point));
  }

  /** Starts a watch for one subscriber and sends it the current state. Returns why it was
   *  refused, or null. Watching again what it already watches re-sends the state. */
  watch(sub: Subscriber, watch: Watch): string | null {
    if (watch.kind === 'scan') {
      this.scans.watch(sub, watch);
      return null;
    }
    const key = watchKey(watch);
    const mine = this.held.get(sub.id) ?? new Set<string>();
    if (mine.has(key)) this.unwatch(sub, watch);
    else if (mine.size >= MAX_WATCHES) return `at most ${MAX_WATCHES} watches per connection: unwatch one first`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { watch, subscribers: new Map(), lastSent: null, stops: new Map() };
      this.entries.set(key, entry);
    }
    entry.subscribers.set(sub.id, sub);
    mine.add(key);
    this.held.set(sub.id, mine);
    this.start(entry, sub);
    return null;
  }

  unwatch(sub: Subscriber, watch: Watch): void {
    if (watch.kind === 'scan') return this.scans.unwatch(sub, watch);
    const key = watchKey(watch);
    const entry = this.entries.get(key);
    this.held.get(sub.id)?.delete(key);
    if (!entry?.subscribers.delete(sub.id)) return;
    entry.stops.get(sub.id)?.();
    entry.stops.delete(sub.id);
    if (entry.subscribers.size === 0) this.entries.delete(key);
  }

  /** Ends every watch of a subscriber that went away. */
  drop(sub: Subscriber): void {
    this.scans.drop(sub);
    for (const key of [...(this.held.get(sub.id) ?? [])]) {
      const entry = this.entries.get(key);
      if (entry) this.unwatch(sub, entry.watch);
    }
    this.held.delete(sub.id);
  }

  /** Topics some page shows right now: the poller reads their ends between rounds. */
  watchedTopics(): string[] {
    return this.ofKind('topic').map(({ watch }) => watch.topic);
  }

  private start(entry: Entry, sub: Subscriber): void {
    const w = entry.watch;
    switch (w.kind) {
      case 'group':
        sub.send('group:lag-history', { groupId: w.groupId, points: this.groups.lagHistory(w.groupId) });
        sub.send('group:detail', this.groupPayload(w.groupId));
        return;
      case 'topic':
        sub.send('topic:consumers', this.groups.topicConsumers(w.topic));
        return;
      case 'tail':
        entry.stops.set(
          sub.id,
          this.tails.subscribe(w.topic, (topic, messages, reset) =>
            sub.send('tail:messages', { topic, messages, reset }),
          ),
        );
        return;
      case 'alerts':
        sub.send('alerts:state', this.alerts.state());
        return;
      case 'scan':
        return;
    }
  }

  private groupPayload(groupId: string): { groupId: string; detail: GroupDetail | null } {
    return { groupId, detail: this.groups.detail(groupId) };
  }

  private groupsChanged(ids: Set<string>): void {
    for (const id of ids) {
      const entry = this.entries.get(watchKey({ kind: 'group', groupId: id }));
      if (entry) this.sendChanged(entry, 'group:detail', this.groupPayload(id));
    }
    for (const entry of this.ofKind('topic')) {
      if ([...ids].some((id) => this.groups.readsTopic(id, entry.watch.topic)))
        this.sendChanged(entry, 'topic:consumers', this.groups.topicConsumers(entry.watch.topic));
    }
  }

  private lagPoint(groupId: string, point: LagPoint): void {
    const entry = this.entries.get(watchKey({ kind: 'group', groupId }));
    for (const sub of entry?.subscribers.values() ?? []) sub.send('group:lag-point', { groupId, point });
  }

  /** Sends to every subscriber unless it is what they were all sent last. */
  private sendChanged<E extends 'group:detail' | 'topic:consumers' | 'alerts:state'>(
    entry: Entry,
    event: E,
    payload: Parameters<WatchEvents[E]>[0],
  ): void {
    const json = JSON.stringify(payload);
    if (entry.lastSent === json) return;
    entry.lastSent = json;
    const args = [payload] as Parameters<WatchEvents[E]>;
    for (const sub of entry.subscribers.values()) sub.send(event, ...args);
  }

  private ofKind<K extends Watch['kind']>(kind: K): (Entry & { watch: WatchOf<K> })[] {
    return [...this.entries.values()].filter((e): e is Entry & { watch: WatchOf<K> } => e.watch.kind === kind);
  }
}
