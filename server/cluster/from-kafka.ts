import type { Broker, BrokerStatus, Partition, Quorum, Topic, TopicConfig } from '@/lib/contract/cluster';
import { compareNames } from '@/lib/cluster-patch';
import type { ClusterObservation, KnownBroker } from './reader';

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
export function brokersFromKafka(
  obs: Pick<ClusterObservation, 'metadata' | 'reachable'>,
  known: KnownBroker[],
): Broker[] {
  const inMetadata = new Map(obs.metadata.brokers.map((b) => [b.nodeId, b]));
  const offlineReplicas = new Set<number>();
  for (const t of obs.metadata.topicMetadata)
    for (const p of t.partitionMetadata) for (const r of p.offlineReplicas ?? []) offlineReplicas.add(r);
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

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

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
  marks: { low: number | undefined; high: number | undefined; stable: number | undefined },
  previous: Partition | undefined,
): Partition {
  const leader = p.leader ?? -1;
  // A partition whose read failed this round keeps its last known watermarks (and its log
  // start between the rounds that read it); one with no leader has none to read.
  const low = leader < 0 ? null : (marks.low ?? previous?.low ?? null);
  const high = leader < 0 ? null : (marks.high ?? previous?.high ?? null);
  // Read after the end: a partition without an open transaction may have grown in between.
  const stable = marks.stable ?? previous?.lastStable ?? null;
  const lastStable = leader < 0 || stable === null ? null : high === null ? stable : Math.min(stable, high);
  const offlineReplicas = p.offlineReplicas ?? [];
  // An unchanged row stays the same object, checked before building a new one: the diff then
  // skips it by identity, the state holds one copy, and a round of 20,000 partitions leaves
  // next to no garbage.
  if (
    previous &&
    previous.leader === leader &&
    previous.low === low &&
    previous.high === high &&
    previous.lastStable === lastStable &&
    sameNumbers(previous.replicas, p.replicas) &&
    sameNumbers(previous.isr, p.isr) &&
    sameNumbers(previous.offlineReplicas, offlineReplicas)
  ) {
    return previous;
  }
  return {
    partition: p.partitionId,
    leader,
    replicas: [...p.replicas],
    isr: [...p.isr],
    offlineReplicas: [...offlineReplicas],
    low,
    high,
    lastStable,
    underReplicated: p.isr.length < p.replicas.length,
    offline: leader < 0,
  };
}

export function topicsFromKafka(obs: ClusterObservation, previous: Topic[]): Topic[] {
  const before = new Map(previous.map((t) => [t.name, t]));
  return (
    obs.metadata.topicMetadata
      // A topic still being created can answer with an error and no partitions yet.
      .filter((t) => t.partitionMetadata.length > 0)
      .map((t): Topic => {
        const prev = before.get(t.topic);
        // Partitions are sorted by number from 0, so the index is the usual place to find one.
        const prevPartition = (n: number) => {
          const at = prev?.partitions[n];
          return at?.partition === n ? at : prev?.partitions.find((x) => x.partition === n);
        };
        const config: TopicConfig | null = obs.configs?.get(t.topic) ?? prev?.config ?? null;
        const ends = obs.watermarks.ends.get(t.topic);
        const starts = obs.watermarks.starts.get(t.topic);
        const stable = obs.watermarks.stable.get(t.topic);
        const partitions = t.partitionMetadata
          .map((p) =>
            partitionRow(
              p,
              { low: starts?.get(p.partitionId), high: ends?.get(p.partitionId), stable: stable?.get(p.partitionId) },
              prevPartition(p.partitionId),
            ),
          )
          .sort((a, b) => a.partition - b.partition);
        if (
          prev &&
          prev.internal === t.isInternal &&
          sameConfig(prev.config, config) &&
          prev.partitions.length === partitions.length &&
          prev.partitions.every((p, i) => p === partitions[i])
        ) {
          return prev;
        }
        return {
          name: t.topic,
          internal: t.isInternal,
          partitions,
          config: prev && sameConfig(prev.config, config) ? prev.config : config,
        };
      })
      .sort((a, b) => compareNames(a.name, b.name))
  );
}

export function clusterFromKafka(obs: ClusterObservation, known: KnownBroker[], previous: Previous): ClusterView {
  // DescribeQuorum can fail for a moment during a controller election: keep the last answer
  // until the next round brings a new one.
  const quorum = obs.quorum ?? previous.quorum;
  return {
    clusterId: obs.metadata.clusterId ?? null,
    controllerId: quorum ? quorum.leaderId : null,
    quorum,
    brokers: brokersFromKafka(obs, known),
    topics: topicsFromKafka(obs, previous.topics),
  };
}
