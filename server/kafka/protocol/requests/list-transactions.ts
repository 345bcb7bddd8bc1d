import { defineRequest } from '@/server/kafka/protocol/request';
import { kafkaErrorText } from '@/server/kafka/kafkajs-private';

// ListTransactions (API key 66) v1, flexible: the transactional ids one broker coordinates, with
// producer id and state. Sent to every broker (each coordinates its share of
// __transaction_state). v1 (Kafka 3.8+) adds a duration filter; -1 asks for all.

export interface ListedTransaction {
  transactionalId: string;
  producerId: number;
  state: string;
}

export class ListTransactionsError extends Error {
  constructor(readonly code: number) {
    super(`ListTransactions: ${kafkaErrorText(code)}`);
  }
}

export const listTransactions = defineRequest<{ producerIds?: number[] }, ListedTransaction[]>({
  name: 'ListTransactions',
  apiKey: 66,
  version: 1,
  flexible: true,
  encode(w, { producerIds = [] }) {
    w.arrayLength(0); // state filters: every state
    w.array(producerIds, (pw, id) => pw.int64(id));
    w.int64(-1); // duration filter: none
    w.emptyTaggedFields();
  },
  decode(r) {
    r.int32(); // throttle time
    const errorCode = r.int16();
    r.array((sr) => sr.string()); // unknown state filters: none sent
    const out = r.array((tr) => {
      const t = { transactionalId: tr.string(), producerId: tr.int64(), state: tr.string() };
      tr.skipTaggedFields();
      return t;
    });
    r.skipTaggedFields();
    if (errorCode !== 0) throw new ListTransactionsError(errorCode);
    return out;
  },
});
