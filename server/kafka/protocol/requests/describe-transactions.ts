import { defineRequest } from '@/server/kafka/protocol/request';

// DescribeTransactions (API key 65) v0, flexible: state, timeout, start time, producer id and
// epoch, and the partitions of each transactional id's current transaction. Sent to the id's
// transaction coordinator (the broker ListTransactions listed it on).

export interface DescribedTransaction {
  errorCode: number;
  transactionalId: string;
  state: string;
  timeoutMs: number;
  /** -1 when no transaction is open. */
  startTimeMs: number;
  producerId: number;
  producerEpoch: number;
  partitions: { topic: string; partitions: number[] }[];
}

export const describeTransactions = defineRequest<{ transactionalIds: string[] }, DescribedTransaction[]>({
  name: 'DescribeTransactions',
  apiKey: 65,
  version: 0,
  flexible: true,
  encode(w, { transactionalIds }) {
    w.array(transactionalIds, (iw, id) => iw.string(id));
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const out = r.array((tr): DescribedTransaction => {
      const t = {
        errorCode: tr.int16(),
        transactionalId: tr.string(),
        state: tr.string(),
        timeoutMs: tr.int32(),
        startTimeMs: tr.int64(),
        producerId: tr.int64(),
        producerEpoch: tr.int16(),
        partitions: tr.array((pr) => {
          const p = { topic: pr.string(), partitions: pr.array((ir) => ir.int32()) };
          pr.skipTaggedFields();
          return p;
        }),
      };
      tr.skipTaggedFields();
      return t;
    });
    r.skipTaggedFields();
    return out;
  },
});
