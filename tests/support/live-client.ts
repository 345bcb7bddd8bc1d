import { io, type Socket } from 'socket.io-client';
import type { ClusterSnapshot } from '../../lib/contract/cluster';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/contract/events';
import type { ThroughputPoint } from '../../lib/contract/metrics';
import type { GroupDetail, GroupsSnapshot, LagPoint, TopicConsumers } from '../../lib/contract/groups';
import { applyPatch } from '../../lib/cluster-patch';
import { applyGroupsPatch } from '../../lib/group-derive';
import type { ActionName, ActionPayload } from '../../lib/contract/action-schemas';
import type { ActionResult, ActionResults, LabInstance, LoadRun, ServerInfo, TailMessage } from '../../lib/contract/actions';

/** A socket.io client that keeps cluster state exactly as the browser does: snapshot, then patches. */
export class LiveClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: ClusterSnapshot | null = null;
  snapshots = 0;
  patches = 0;
  errors: { event: string; message: string }[] = [];
  throughput: ThroughputPoint[] = [];
  groupsSnapshot: GroupsSnapshot | null = null;
  detail: GroupDetail | null = null;
  lagHistory: LagPoint[] = [];
  topicConsumers: TopicConsumers | null = null;
  info: ServerInfo | null = null;
  loads: LoadRun[] = [];
  lab: LabInstance[] = [];
  /** Tail batches as they came: `reset` marks the backfill of a new watch. */
  tail: { topic: string; messages: TailMessage[]; reset: boolean }[] = [];

  constructor(url: string) {
    this.socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: true });
    this.socket.on('cluster:snapshot', (s) => {
      this.state = s;
      this.snapshots++;
    });
    this.socket.on('cluster:patch', (p) => {
      if (!this.state) return;
      this.state = applyPatch(this.state, p);
      this.patches++;
    });
    this.socket.on('action:error', (e) => this.errors.push(e));
    this.socket.on('groups:snapshot', (g) => (this.groupsSnapshot = g));
    this.socket.on('groups:patch', (p) => {
      if (this.groupsSnapshot) this.groupsSnapshot = applyGroupsPatch(this.groupsSnapshot, p);
    });
    this.socket.on('group:detail', ({ detail }) => (this.detail = detail));
    this.socket.on('group:lag-history', ({ points }) => (this.lagHistory = [...points]));
    this.socket.on('group:lag-point', ({ point }) => this.lagHistory.push(point));
    this.socket.on('topic:consumers', (c) => (this.topicConsumers = c));
    this.socket.on('metrics:throughput-history', (points) => (this.throughput = [...points]));
    this.socket.on('metrics:throughput', (point) => this.throughput.push(point));
    this.socket.on('server:info', (info) => (this.info = info));
    this.socket.on('produce:loads', (runs) => (this.loads = runs));
    this.socket.on('lab:instances', (instances) => (this.lab = instances));
    this.socket.on('tail:messages', (batch) => this.tail.push(batch));
  }

  /** Resolves with the state once `predicate` holds; rejects with the last state after the timeout. */
  async waitFor(what: string, predicate: (s: ClusterSnapshot) => boolean, timeoutMs = 30_000): Promise<ClusterSnapshot> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.state && predicate(this.state)) return this.state;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last state: ${JSON.stringify(this.state?.brokers)} ${JSON.stringify(this.state?.connection)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Group data is complete once the server has read __consumer_offsets to its end. */
  async waitForSidecarLive(timeoutMs = 60_000): Promise<void> {
    await poll('the offsets log read to its end', () => (this.groupsSnapshot?.sidecar.status === 'live' ? true : null), () => JSON.stringify(this.groupsSnapshot?.sidecar), timeoutMs);
  }

  watchGroup(groupId: string | null): void {
    this.detail = null;
    this.socket.emit('group:watch', { groupId });
  }

  watchTopic(topic: string | null): void {
    this.topicConsumers = null;
    this.socket.emit('topic:watch', { topic });
  }

  /** Resolves with the watched group's detail once `predicate` holds. */
  async waitForDetail(what: string, predicate: (d: GroupDetail) => boolean, timeoutMs = 30_000): Promise<GroupDetail> {
    return poll(what, () => (this.detail && predicate(this.detail) ? this.detail : null), () => JSON.stringify(this.detail), timeoutMs);
  }

  async waitForTopicConsumers(what: string, predicate: (c: TopicConsumers) => boolean, timeoutMs = 30_000): Promise<TopicConsumers> {
    return poll(what, () => (this.topicConsumers && predicate(this.topicConsumers) ? this.topicConsumers : null), () => JSON.stringify(this.topicConsumers), timeoutMs);
  }

  /** Runs an action over the socket, as the page does, and resolves with its answer. */
  async action<N extends ActionName>(name: N, payload: ActionPayload<N> | Record<string, unknown>): Promise<ActionResult<ActionResults[N]>> {
    const answer: ActionResult<unknown> = await this.socket.timeout(60_000).emitWithAck('action:run', { name, payload });
    return answer as ActionResult<ActionResults[N]>;
  }

  watchTail(topic: string | null): void {
    this.tail = [];
    this.socket.emit('tail:watch', { topic });
  }

  /** Every tailed message so far (backfill and live), once each, oldest first. */
  tailMessages(): TailMessage[] {
    const seen = new Map<string, TailMessage>();
    for (const batch of this.tail) for (const m of batch.messages) seen.set(`${m.partition}:${m.offset}`, m);
    return [...seen.values()].sort((a, b) => a.timestamp - b.timestamp || a.offset - b.offset);
  }

  async waitForTail(what: string, predicate: (messages: TailMessage[]) => boolean, timeoutMs = 30_000): Promise<TailMessage[]> {
    return poll(what, () => (predicate(this.tailMessages()) ? this.tailMessages() : null), () => JSON.stringify(this.tailMessages().slice(-5)), timeoutMs);
  }

  async waitForLoad(what: string, predicate: (runs: LoadRun[]) => boolean, timeoutMs = 30_000): Promise<LoadRun[]> {
    return poll(what, () => (predicate(this.loads) ? this.loads : null), () => JSON.stringify(this.loads), timeoutMs);
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
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${last().slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
