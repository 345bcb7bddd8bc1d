import { EventEmitter } from 'node:events';
import { groupOrder } from '@/lib/groups-patch';
import { partitionKey } from '@/lib/contract/cluster';
import { recordKeyed } from '@/lib/keyed-patch';
import { sameApartFromClock } from '@/lib/lag/aging';
import type { ClusterSnapshot, Topic } from '@/lib/contract/cluster';
import type {
  GroupDetail,
  GroupSummary,
  GroupsPatch,
  GroupsSnapshot,
  LagPoint,
  PartitionLag,
  OffsetsLogState,
  TopicConsumers,
} from '@/lib/contract/groups';
import type { GroupVerdict } from '@/lib/contract/lag';
import { evaluateGroup } from '@/lib/lag/verdict';
import { DEFAULT_VERDICT_CONFIG, type VerdictConfig } from '@/lib/lag/verdict-config';
import { VerdictHistory } from '@/server/lag/verdict-history';
import { RecordTimes } from '@/server/lag/record-times';
import type { KafkaClients } from '@/server/kafka/client';
import type { ClusterStore } from '@/server/cluster/store';
import { brokerOf } from '@/server/kafka/connections';
import { send, topicIds } from '@/server/kafka/protocol';
import { describeAllGroups } from './live-state';
import { TopicIdNames } from './topic-id-names';
import { LagHistory } from './lag-history';
import { LogEnds, stamp } from './log-ends';
import { OFFSETS_TOPIC, OffsetsLogReader } from './offsets-log-reader';
import { GroupRegistry, type GroupEntry } from './registry';
import { detail, groupOffsets, oldestUnreadOffset, summarize, topicConsumers } from './view';

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
  readonly verdictHistory: VerdictHistory;
  private verdicts = new Map<string, GroupVerdict>();
  /** Time the last round spent judging every group (ms): the verdicts' cost figure. */
  verdictMs = 0;
  private readonly reader: OffsetsLogReader;
  private summaries = new Map<string, GroupSummary>();
  /** Each group's row as last sent in a patch: a newer one only differing by the clock is not
   *  sent (lib/lag/aging.ts), while `summaries` keeps the newest for the API and /metrics. */
  private sent = new Map<string, GroupSummary>();
  private version = 0;
  private offsetsLog: OffsetsLogState;
  private offsetsLogChanged = false;
  private dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private topics = new Map<string, Topic>();
  private leaders = new Map<number, number>();
  private readonly ends: LogEnds;
  /** Timestamps of the oldest unread records, for lag in seconds. */
  readonly recordTimes: RecordTimes;
  private closed = false;
  /** Names for the topic ids of consumer, share and streams group records. */
  readonly topicIdNames: TopicIdNames;
  /** Stamp taken as the last round ended: the next round's ends were read after it. */
  private roundStamp = 0;

  constructor(
    private readonly clients: KafkaClients,
    private readonly cluster: ClusterStore,
    log: (line: string) => void = () => undefined,
    readonly verdictConfig: VerdictConfig = DEFAULT_VERDICT_CONFIG,
  ) {
    super();
    this.verdictHistory = new VerdictHistory(verdictConfig.windowMs);
    this.reader = new OffsetsLogReader(clients.offsetsLogConnections, {
      leaders: () => this.leaders,
      onRecord: (record, meta) => {
        if (record.kind === 'skipped') return;
        this.markDirty(this.registry.applyRecord(record, meta));
        if (record.kind === 'offset' && record.value !== null) this.ends.want(record.topic, record.partition);
      },
      onState: (state) => {
        this.offsetsLog = state;
        this.offsetsLogChanged = true;
        this.scheduleFlush();
      },
      log,
    });
    this.offsetsLog = this.reader.current();
    this.ends = new LogEnds(clients.pollConnections, {
      leader: (topic, partition) => this.topics.get(topic)?.partitions.find((p) => p.partition === partition)?.leader,
      onRead: (keys) => this.pair(keys),
    });
    this.recordTimes = new RecordTimes(clients.pollConnections, {
      topics: () => this.topics,
      logStart: (topic, partition) => this.ends.get(partitionKey(topic, partition))?.start ?? 0,
    });
    this.topicIdNames = new TopicIdNames(async () => {
      const online = this.cluster.snapshot().brokers.find((b) => b.status === 'online');
      if (!online) return new Map();
      return send(await brokerOf(clients.pollConnections, online.id), topicIds, {});
    });
    this.useCluster(cluster.snapshot());
  }

  start(): void {
    this.reader.start();
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.recordTimes.close();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.ends.stop();
    await this.reader.stop();
  }

  private useCluster(snapshot: ClusterSnapshot): void {
    const before = this.topics;
    this.topics = new Map(snapshot.topics.map((t) => [t.name, t]));
    for (const name of before.keys()) if (!this.topics.has(name)) this.recordTimes.forgetTopic(name);
    const offsetsTopic = this.topics.get(OFFSETS_TOPIC);
    this.leaders = new Map((offsetsTopic?.partitions ?? []).map((p) => [p.partition, p.leader]));
  }

  /** Runs inside the cluster poller's round, after the cluster state is stored: new
   *  watermarks mean new lag for every group, and live states are asked on the same pass. */
  async afterRound(): Promise<void> {
    const snapshot = this.cluster.snapshot();
    this.useCluster(snapshot);
    this.offerRound(snapshot, this.roundStamp);
    const online = snapshot.brokers.filter((b) => b.status === 'online').map((b) => b.id);
    for (const answer of await describeAllGroups(this.clients.pollConnections, online)) {
      for (const id of this.registry.applyDescribed(answer.broker, answer.groups, answer.sentAt)) this.dirty.add(id);
    }
    if (this.closed) return;
    const renamed = await this.topicIdNames.refresh([...this.topics.keys()]).catch(() => false);
    // The dashboard may have closed while this round waited: a closed connection set would
    // reconnect for the reads below, and keep the process alive.
    if (this.closed) return;
    if (renamed) for (const e of this.registry.groups.values()) if (e.timeline) this.dirty.add(e.groupId);
    const at = Date.now();
    let judging = 0;
    const asking = new Set<string>();
    for (const e of this.registry.groups.values()) {
      const offsets = this.offsetsOf(e);
      if (this.askRecordTimes(offsets)) asking.add(e.groupId);
      this.emit('lag-point', e.groupId, this.history.record(e.groupId, offsets, at));
      const started = performance.now();
      this.judge(e, offsets, at);
      judging += performance.now() - started;
      this.dirty.add(e.groupId);
    }
    this.verdictMs = judging;
    // Reads in the background: the next round (or flush) shows the ages they bring.
    if (asking.size > 0) void this.recordTimes.readAsked().then(() => asking.forEach((id) => this.markDirty(id)));
    this.flush();
    this.roundStamp = stamp();
  }

  /** Partitions behind whose oldest unread record's time is not known yet: ask for it. */
  private askRecordTimes(offsets: PartitionLag[]): boolean {
    let asked = false;
    for (const o of offsets) {
      if (o.committed === null || !o.lag || o.lagAge.seconds !== null) continue;
      this.recordTimes.ask(o.topic, o.partition, oldestUnreadOffset(o.committed, o.logStart));
      asked = true;
    }
    return asked;
  }

  /** Samples this round and judges the group against its history (lib/lag/verdict.ts). Share
   *  groups commit no offsets: there is nothing to judge. */
  private judge(e: GroupEntry, offsets: PartitionLag[], at: number): void {
    if (e.type === 'share') return;
    this.verdictHistory.record(e.groupId, offsets, at);
    const members = e.state === 'Unknown' ? null : e.members.length;
    const partitions = this.verdictHistory.inputs(e.groupId, offsets);
    offsets.forEach((o, i) => {
      if (o.lagAge.seconds !== null) partitions[i].oldestUnreadAt = at - o.lagAge.seconds * 1000;
    });
    this.verdicts.set(e.groupId, evaluateGroup({ members, partitions }, at, this.verdictConfig));
  }

  /** The round's watermarks, read after the previous round ended (a round starts only then). */
  private offerRound(snapshot: ClusterSnapshot, readAt: number): void {
    const keys = new Set<string>();
    for (const t of snapshot.topics)
      for (const p of t.partitions) {
        if (p.high === null) continue;
        const key = partitionKey(t.name, p.partition);
        this.ends.offer(key, { start: p.low, end: p.high, readAt });
        keys.add(key);
      }
    this.pair(keys);
  }

  /** New ends: every commit they were read after now shows its lag from them. */
  private pair(keys: Set<string>): void {
    for (const e of this.registry.groups.values()) {
      let touched = false;
      for (const c of e.offsets.values()) {
        const key = partitionKey(c.topic, c.partition);
        const log = keys.has(key) ? this.ends.get(key) : null;
        if (!log || log.readAt < c.seenAt) continue;
        c.paired = { committed: { offset: c.offset, seenAt: c.seenAt }, log };
        touched = true;
      }
      if (touched) this.markDirty(e.groupId);
    }
  }

  private markDirty(groupId: string): void {
    if (this.closed) return;
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
    const patch: GroupsPatch = { from: this.version, to: this.version + 1, upsert: [], remove: [] };
    const changed = new Set<string>();
    for (const id of this.dirty) {
      const e = this.registry.groups.get(id);
      changed.add(id);
      if (!e) {
        this.history.forget(id);
        this.verdictHistory.forget(id);
        this.verdicts.delete(id);
      }
      const next =
        e && summarize(e, this.offsetsOf(e), this.history.rates(id), this.coordinatorOf(e), this.verdictOf(e));
      if (next) this.summaries.set(id, next);
      const sent = this.sent.get(id);
      if (next && sent && sameApartFromClock(sent, next)) continue;
      recordKeyed(this.sent, id, next, patch);
      if (!next) this.summaries.delete(id);
    }
    this.dirty.clear();
    if (patch.upsert.length > 0 || patch.remove.length > 0 || this.offsetsLogChanged) {
      if (this.offsetsLogChanged) patch.offsetsLog = this.offsetsLog;
      this.offsetsLogChanged = false;
      this.version++;
      this.emit('patch', patch);
    }
    if (changed.size > 0) this.emit('changed', changed);
  }

  private offsetsOf(e: GroupEntry): PartitionLag[] {
    return groupOffsets(
      e,
      this.topics,
      (key) => this.ends.get(key),
      (topic, partition, offset) => this.recordTimes.get(topic, partition, offset),
    );
  }

  private verdictOf(e: GroupEntry): GroupVerdict | null {
    return this.verdicts.get(e.groupId) ?? null;
  }

  private coordinatorOf(e: GroupEntry): number | null {
    if (e.describedBy !== null) return e.describedBy;
    const leader = e.logPartition === null ? undefined : this.leaders.get(e.logPartition);
    return leader !== undefined && leader >= 0 ? leader : null;
  }

  /** Offsets-log records the dashboard could not use, by reason (/metrics). */
  skippedRecords(): ReadonlyMap<string, number> {
    return this.reader.skippedByReason;
  }

  /** The group epoch of a consumer, share or streams group: the offsets log's newest, else the
   *  coordinator's last describe answer; null for classic groups. */
  groupEpoch(groupId: string): number | null {
    const e = this.registry.groups.get(groupId);
    return e?.timeline?.groupEpoch ?? e?.epochs?.groupEpoch ?? null;
  }

  snapshot(): GroupsSnapshot {
    return { version: this.version, groups: this.list(), offsetsLog: this.offsetsLog };
  }

  list(): GroupSummary[] {
    return [...this.summaries.values()].sort(groupOrder);
  }

  detail(groupId: string): GroupDetail | null {
    const e = this.registry.groups.get(groupId);
    return e
      ? detail(
          e,
          this.offsetsOf(e),
          this.history.rates(groupId),
          this.coordinatorOf(e),
          this.verdictOf(e),
          this.verdictConfig,
          this.topicIdNames.name,
        )
      : null;
  }

  /** The group's verdict from the last round, partitions included (for /metrics). */
  verdict(groupId: string): GroupVerdict | null {
    return this.verdicts.get(groupId) ?? null;
  }

  lagHistory(groupId: string): LagPoint[] {
    return this.history.history(groupId);
  }

  /** Groups whose offsets include this topic. */
  readsTopic(groupId: string, topic: string): boolean {
    return this.summaries.get(groupId)?.topics.includes(topic) ?? false;
  }

  topicConsumers(topic: string): TopicConsumers {
    const groups = [...this.registry.groups.values()]
      .filter((e) => this.readsTopic(e.groupId, topic))
      .map((entry) => ({ entry, offsets: this.offsetsOf(entry), verdict: this.verdictOf(entry) }));
    return topicConsumers(topic, groups);
  }
}
