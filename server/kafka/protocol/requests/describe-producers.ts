import { defineRequest } from '@/server/kafka/protocol/request';

// DescribeProducers (API key 61) v0, flexible: the active producers of partitions, as their
// leader's producer state holds them. A producer with a transaction open on the partition has
// its first offset (currentTxnStartOffset); the coordinator epoch is what WriteTxnMarkers needs.

export interface PartitionProducers {
  topic: string;
  partition: number;
  errorCode: number;
  errorMessage: string | null;
  producers: {
    producerId: number;
    producerEpoch: number;
    lastSequence: number;
    lastTimestamp: number;
    coordinatorEpoch: number;
    /** -1: no transaction open on this partition. */
    currentTxnStartOffset: number;
  }[];
}

export const describeProducers = defineRequest<
  { topics: ReadonlyMap<string, readonly number[]> },
  PartitionProducers[]
>({
  name: 'DescribeProducers',
  apiKey: 61,
  version: 0,
  flexible: true,
  encode(w, { topics }) {
    w.array([...topics], (tw, [topic, partitions]) => {
      tw.string(topic).array(partitions, (pw, p) => pw.int32(p));
      tw.emptyTaggedFields();
    });
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const out: PartitionProducers[] = [];
    r.array((tr) => {
      const topic = tr.string();
      tr.array((pr) => {
        const partition = pr.int32();
        const errorCode = pr.int16();
        const errorMessage = pr.nullableString();
        const producers = pr.array((sr) => {
          const s = {
            producerId: sr.int64(),
            producerEpoch: sr.int32(),
            lastSequence: sr.int32(),
            lastTimestamp: sr.int64(),
            coordinatorEpoch: sr.int32(),
            currentTxnStartOffset: sr.int64(),
          };
          sr.skipTaggedFields();
          return s;
        });
        pr.skipTaggedFields();
        out.push({ topic, partition, errorCode, errorMessage, producers });
      });
      tr.skipTaggedFields();
    });
    r.skipTaggedFields();
    return out;
  },
});
