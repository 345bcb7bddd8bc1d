import type { Quorum, QuorumReplica } from '@/lib/contract/cluster';
import type { KafkaReader } from '@/server/kafka/protocol/codec';
import { defineRequest } from '@/server/kafka/protocol/request';

// DescribeQuorum (API key 55, v0, flexible) for the KRaft metadata partition. Brokers forward
// it to the active controller, whose answer names the quorum leader: the real active
// controller. (The Metadata response's controller id is a random live broker under KRaft.)

const METADATA_TOPIC = '__cluster_metadata';

export class QuorumError extends Error {
  constructor(readonly code: number) {
    super(`DescribeQuorum failed with error code ${code}`);
  }
}

function replica(r: KafkaReader): QuorumReplica {
  const replicaId = r.int32();
  const logEndOffset = r.int64();
  r.skipTaggedFields();
  return { replicaId, logEndOffset };
}

export const describeQuorum = defineRequest<void, Quorum>({
  name: 'DescribeQuorum',
  apiKey: 55,
  version: 0,
  flexible: true,
  encode(w) {
    w.array([METADATA_TOPIC], (tw, topic) => {
      tw.string(topic)
        .array([0], (pw, partition) => pw.int32(partition).emptyTaggedFields())
        .emptyTaggedFields();
    }).emptyTaggedFields();
  },
  decode(r) {
    const errorCode = r.int16();
    if (errorCode !== 0) throw new QuorumError(errorCode);
    const topics = r.array((tr) => {
      const name = tr.string();
      const partitions = tr.array((pr) => {
        const partitionIndex = pr.int32();
        const partitionError = pr.int16();
        const leaderId = pr.int32();
        const leaderEpoch = pr.int32();
        const highWatermark = pr.int64();
        const voters = pr.array(replica);
        const observers = pr.array(replica);
        pr.skipTaggedFields();
        return { partitionIndex, partitionError, leaderId, leaderEpoch, highWatermark, voters, observers };
      });
      tr.skipTaggedFields();
      return { name, partitions };
    });
    const p = topics.find((t) => t.name === METADATA_TOPIC)?.partitions[0];
    if (!p) throw new Error('DescribeQuorum answered without the metadata partition');
    if (p.partitionError !== 0) throw new QuorumError(p.partitionError);
    return {
      leaderId: p.leaderId,
      leaderEpoch: p.leaderEpoch,
      highWatermark: p.highWatermark,
      voters: p.voters,
      observers: p.observers,
    };
  },
});
