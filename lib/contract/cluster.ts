// Wire types for cluster state: what the server streams over socket.io and serves on
// /api/cluster. Screen models derive from these in lib/derive.ts; nothing here is derived.

/** `online`: in the metadata and its client port answers.
 *  `unreachable`: still in the metadata but its port refuses (killed, not yet fenced).
 *  `offline`: seen before (or expected) but gone from the metadata, or named in offline replicas. */
export type BrokerStatus = 'online' | 'unreachable' | 'offline';

export interface Broker {
  id: number;
  host: string;
  port: number;
  rack: string | null;
  status: BrokerStatus;
  online: boolean;
}

/** The KRaft metadata quorum. The Metadata response's controller field is a random live
 *  broker under KRaft, so the active controller comes from DescribeQuorum instead. */
export interface Quorum {
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
}

export interface QuorumReplica {
  replicaId: number;
  logEndOffset: number;
}

export interface Partition {
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** Log start offset; null when it could not be read (no leader, broker unreachable). */
  low: number | null;
  /** High watermark; null when it could not be read. */
  high: number | null;
  /** Last stable offset (where read_committed consumers stop): below `high` while a transaction
   *  is open on the partition; null when it could not be read. */
  lastStable: number | null;
  underReplicated: boolean;
  offline: boolean;
}

export interface TopicConfig {
  cleanupPolicy: string | null;
  retentionMs: number | null;
  retentionBytes: number | null;
  /** Largest record batch the topic accepts (max.message.bytes); a bigger message is refused. */
  maxMessageBytes: number | null;
  /** How long a segment stays active: retention and compaction never touch the active one. */
  segmentMs: number | null;
}

export interface Topic {
  name: string;
  internal: boolean;
  partitions: Partition[];
  config: TopicConfig | null;
}

export type KafkaStatus = 'connecting' | 'connected' | 'unreachable';

export interface KafkaConnection {
  status: KafkaStatus;
  /** Bootstrap servers the dashboard talks to. Never includes credentials. */
  brokers: string[];
  embedded: boolean;
  lastError: string | null;
  /** Epoch ms of the last successful poll round. */
  lastSuccessAt: number | null;
  /** Epoch ms of the next retry while unreachable. */
  nextRetryAt: number | null;
}

export interface ClusterSnapshot {
  /** Increases by one with each change; a patch applies only to its `from` version. */
  version: number;
  clusterId: string | null;
  /** Active KRaft controller (metadata quorum leader); null when unknown. */
  controllerId: number | null;
  quorum: Quorum | null;
  brokers: Broker[];
  topics: Topic[];
  connection: KafkaConnection;
  /** Epoch ms when this state was observed. */
  observedAt: number;
}

/** The one key for a partition anywhere (lag points, owner maps, list keys): `topic:partition`,
 *  unambiguous because ':' is not legal in topic names. */
export const partitionKey = (topic: string, partition: number): string => `${topic}:${partition}`;
