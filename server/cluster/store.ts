import { EventEmitter } from 'node:events';
import type { ClusterSnapshot, KafkaConnection, Topic } from '@/lib/contract/cluster';
import type { ClusterPatch } from '@/lib/contract/patch';
import { diffSnapshots } from '@/lib/cluster-patch';
import type { ClusterView } from './from-kafka';

// The server's one copy of cluster state. Every change bumps the version and emits the patch
// that leads to it; socket clients get the snapshot once, then patches.

export interface ClusterStoreEvents {
  patch: [ClusterPatch];
}

export class ClusterStore extends EventEmitter<ClusterStoreEvents> {
  private state: ClusterSnapshot;

  constructor(connection: Pick<KafkaConnection, 'brokers' | 'embedded'>) {
    super();
    this.state = {
      version: 0,
      clusterId: null,
      controllerId: null,
      quorum: null,
      brokers: [],
      topics: [],
      connection: { ...connection, status: 'connecting', lastError: null, lastSuccessAt: null, nextRetryAt: null },
      observedAt: Date.now(),
    };
  }

  snapshot(): ClusterSnapshot {
    return this.state;
  }

  private commit(next: Omit<ClusterSnapshot, 'version'>): void {
    const candidate: ClusterSnapshot = { ...next, version: this.state.version + 1 };
    const patch = diffSnapshots(this.state, candidate);
    if (!patch) {
      // Nothing a client shows changed: keep the new times (the API and new clients see
      // them), but no new version and nothing on the socket.
      this.state = { ...candidate, version: this.state.version };
      return;
    }
    this.state = candidate;
    this.emit('patch', patch);
  }

  /** A round's answer. `since`: the state the round started from; ends raised meanwhile (the
   *  watched read, a produce ack) are newer than what the round read, and are kept. */
  setCluster(view: ClusterView, observedAt = Date.now(), since?: ClusterSnapshot): void {
    const topics =
      since && since !== this.state ? keepRaised(view.topics, since.topics, this.state.topics) : view.topics;
    this.commit({
      ...this.state,
      ...view,
      topics,
      connection: {
        ...this.state.connection,
        status: 'connected',
        lastError: null,
        lastSuccessAt: observedAt,
        nextRetryAt: null,
      },
      observedAt,
    });
  }

  /** High watermarks read between rounds (watched topics, produce acks): only the partitions
   *  whose end moved forward change, and only those topics go out in the patch. Forward only:
   *  a read that left before a newer one landed must not take the end back; a real move back
   *  (a topic deleted and created again) shows with the next round. */
  raiseHighWatermarks(ends: ReadonlyMap<string, ReadonlyMap<number, number>>): void {
    let changed = false;
    const topics = this.state.topics.map((t) => {
      const update = ends.get(t.name);
      if (!update) return t;
      let moved = false;
      const partitions = t.partitions.map((p) => {
        const high = update.get(p.partition);
        if (high === undefined || p.leader < 0 || (p.high !== null && high <= p.high)) return p;
        moved = true;
        // No transaction was open at the last round: the stable offset follows the end until
        // the next round reads it again.
        const lastStable = p.lastStable !== null && p.lastStable === p.high ? high : p.lastStable;
        return { ...p, high, lastStable };
      });
      if (!moved) return t;
      changed = true;
      return { ...t, partitions };
    });
    if (changed) this.commit({ ...this.state, topics, observedAt: Date.now() });
  }

  /** Kafka did not answer: keep the last known topics to show, but claim no controller. */
  setUnreachable(error: string, nextRetryAt: number, brokers?: ClusterSnapshot['brokers']): void {
    this.commit({
      ...this.state,
      controllerId: null,
      quorum: null,
      brokers: brokers ?? this.state.brokers,
      connection: { ...this.state.connection, status: 'unreachable', lastError: error, nextRetryAt },
      observedAt: Date.now(),
    });
  }
}

/** The round's topics, with each end raised during the round (a topic object that changed
 *  since the round started: only raises write between rounds) kept where it is higher. */
function keepRaised(read: Topic[], atStart: Topic[], now: Topic[]): Topic[] {
  const before = new Map(atStart.map((t) => [t.name, t]));
  const current = new Map(now.map((t) => [t.name, t]));
  return read.map((t) => {
    const cur = current.get(t.name);
    if (!cur || cur === before.get(t.name)) return t;
    let raised = false;
    const partitions = t.partitions.map((p) => {
      const c = cur.partitions.find((x) => x.partition === p.partition);
      if (!c || c.high === null || p.leader < 0 || (p.high !== null && c.high <= p.high)) return p;
      raised = true;
      return { ...p, high: c.high };
    });
    return raised ? { ...t, partitions } : t;
  });
}
