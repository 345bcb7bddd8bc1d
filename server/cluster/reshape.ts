import type { Broker, BrokerStatus, Partition, Quorum, Topic, TopicConfig } from '../../lib/contract/cluster';
import { compareNames } from '../../lib/cluster-patch';
import { partitionKey, type ClusterObservation, type KnownBroker, type Watermarks } from './reader';

// The one place kafkajs shapes become contract types.

export interface ClusterView {
  clusterId: string | null;
  controllerId: number | null;
  quorum: Quorum | null;
  brokers: Broker[];
  topics: Topic[];
}

export interface Previous {
  quorum: Quorum | null;
  topics: Topic[];
}

/** Every broker ever seen (or expected, for the embedded cluster) keeps a row: one that left
 *  the metadata, or that some partition names as an offline replica, is shown offline. */
export function reshapeBrokers(obs: Pick<ClusterObservation, 'metadata' | 'reachable'>, known: KnownBroker[]): Broker[] {
  const inMetadata = new Map(obs.metadata.brokers.map((b) => [b.nodeId, b]));
  const offlineReplicas = new Set<number>();
  for (const t of obs.metadata.topicMetadata) for (const p of t.partitionMetadata) for (const r of p.offlineReplicas ?? []) offlineReplicas.add(r);
  const ids = new Set([...known.map((k) => k.id), ...inMetadata.keys()]);
  const brokers: Broker[] = [];
  for (const id of ids) {
    const meta = inMetadata.get(id);
    const seen = known.find((k) => k.id === id);
    let status: BrokerStatus;
    if (!meta || offlineReplicas.has(id)) status = 'offline';
    else status = obs.reachable.has(id) ? 'online' : 'unreachable';
    brokers.push({
      id,
      host: meta?.host ?? seen?.host ?? '?',
      port: meta?.port ?? seen?.port ?? 0,
      rack: meta?.rack ?? seen?.rack ?? null,
      status,
      online: status === 'online',
    });
  }
  return brokers.sort((a, b) => a.id - b.id);
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function samePartition(a: Partition, b: Partition): boolean {
  return a.leader === b.leader && a.low === b.low && a.high === b.high && sameNumbers(a.replicas, b.replicas) && sameNumbers(a.isr, b.isr) && sameNumbers(a.offlineReplicas, b.offlineReplicas);
}

const sameConfig = (a: TopicConfig | null, b: TopicConfig | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.cleanupPolicy === b.cleanupPolicy &&
    a.retentionMs === b.retentionMs &&
    a.retentionBytes === b.retentionBytes &&
    a.maxMessageBytes === b.maxMessageBytes &&
    a.segmentMs === b.segmentMs);

function partitionRow(
  p: ClusterObservation['metadata']['topicMetadata'][number]['partitionMetadata'][number],
  marks: Watermarks | undefined,
  previous: Partition | undefined,
): Partition {
  const leader = p.leader ?? -1;
  // A partition whose read failed this round keeps its last known watermarks (and its log
  // start between the rounds that read it); one with no leader has none to read.
  const low = leader < 0 ? null : (marks?.low ?? previous?.low ?? null);
  const high = leader < 0 ? null : (marks?.high ?? previous?.high ?? null);
  const replicas = [...p.replicas];
  const isr = [...p.isr];
  const row: Partition = {
    partition: p.partitionId,
    leader,
    replicas,
    isr,
    offlineReplicas: [...(p.offlineReplicas ?? [])],
    low,
    high,
    underReplicated: isr.length < replicas.length,
    offline: leader < 0,
  };
  // An unchanged row stays the same object: the diff then skips it by identity, and the
  // state holds one copy instead of a new one per round.
  return previous && samePartition(previous, row) ? previous : row;
}

export function reshapeTopics(obs: ClusterObservation, previous: Topic[]): Topic[] {
  const before = new Map(previous.map((t) => [t.name, t]));
  return obs.metadata.topicMetadata
    // A topic still being created can answer with an error and no partitions yet.
    .filter((t) => t.partitionMetadata.length > 0)
    .map((t): Topic => {
      const prev = before.get(t.topic);
      const prevPartitions = new Map(prev?.partitions.map((p) => [p.partition, p]));
      const config: TopicConfig | null = obs.configs?.get(t.topic) ?? prev?.config ?? null;
      const partitions = t.partitionMetadata
        .map((p) => partitionRow(p, obs.watermarks.get(partitionKey(t.topic, p.partitionId)), prevPartitions.get(p.partitionId)))
        .sort((a, b) => a.partition - b.partition);
      if (prev && prev.internal === t.isInternal && sameConfig(prev.config, config) && prev.partitions.length === partitions.length && prev.partitions.every((p, i) => p === partitions[i])) {
        return prev;
      }
      return { name: t.topic, internal: t.isInternal, partitions, config: prev && sameConfig(prev.config, config) ? prev.config : config };
    })
    .sort((a, b) => compareNames(a.name, b.name));
}

export function reshapeCluster(obs: ClusterObservation, known: KnownBroker[], previous: Previous): ClusterView {
  // DescribeQuorum can fail for a moment during a controller election: keep the last answer
  // until the next round brings a new one.
  const quorum = obs.quorum ?? previous.quorum;
  return {
    clusterId: obs.metadata.clusterId ?? null,
    controllerId: quorum ? quorum.leaderId : null,
    quorum,
    brokers: reshapeBrokers(obs, known),
    topics: reshapeTopics(obs, previous.topics),
  };
}
