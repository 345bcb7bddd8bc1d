import { defineRequest } from '@/server/kafka/protocol/request';

// Metadata (API key 3) v6, with every per-topic and per-partition error code kept. kafkajs's
// own parse throws on the first one (say LEADER_NOT_AVAILABLE for a partition whose only
// replica is on a stopped broker), which would fail a whole poll round and show the cluster as
// unreachable; a leaderless partition is a state to show. v6 is what kafkajs 2.2.4 negotiates
// and what Kafka 4 still serves; v5 added offline replicas.

export const UNKNOWN_TOPIC_OR_PARTITION = 3;

export interface RawMetadata {
  clusterId: string | null;
  controllerId: number;
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  topicMetadata: {
    topic: string;
    isInternal: boolean;
    topicErrorCode: number;
    partitionMetadata: {
      partitionErrorCode: number;
      partitionId: number;
      leader: number;
      replicas: number[];
      isr: number[];
      offlineReplicas?: number[];
    }[];
  }[];
}

export const metadata = defineRequest<{ topics: readonly string[] }, RawMetadata>({
  name: 'Metadata',
  apiKey: 3,
  version: 6,
  flexible: false,
  encode(w, { topics }) {
    // No topics named: every topic, which is a null list (an empty one asks for none).
    if (topics.length === 0) w.arrayLength(-1);
    else w.array(topics, (tw, topic) => tw.string(topic));
    w.int8(0); // allow_auto_topic_creation: never, a dashboard creates nothing by looking
  },
  decode(r) {
    r.int32(); // throttle time
    const ints = () => r.array(() => r.int32());
    const brokers = r.array(() => ({
      nodeId: r.int32(),
      host: r.string(),
      port: r.int32(),
      rack: r.nullableString(),
    }));
    const clusterId = r.nullableString();
    const controllerId = r.int32();
    const topicMetadata = r.array(() => ({
      topicErrorCode: r.int16(),
      topic: r.string(),
      isInternal: r.int8() !== 0,
      partitionMetadata: r.array(() => ({
        partitionErrorCode: r.int16(),
        partitionId: r.int32(),
        leader: r.int32(),
        replicas: ints(),
        isr: ints(),
        offlineReplicas: ints(),
      })),
    }));
    return { clusterId, controllerId, brokers, topicMetadata };
  },
});
