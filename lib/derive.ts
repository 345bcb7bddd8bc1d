import type { Broker, ClusterSnapshot, Partition, Topic } from './contract/cluster';

// Values the screens show that are computed from wire state: computed here, once, and tested.

export interface ClusterCounts {
  brokers: number;
  brokersOnline: number;
  topics: number;
  internalTopics: number;
  /** Partitions of user topics; internal topics' partitions are counted apart, as topics are. */
  partitions: number;
  internalPartitions: number;
  underReplicated: number;
  offline: number;
}

export function clusterCounts(s: Pick<ClusterSnapshot, 'brokers' | 'topics'>): ClusterCounts {
  let partitions = 0;
  let underReplicated = 0;
  let offline = 0;
  let internalTopics = 0;
  let internalPartitions = 0;
  for (const t of s.topics) {
    if (t.internal) internalTopics++;
    for (const p of t.partitions) {
      if (t.internal) internalPartitions++;
      else partitions++;
      if (p.underReplicated) underReplicated++;
      if (p.offline) offline++;
    }
  }
  return {
    brokers: s.brokers.length,
    brokersOnline: s.brokers.filter((b) => b.online).length,
    topics: s.topics.length - internalTopics,
    internalTopics,
    partitions,
    internalPartitions,
    underReplicated,
    offline,
  };
}

/** Partitions each broker currently leads, over all topics. */
export function leaderCounts(topics: Topic[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of topics) {
    for (const p of t.partitions) {
      if (p.leader >= 0) counts.set(p.leader, (counts.get(p.leader) ?? 0) + 1);
    }
  }
  return counts;
}

/** What one broker is for one partition, as the leadership map draws it. */
export type ReplicaRole = 'leader' | 'in-sync' | 'out-of-sync' | 'offline' | 'none';

export function replicaRole(p: Partition, brokerId: number): ReplicaRole {
  if (!p.replicas.includes(brokerId)) return 'none';
  if (p.offlineReplicas.includes(brokerId)) return 'offline';
  if (p.leader === brokerId) return 'leader';
  return p.isr.includes(brokerId) ? 'in-sync' : 'out-of-sync';
}

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  underReplicated: number;
  offline: number;
  /** Sum of (high - low) over partitions whose watermarks are known. */
  messages: number;
  cleanupPolicy: string | null;
}

export function topicSummary(t: Topic): TopicSummary {
  let messages = 0;
  let underReplicated = 0;
  let offline = 0;
  let replicationFactor = 0;
  for (const p of t.partitions) {
    if (p.low !== null && p.high !== null) messages += p.high - p.low;
    if (p.underReplicated) underReplicated++;
    if (p.offline) offline++;
    replicationFactor = Math.max(replicationFactor, p.replicas.length);
  }
  return {
    name: t.name,
    internal: t.internal,
    partitions: t.partitions.length,
    replicationFactor,
    underReplicated,
    offline,
    messages,
    cleanupPolicy: t.config?.cleanupPolicy ?? null,
  };
}

// Patches keep unchanged topics as the same objects, so a summary is computed once per
// version of a topic, not once per topic on every update.
const summaries = new WeakMap<Topic, TopicSummary>();

export function cachedTopicSummary(t: Topic): TopicSummary {
  let s = summaries.get(t);
  if (!s) summaries.set(t, (s = topicSummary(t)));
  return s;
}

/** Sum of high watermarks of user topics: grows by one per message produced. */
export function totalHighWatermark(topics: Topic[]): number {
  let sum = 0;
  for (const t of topics) {
    if (t.internal) continue;
    for (const p of t.partitions) sum += p.high ?? 0;
  }
  return sum;
}

export function brokerLabel(b: Pick<Broker, 'host' | 'port'>): string {
  return `${b.host}:${b.port}`;
}
