import type { Broker, ClusterSnapshot, Topic } from './contract/cluster';
import type { ClusterPatch } from './contract/patch';
import { applyKeyed, checkFollows, diffKeyed, same } from './keyed-patch';

// The cluster snapshot's patch, with the one keyed mechanism (./keyed-patch.ts).

const brokerKey = (b: Broker) => b.id;
const topicKey = (t: Topic) => t.name;

/** The patch that turns `prev` into `next`, or null when nothing a client shows changed. */
export function diffSnapshots(prev: ClusterSnapshot, next: ClusterSnapshot): ClusterPatch | null {
  const patch: ClusterPatch = { from: prev.version, to: next.version, observedAt: next.observedAt };
  let changed = false;
  if (prev.clusterId !== next.clusterId) {
    patch.clusterId = next.clusterId;
    changed = true;
  }
  if (prev.controllerId !== next.controllerId) {
    patch.controllerId = next.controllerId;
    changed = true;
  }
  if (!same(prev.quorum, next.quorum)) {
    patch.quorum = next.quorum;
    changed = true;
  }
  // The time of the last answered round alone is no change to show: it only matters once
  // Kafka is away, and that patch carries the whole connection with it.
  if (!same({ ...prev.connection, lastSuccessAt: null }, { ...next.connection, lastSuccessAt: null })) {
    patch.connection = next.connection;
    changed = true;
  }
  const brokers = diffKeyed(prev.brokers, next.brokers, brokerKey);
  if (brokers) {
    patch.brokers = brokers;
    changed = true;
  }
  const topics = diffKeyed(prev.topics, next.topics, topicKey);
  if (topics) {
    patch.topics = topics;
    changed = true;
  }
  return changed ? patch : null;
}

// The order localeCompare gives, at a fraction of its cost per call (thousands of topic names).
const collator = new Intl.Collator();
export const compareNames = (a: string, b: string): number => collator.compare(a, b);

/** Applies a patch; throws PatchGapError when versions do not line up (the client then resyncs). */
export function applyPatch(snapshot: ClusterSnapshot, patch: ClusterPatch): ClusterSnapshot {
  checkFollows('cluster', snapshot.version, patch);
  return {
    version: patch.to,
    clusterId: patch.clusterId !== undefined ? patch.clusterId : snapshot.clusterId,
    controllerId: patch.controllerId !== undefined ? patch.controllerId : snapshot.controllerId,
    quorum: patch.quorum !== undefined ? patch.quorum : snapshot.quorum,
    connection: patch.connection ?? snapshot.connection,
    brokers: applyKeyed(snapshot.brokers, patch.brokers, brokerKey, (a, b) => a.id - b.id),
    topics: applyKeyed(snapshot.topics, patch.topics, topicKey, (a, b) => compareNames(a.name, b.name)),
    observedAt: patch.observedAt,
  };
}
