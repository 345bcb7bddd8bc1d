import type { Kafka, Producer } from 'kafkajs';

// A kafkajs producer made on first use and remade after a failed connect. Idempotent with
// acks=all: a retried batch is never written twice. kafkajs's idempotent default is to retry
// forever, which would leave a click spinning while Kafka is away; a bounded retry turns an
// outage into an answer.

export interface ProducerHandle {
  get(): Promise<Producer>;
  close(): Promise<void>;
}

export function producerHandle(kafka: Kafka): ProducerHandle {
  let pending: Promise<Producer> | null = null;
  return {
    get() {
      if (!pending) {
        const producer = kafka.producer({
          idempotent: true,
          // One batch in flight per broker keeps each partition's order through retries.
          maxInFlightRequests: 1,
          allowAutoTopicCreation: false,
          retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 2_000 },
        });
        pending = producer.connect().then(
          () => producer,
          (e: unknown) => {
            pending = null;
            throw e;
          },
        );
      }
      return pending;
    },
    async close() {
      const p = pending;
      pending = null;
      if (p) await p.then((producer) => producer.disconnect()).catch(() => undefined);
    },
  };
}
