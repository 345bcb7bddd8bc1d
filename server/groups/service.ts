import { compareNames } from '../../lib/cluster-patch';
import { EventEmitter } from 'node:events';
import type { ClusterSnapshot, Topic } from '../../lib/contract/cluster';
import type { GroupDetail, GroupSummary, GroupsPatch, GroupsSnapshot, LagPoint, PartitionLag, SidecarState, TopicConsumers } from '../../lib/contract/groups';
import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from '../cluster/store';
import { describeAllGroups } from './live-state';
import { LagHistory } from './lag-history';
import { OFFSETS_TOPIC, OffsetsReader } from './offsets-reader';
import { GroupRegistry, type GroupEntry } from './registry';
import { detail, groupOffsets, summarize, topicConsumers } from './view';

// Consumer groups for the whole server: the offsets-log reader and the per-round describe feed
// one registry; this turns it into versioned summary patches (only changed groups go out) and
// tells the socket layer which groups changed, so watched details are pushed at once.

export interface GroupsEvents {
  patch: [GroupsPatch];
  /** Groups whose detail may have changed since the last flush. */
  changed: [Set<string>];
  'lag-point': [string, LagPoint];
}

// Commits arrive in bursts (one record per partition): coalesce them into one push.
const FLUSH_DELAY_MS = 50;

export class GroupsService extends EventEmitter<GroupsEvents> {
  readonly registry = new GroupRegistry();
  readonly history = new LagHistory();
  private readonly reader: OffsetsReader;
  private summaries = new Map<string, GroupSummary>();
  private version = 0;
  private sidecar: SidecarState;
  private sidecarChanged = false;
  private dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private topics = new Map<string, Topic>();
  private leaders = new Map<number, number>();

  constructor(
    private readonly clients: KafkaClients,
    private readonly cluster: ClusterStore,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    super();
    this.reader = new OffsetsReader(clients.offsetsWire, {
      leaders: () => this.leaders,
      onRecord: (record, meta) => {
        if (record.kind !== 'skipped') this.markDirty(this.registry.applyRecord(record, meta));
      },
      onState: (state) => {
        this.sidecar = state;
        this.sidecarChanged = true;
        this.scheduleFlush();
      },
      log,
    });
    this.sidecar = this.reader.current();
    this.useCluster(cluster.snapshot());
  }

  start(): void {
    this.reader.start();
  }

  async stop(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.reader.stop();
  }

  private useCluster(snapshot: ClusterSnapshot): void {
    this.topics = new Map(snapshot.topics.map((t) => [t.name, t]));
    const offsetsTopic = this.topics.get(OFFSETS_TOPIC);
    this.leaders = new Map((offsetsTopic?.partitions ?? []).map((p) => [p.partition, p.leader]));
  }

  /** Runs inside the cluster poller's round, after the cluster state is stored: new
   *  watermarks mean new lag for every group, and live states are asked on the same pass. */
  async afterRound(): Promise<void> {
    const snapshot = this.cluster.snapshot();
    this.useCluster(snapshot);
    const online = snapshot.brokers.filter((b) => b.status === 'online').map((b) => b.id);
    for (const answer of await describeAllGroups(this.clients.wire, online)) {
      for (const id of this.registry.applyDescribed(answer.broker, answer.groups, answer.sentAt)) this.dirty.add(id);
    }
    const at = Date.now();
    for (const e of this.registry.groups.values()) {
      this.emit('lag-point', e.groupId, this.history.record(e.groupId, this.offsetsOf(e), at));
      this.dirty.add(e.groupId);
    }
    this.flush();
  }

  private markDirty(groupId: string): void {
    this.dirty.add(groupId);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const upsert: GroupSummary[] = [];
    const remove: string[] = [];
    const changed = new Set<string>();
    for (const id of this.dirty) {
      const e = this.registry.groups.get(id);
      const before = this.summaries.get(id);
      changed.add(id);
      if (!e) {
        if (before) remove.push(id);
        this.summaries.delete(id);
        this.history.forget(id);
        continue;
      }
      const next = summarize(e, this.offsetsOf(e), this.history.rates(id), this.coordinatorOf(e));
      if (!before || JSON.stringify(before) !== JSON.stringify(next)) {
        this.summaries.set(id, next);
        upsert.push(next);
      }
    }
    this.dirty.clear();
    if (upsert.length > 0 || remove.length > 0 || this.sidecarChanged) {
      const patch: GroupsPatch = { from: this.version, to: this.version + 1, upsert, remove };
      if (this.sidecarChanged) patch.sidecar = this.sidecar;
      this.sidecarChanged = false;
      this.version++;
      this.emit('patch', patch);
    }
    if (changed.size > 0) this.emit('changed', changed);
  }

  private offsetsOf(e: GroupEntry): PartitionLag[] {
    return groupOffsets(e, this.topics);
  }

  private coordinatorOf(e: GroupEntry): number | null {
    if (e.describedBy !== null) return e.describedBy;
    const leader = e.logPartition === null ? undefined : this.leaders.get(e.logPartition);
    return leader !== undefined && leader >= 0 ? leader : null;
  }

  snapshot(): GroupsSnapshot {
    return { version: this.version, groups: this.list(), sidecar: this.sidecar };
  }

  list(): GroupSummary[] {
    return [...this.summaries.values()].sort((a, b) => compareNames(a.groupId, b.groupId));
  }

  detail(groupId: string): GroupDetail | null {
    const e = this.registry.groups.get(groupId);
    return e ? detail(e, this.offsetsOf(e), this.history.rates(groupId), this.coordinatorOf(e)) : null;
  }

  lagHistory(groupId: string): LagPoint[] {
    return this.history.history(groupId);
  }

  /** Groups whose offsets include this topic. */
  readsTopic(groupId: string, topic: string): boolean {
    return this.summaries.get(groupId)?.topics.includes(topic) ?? false;
  }

  topicConsumers(topic: string): TopicConsumers {
    const groups = [...this.registry.groups.values()].filter((e) => this.readsTopic(e.groupId, topic)).map((entry) => ({ entry, offsets: this.offsetsOf(entry) }));
    return topicConsumers(topic, groups);
  }
}
