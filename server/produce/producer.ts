import type { Kafka, Producer } from 'kafkajs';
import { lazyClient, type LazyClient } from '../kafka/lazy-client';

// The dashboard's producers: idempotent with acks=all, so a retried batch is never written
// twice. kafkajs's idempotent default is to retry forever, which would leave a click spinning
// while Kafka is away; a bounded retry turns an outage into an answer.

export type ProducerHandle = LazyClient<Producer>;

export function producerHandle(kafka: Kafka): ProducerHandle {
  return lazyClient(() =>
    kafka.producer({
      idempotent: true,
      // One batch in flight per broker keeps each partition's order through retries.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 2_000 },
    }),
  );
}
