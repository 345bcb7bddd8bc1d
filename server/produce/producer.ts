import { KafkaJSMetadataNotLoaded, Partitioners, type ICustomPartitioner, type Kafka, type Producer } from 'kafkajs';
import { lazyClient, type LazyClient } from '@/server/kafka/lazy-client';

// The dashboard's producers: idempotent with acks=all, so a retried batch is never written
// twice. kafkajs's idempotent default is to retry forever, which would leave a click spinning
// while Kafka is away; a bounded retry turns an outage into an answer.
//
// The bound must outlast a broker loss, or messages that could still be delivered are given
// up: a SIGKILLed leader stays the leader until the controller fences it
// (broker.session.timeout.ms, 9 s by default, 6 s on the embedded cluster), and a killed
// active controller adds an election (~2-4 s) before that. Short waits capped at 1 s keep
// the stall after the leadership moves short; 30 retries cover ~27 s.
export const PRODUCER_RETRY = { retries: 30, initialRetryTime: 100, maxRetryTime: 1_000 } as const;

export type ProducerHandle = LazyClient<Producer>;

export function producerHandle(kafka: Kafka): ProducerHandle {
  return lazyClient(() =>
    kafka.producer({
      idempotent: true,
      // One batch in flight per broker keeps each partition's order through retries.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: PRODUCER_RETRY,
      createPartitioner: knownPartitionsOnly,
    }),
  );
}

// kafkajs's typings leave out the message its error classes take.
const MetadataNotLoaded = KafkaJSMetadataNotLoaded as unknown as new (message: string) => Error;

/** Every message the dashboard sends names its partition. A producer that read the topic's
 *  metadata before "add partitions" does not know the new ones, and kafkajs would silently
 *  send nothing for them (it refreshes metadata only every 5 minutes). Raising kafkajs's own
 *  "metadata not loaded" error instead makes it refresh its metadata and retry the send
 *  (~100 ms later), before anything of it went out. */
export const knownPartitionsOnly: ICustomPartitioner = () => {
  const byKey = Partitioners.DefaultPartitioner();
  return (args) => {
    const { topic, partitionMetadata, message } = args;
    if (message.partition === undefined) return byKey(args);
    if (!partitionMetadata.some((p) => p.partitionId === message.partition)) {
      throw new MetadataNotLoaded(
        `partition ${message.partition} of ${topic} is not in the producer's metadata yet (it knows ${partitionMetadata.length})`,
      );
    }
    return message.partition;
  };
};

/** Errors after which an idempotent kafkajs producer never sends again (its sequence numbers
 *  no longer match the broker's): it must be replaced by a fresh one, with a new producer id. */
export function isBrokenProducer(e: unknown): boolean {
  for (
    let err = e as { type?: string; message?: string; cause?: unknown } | null | undefined, depth = 0;
    err && depth < 5;
    err = err.cause as typeof err, depth++
  ) {
    if (err.type && BROKEN_TYPES.has(err.type)) return true;
    if (err.message && BROKEN_MESSAGES.test(err.message)) return true;
  }
  return false;
}

const BROKEN_TYPES = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
  'INVALID_PRODUCER_ID_MAPPING',
]);
// kafkajs's non-retriable wrapper keeps only the message.
const BROKEN_MESSAGES =
  /out of order sequence number|could not locate the producer metadata|operation with an old epoch|producer id which is not currently assigned/i;
