import { defineRequest } from '@/server/kafka/protocol/request';

// Fetch (API key 1) v11, the version kafkajs sends too and Kafka 4 still serves; no fetch
// session (every request names its partitions). Only one topic per request, as the message
// browser reads one topic. The records of each partition stay raw bytes, a view into the
// answer: records/record-batch.ts reads them.

export interface FetchArgs {
  topic: string;
  partitions: readonly { partition: number; offset: number; maxBytes: number }[];
  /** 0 read_uncommitted, 1 read_committed. */
  isolationLevel: number;
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
}

export interface FetchedPartition {
  partition: number;
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  /** Under read_committed: transactions aborted in the records answered. */
  abortedTransactions: { producerId: number; firstOffset: number }[];
  records: Buffer | null;
}

const NOT_A_REPLICA = -1;
const NO_SESSION = 0;
/** Session epoch -1: a full fetch that opens no session. */
const FULL_FETCH = -1;
const NO_EPOCH = -1;

export const fetchRequest = defineRequest<FetchArgs, FetchedPartition[]>({
  name: 'Fetch',
  apiKey: 1,
  version: 11,
  flexible: false,
  sizeHint: ({ topic, partitions }) => 40 + Buffer.byteLength(topic) + partitions.length * 28,
  encode(w, a) {
    w.int32(NOT_A_REPLICA).int32(a.maxWaitMs).int32(a.minBytes).int32(a.maxBytes).int8(a.isolationLevel);
    w.int32(NO_SESSION).int32(FULL_FETCH);
    w.arrayLength(1).string(a.topic).arrayLength(a.partitions.length);
    for (const p of a.partitions) w.int32(p.partition).int32(NO_EPOCH).int64(p.offset).int64(-1).int32(p.maxBytes);
    w.arrayLength(0); // forgotten topics
    w.string(''); // rack id
  },
  decode(r) {
    r.int32(); // throttle time
    r.int16(); // top-level error: only for sessions, which this does not open
    r.int32(); // session id
    const out: FetchedPartition[] = [];
    for (let t = r.arrayLength(); t > 0; t--) {
      r.string();
      for (let i = r.arrayLength(); i > 0; i--) {
        const partition = r.int32();
        const errorCode = r.int16();
        const highWatermark = r.int64();
        const lastStableOffset = r.int64();
        const logStartOffset = r.int64();
        const abortedTransactions: FetchedPartition['abortedTransactions'] = [];
        const aborted = r.int32();
        for (let a = 0; a < aborted; a++) abortedTransactions.push({ producerId: r.int64(), firstOffset: r.int64() });
        r.int32(); // preferred read replica
        const records = r.bytesView();
        out.push({
          partition,
          errorCode,
          highWatermark,
          lastStableOffset,
          logStartOffset,
          abortedTransactions,
          records,
        });
      }
    }
    return out;
  },
});
