import { defineRequest } from '@/server/kafka/protocol/request';

// ListOffsets (API key 2) v2, the first with an isolation level; Kafka 4 still serves it.
// Encoded and decoded here rather than through kafkajs: one poll round asks for the end of
// every partition of the cluster (20,000 and more), and kafkajs's generic decoder allocated
// about 1.5 KB per partition (30 MB a round), most of the server's garbage. This writes the
// request into one buffer and reads the answer in one pass, handing each partition to a callback.

/** Kafka's special timestamps; any other value asks for the first offset whose timestamp is
 *  at or after it (answered -1 when there is none). */
export const OffsetSpec = {
  /** The log start. */
  EARLIEST: -2,
  /** The log end (high watermark). */
  LATEST: -1,
} as const;
export type SpecialOffset = (typeof OffsetSpec)[keyof typeof OffsetSpec];

export const IsolationLevel = { READ_UNCOMMITTED: 0, READ_COMMITTED: 1 } as const;

const NOT_A_REPLICA = -1;

export interface ListOffsetsArgs {
  /** Partitions to ask, by topic. */
  topics: ReadonlyMap<string, readonly number[]>;
  /** One timestamp for all, or one per partition. */
  timestamp: number | ((topic: string, partition: number) => number);
  /** READ_COMMITTED makes LATEST answer the last stable offset (default: the high watermark). */
  isolationLevel?: (typeof IsolationLevel)[keyof typeof IsolationLevel];
  /** Called for every partition answered without error. */
  each(topic: string, partition: number, offset: number): void;
  /** Called for every partition answered with an error (default: left out). */
  failed?(topic: string, partition: number, errorCode: number): void;
}

export const listOffsets = defineRequest<ListOffsetsArgs, void>({
  name: 'ListOffsets',
  apiKey: 2,
  version: 2,
  flexible: false,
  sizeHint({ topics }) {
    let size = 4 + 1 + 4;
    for (const [topic, partitions] of topics) size += 2 + Buffer.byteLength(topic) + 4 + partitions.length * 12;
    return size;
  },
  encode(w, { topics, timestamp, isolationLevel = IsolationLevel.READ_UNCOMMITTED }) {
    w.int32(NOT_A_REPLICA).int8(isolationLevel).arrayLength(topics.size);
    for (const [topic, partitions] of topics) {
      w.string(topic).arrayLength(partitions.length);
      for (const p of partitions) w.int32(p).int64(typeof timestamp === 'number' ? timestamp : timestamp(topic, p));
    }
  },
  decode(r, { each, failed }) {
    r.int32(); // throttle time
    for (let t = r.arrayLength(); t > 0; t--) {
      const topic = r.string();
      for (let i = r.arrayLength(); i > 0; i--) {
        const partition = r.int32();
        const errorCode = r.int16();
        r.skip(8); // the timestamp of the offset found, unused here
        const offset = r.int64();
        if (errorCode === 0) each(topic, partition, offset);
        else failed?.(topic, partition, errorCode);
      }
    }
  },
});
