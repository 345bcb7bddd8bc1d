import type { ClusterSnapshot, Broker, Topic } from './cluster';

/** Keyed collection changes: full replacement rows for changed keys, plus removed keys. */
export interface KeyedChanges<T, K> {
  upsert: T[];
  remove: K[];
}

/** What changed between two versions of the cluster snapshot. Fields left out did not change. */
export interface ClusterPatch {
  from: number;
  to: number;
  clusterId?: ClusterSnapshot['clusterId'];
  controllerId?: ClusterSnapshot['controllerId'];
  quorum?: ClusterSnapshot['quorum'];
  connection?: ClusterSnapshot['connection'];
  brokers?: KeyedChanges<Broker, number>;
  topics?: KeyedChanges<Topic, string>;
  observedAt: number;
}
