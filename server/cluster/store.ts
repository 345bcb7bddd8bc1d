import { EventEmitter } from 'node:events';
import type { ClusterSnapshot, KafkaConnection } from '../../lib/contract/cluster';
import type { ClusterPatch } from '../../lib/contract/patch';
import { diffSnapshots } from '../../lib/cluster-patch';
import type { ClusterView } from './reshape';

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
    if (!patch) return;
    this.state = candidate;
    this.emit('patch', patch);
  }

  setCluster(view: ClusterView, observedAt = Date.now()): void {
    this.commit({
      ...this.state,
      ...view,
      connection: { ...this.state.connection, status: 'connected', lastError: null, lastSuccessAt: observedAt, nextRetryAt: null },
      observedAt,
    });
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
