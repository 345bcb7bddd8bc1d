import type { Quorum, QuorumReplica } from '../../lib/contract/cluster';
import { WireReader, WireWriter } from '../kafka/wire-codec';

// DescribeQuorum (API key 55, v0) for the KRaft metadata partition. Brokers forward it to the
// active controller, whose answer names the quorum leader: the real active controller.
// (The Metadata response's controller id is a random live broker under KRaft.)

export const DESCRIBE_QUORUM_API_KEY = 55;
const METADATA_TOPIC = '__cluster_metadata';

export function encodeDescribeQuorumRequest(): Buffer {
  // kafkajs writes request header v1; a flexible request needs header v2, which only adds
  // empty tagged fields after the client id, so the body begins with them.
  return new WireWriter()
    .emptyTaggedFields()
    .compactArray([METADATA_TOPIC], (w, topic) => {
      w.compactString(topic)
        .compactArray([0], (pw, partition) => pw.int32(partition).emptyTaggedFields())
        .emptyTaggedFields();
    })
    .emptyTaggedFields()
    .toBuffer();
}

export class QuorumError extends Error {
  constructor(readonly code: number) {
    super(`DescribeQuorum failed with error code ${code}`);
  }
}

function replica(r: WireReader): QuorumReplica {
  const replicaId = r.int32();
  const logEndOffset = r.int64();
  r.skipTaggedFields();
  return { replicaId, logEndOffset };
}

/** Decodes a v0 response body (after the correlation id kafkajs has already read). */
export function decodeDescribeQuorumResponse(payload: Buffer): Quorum {
  const r = new WireReader(payload);
  r.skipTaggedFields(); // response header v1
  const errorCode = r.int16();
  if (errorCode !== 0) throw new QuorumError(errorCode);
  const topics = r.compactArray((tr) => {
    const name = tr.compactString();
    const partitions = tr.compactArray((pr) => {
      const partitionIndex = pr.int32();
      const partitionError = pr.int16();
      const leaderId = pr.int32();
      const leaderEpoch = pr.int32();
      const highWatermark = pr.int64();
      const voters = pr.compactArray(replica);
      const observers = pr.compactArray(replica);
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
}
