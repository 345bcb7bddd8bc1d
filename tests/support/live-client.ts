import { io, type Socket } from 'socket.io-client';
import type { ClusterSnapshot } from '@/lib/contract/cluster';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/contract/events';
import type { ThroughputPoint } from '@/lib/contract/metrics';
import type { GroupDetail, GroupsSnapshot, LagPoint, TopicConsumers } from '@/lib/contract/groups';
import type { SharedWatch as Watch, SharedWatchKind as WatchKind } from '@/lib/contract/watch';
import type { AlertsState } from '@/lib/contract/alerts';
import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import type {
  ActionResult,
  ActionResults,
  LabInstance,
  LoadRun,
  ServerInfo,
  TailMessage,
} from '@/lib/contract/actions';
import { applyLiveEvent, initialLiveState, LIVE_EVENTS, type LiveState } from '@/lib/store/live-events';
import { addWatch, heldWatches, removeWatch, viewOf } from '@/lib/store/watch-slice';
import { cancelScan, scansLost, scanStateOf, startScan, type ScanState } from '@/lib/store/scan-slice';
import type { BrowseQueryInput } from '@/lib/contract/browse';

/** One scan event as it came, for order and timing checks. */
export interface ScanLogEntry {
  event: 'scan:progress' | 'scan:matches' | 'scan:end';
  scanId: string;
  at: number;
  /** scan:matches: the offsets found, as partition:offset. */
  found?: string[];
  /** scan:progress: the server's time since the scan started (arrival times can bunch up). */
  elapsedMs?: number;
}

/** A socket.io client that keeps state exactly as the browser does: every event goes through
 *  the browser's own event → state functions (lib/store/live-events.ts). */
export class LiveClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  live: LiveState = initialLiveState;
  snapshots = 0;
  patches = 0;
  /** Every refusal, in order (the page keeps only the last). */
  errors: { event: string; message: string }[] = [];
  /** Tail batches as they came: `reset` marks the backfill of a new watch. */
  tail: { topic: string; messages: TailMessage[]; reset: boolean }[] = [];
  /** Every scan event, in order. */
  scanLog: ScanLogEntry[] = [];

  constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: true });
    const on = this.socket as unknown as { on(event: string, listener: (payload: never) => void): void };
    for (const event of LIVE_EVENTS) {
      on.on(event, (payload) => {
        const { state, resync } = applyLiveEvent(this.live, event, payload);
        this.live = state;
        if (resync) this.socket.emit(resync.event, { reason: resync.reason });
      });
    }
    this.socket.on('connect', () => {
      for (const watch of heldWatches(this.live)) this.socket.emit('watch', watch);
    });
    this.socket.on('cluster:snapshot', () => this.snapshots++);
    this.socket.on('cluster:patch', () => this.patches++);
    this.socket.on('action:error', (e) => this.errors.push(e));
    this.socket.on('tail:messages', (batch) => this.tail.push(batch));
    this.socket.on('scan:progress', (e) =>
      this.scanLog.push({ event: 'scan:progress', scanId: e.scanId, at: Date.now(), elapsedMs: e.elapsedMs }),
    );
    this.socket.on('scan:matches', (e) =>
      this.scanLog.push({
        event: 'scan:matches',
        scanId: e.scanId,
        at: Date.now(),
        found: e.messages.map((m) => `${m.partition}:${m.offset}`),
      }),
    );
    this.socket.on('scan:end', (e) => this.scanLog.push({ event: 'scan:end', scanId: e.scanId, at: Date.now() }));
    // As the page: the server ended this connection's scans with it.
    this.socket.on('disconnect', () => (this.live = scansLost(this.live, 'connection dropped')));
  }

  get state(): ClusterSnapshot | null {
    return this.live.cluster;
  }
  get groupsSnapshot(): GroupsSnapshot | null {
    return this.live.groups;
  }
  get throughput(): ThroughputPoint[] {
    return this.live.throughput;
  }
  get info(): ServerInfo | null {
    return this.live.serverInfo;
  }
  get loads(): LoadRun[] {
    return this.live.loads;
  }
  get lab(): LabInstance[] {
    return this.live.labInstances;
  }
  /** The watched group's detail; null until it came, or when there is no such group. */
  get detail(): GroupDetail | null {
    const w = this.held('group');
    return (w && viewOf(this.live, w)?.detail) ?? null;
  }
  get lagHistory(): LagPoint[] {
    const w = this.held('group');
    return (w && viewOf(this.live, w)?.lagHistory) ?? [];
  }
  get topicConsumers(): TopicConsumers | null {
    const w = this.held('topic');
    return (w && viewOf(this.live, w)?.consumers) ?? null;
  }

  /** Resolves with the state once `predicate` holds; rejects with the last state after the timeout. */
  async waitFor(
    what: string,
    predicate: (s: ClusterSnapshot) => boolean,
    timeoutMs = 30_000,
  ): Promise<ClusterSnapshot> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.state && predicate(this.state)) return this.state;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${what}; last state: ${JSON.stringify(this.state?.brokers)} ${JSON.stringify(this.state?.connection)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Group data is complete once the server has read __consumer_offsets to its end. */
  async waitForOffsetsLogLive(timeoutMs = 60_000): Promise<void> {
    await poll(
      'the offsets log read to its end',
      () => (this.groupsSnapshot?.offsetsLog.status === 'live' ? true : null),
      () => JSON.stringify(this.groupsSnapshot?.offsetsLog),
      timeoutMs,
    );
  }

  /** Watches one group, instead of the one before (null: none). Watching the same one again
   *  starts afresh, as a page that navigates back to it does. */
  watchGroup(groupId: string | null): void {
    this.watchOne('group', groupId === null ? null : { kind: 'group', groupId });
  }

  watchTopic(topic: string | null): void {
    this.watchOne('topic', topic === null ? null : { kind: 'topic', topic });
  }

  /** Resolves with the watched group's detail once `predicate` holds. */
  async waitForDetail(what: string, predicate: (d: GroupDetail) => boolean, timeoutMs = 30_000): Promise<GroupDetail> {
    return poll(
      what,
      () => (this.detail && predicate(this.detail) ? this.detail : null),
      () => JSON.stringify(this.detail),
      timeoutMs,
    );
  }

  async waitForTopicConsumers(
    what: string,
    predicate: (c: TopicConsumers) => boolean,
    timeoutMs = 30_000,
  ): Promise<TopicConsumers> {
    return poll(
      what,
      () => (this.topicConsumers && predicate(this.topicConsumers) ? this.topicConsumers : null),
      () => JSON.stringify(this.topicConsumers),
      timeoutMs,
    );
  }

  /** Runs an action over the socket, as the page does, and resolves with its answer. */
  async action<N extends ActionName>(
    name: N,
    payload: ActionPayload<N> | Record<string, unknown>,
  ): Promise<ActionResult<ActionResults[N]>> {
    const answer: ActionResult<unknown> = await this.socket
      .timeout(60_000)
      .emitWithAck('action:run', { name, payload });
    return answer as ActionResult<ActionResults[N]>;
  }

  watchTail(topic: string | null): void {
    this.tail = [];
    this.watchOne('tail', topic === null ? null : { kind: 'tail', topic });
  }

  /** Follows the alert rules and what fires (the /alerts page's watch). */
  watchAlerts(on: boolean): void {
    this.watchOne('alerts', on ? { kind: 'alerts' } : null);
  }

  get alerts(): AlertsState | null {
    const w = this.held('alerts');
    return (w && viewOf(this.live, w)?.state) ?? null;
  }

  /** The watch of this kind held now; the client holds at most one per kind. */
  private held<K extends WatchKind>(kind: K): Extract<Watch, { kind: K }> | null {
    return (heldWatches(this.live).find((w) => w.kind === kind) as Extract<Watch, { kind: K }> | undefined) ?? null;
  }

  private watchOne(kind: WatchKind, watch: Watch | null): void {
    const before = this.held(kind);
    if (before) {
      const { state, last } = removeWatch(this.live, before);
      this.live = state;
      if (last) this.socket.emit('unwatch', before);
    }
    if (!watch) return;
    const { state, first } = addWatch(this.live, watch);
    this.live = state;
    if (first) this.socket.emit('watch', watch);
  }

  /** Starts a live scan as useScan does; returns its scanId. */
  startScan(topic: string, query: BrowseQueryInput, scanId = `scan-${Math.random().toString(36).slice(2)}`): string {
    this.live = startScan(this.live, scanId, topic, query);
    this.socket.emit('watch', { kind: 'scan', scanId, topic, query });
    return scanId;
  }

  /** Cancels it as useScan does: unwatch, and the page says it was cancelled. */
  cancelScan(scanId: string, topic: string): void {
    this.socket.emit('unwatch', { kind: 'scan', scanId, topic, query: { from: { position: 'oldest' } } });
    this.live = cancelScan(this.live, scanId);
  }

  scan(scanId: string): ScanState {
    return scanStateOf(this.live, scanId);
  }

  async waitForScan(scanId: string, predicate: (s: ScanState) => boolean, timeoutMs = 60_000): Promise<ScanState> {
    return poll(
      `scan ${scanId}`,
      () => (predicate(this.scan(scanId)) ? this.scan(scanId) : null),
      () => JSON.stringify({ ...this.scan(scanId), matches: this.scan(scanId).matches.length }),
      timeoutMs,
    );
  }

  /** Every tailed message so far (backfill and live), once each, oldest first. */
  tailMessages(): TailMessage[] {
    const seen = new Map<string, TailMessage>();
    for (const batch of this.tail) for (const m of batch.messages) seen.set(`${m.partition}:${m.offset}`, m);
    return [...seen.values()].sort((a, b) => a.timestamp - b.timestamp || a.offset - b.offset);
  }

  async waitForTail(
    what: string,
    predicate: (messages: TailMessage[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<TailMessage[]> {
    return poll(
      what,
      () => (predicate(this.tailMessages()) ? this.tailMessages() : null),
      () => JSON.stringify(this.tailMessages().slice(-5)),
      timeoutMs,
    );
  }

  async waitForLoad(what: string, predicate: (runs: LoadRun[]) => boolean, timeoutMs = 30_000): Promise<LoadRun[]> {
    return poll(
      what,
      () => (predicate(this.loads) ? this.loads : null),
      () => JSON.stringify(this.loads),
      timeoutMs,
    );
  }

  close(): void {
    this.socket.close();
  }
}

async function poll<T>(what: string, get: () => T | null, last: () => string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== null) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last().slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
