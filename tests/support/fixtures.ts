import type { Broker, ClusterSnapshot, Partition, Topic } from '@/lib/contract/cluster';

// Small builders for unit tests: a healthy 3-broker cluster unless told otherwise.

export function broker(id: number, over: Partial<Broker> = {}): Broker {
  return { id, host: '127.0.0.1', port: 19091 + id, rack: null, status: 'online', online: true, ...over };
}

export function partition(n: number, over: Partial<Partition> = {}): Partition {
  const leader = (n % 3) + 1;
  return {
    partition: n,
    leader,
    replicas: [1, 2, 3],
    isr: [1, 2, 3],
    offlineReplicas: [],
    low: 0,
    high: 0,
    lastStable: null,
    underReplicated: false,
    offline: false,
    ...over,
  };
}

export function topic(
  name: string,
  partitions: Partition[] = [partition(0), partition(1), partition(2)],
  internal = false,
): Topic {
  return {
    name,
    internal,
    partitions,
    config: {
      cleanupPolicy: 'delete',
      retentionMs: 604800000,
      retentionBytes: -1,
      maxMessageBytes: 1048588,
      segmentMs: 604800000,
    },
  };
}

export function snapshot(over: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    version: 1,
    clusterId: 'AAAAAAAAAAAAAAAAAAAAAA',
    controllerId: 1,
    quorum: null,
    brokers: [broker(1), broker(2), broker(3)],
    topics: [],
    connection: {
      status: 'connected',
      brokers: ['127.0.0.1:19092'],
      embedded: true,
      lastError: null,
      lastSuccessAt: 1,
      nextRetryAt: null,
    },
    observedAt: 1,
    ...over,
  };
}
