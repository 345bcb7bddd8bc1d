import { defineRequest } from '@/server/kafka/protocol/request';

// WriteTxnMarkers (API key 27) v1, flexible: what a transaction coordinator sends partition
// leaders to end a transaction, and what Kafka's Admin abortTransaction sends a leader to abort
// a hanging one (with the producer epoch and coordinator epoch DescribeProducers reported).
// One marker, one topic here: the dashboard aborts one producer's transaction on one partition.

export interface TxnMarker {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  /** false: ABORT. */
  commit: boolean;
  topic: string;
  partitions: number[];
}

export const writeTxnMarkers = defineRequest<TxnMarker, { partition: number; errorCode: number }[]>({
  name: 'WriteTxnMarkers',
  apiKey: 27,
  version: 1,
  flexible: true,
  encode(w, m) {
    w.arrayLength(1)
      .int64(m.producerId)
      .int16(m.producerEpoch)
      .int8(m.commit ? 1 : 0);
    w.arrayLength(1).string(m.topic);
    w.array(m.partitions, (pw, p) => pw.int32(p));
    w.emptyTaggedFields(); // topic
    w.int32(m.coordinatorEpoch).emptyTaggedFields(); // marker
    w.emptyTaggedFields();
  },
  decode(r) {
    const out: { partition: number; errorCode: number }[] = [];
    r.array((mr) => {
      mr.int64();
      mr.array((tr) => {
        tr.string();
        tr.array((pr) => {
          out.push({ partition: pr.int32(), errorCode: pr.int16() });
          pr.skipTaggedFields();
        });
        tr.skipTaggedFields();
      });
      mr.skipTaggedFields();
    });
    r.skipTaggedFields();
    return out;
  },
});
