import type { Consumer } from 'kafkajs';
import { testKafka } from './kafka';

// Real kafkajs group members for tests, tuned to notice rebalances within a second.

export interface TestMember {
  consumer: Consumer;
  clientId: string;
  consumed(): number;
  memberId(): string | null;
  /** Graceful: LeaveGroup, so the group rebalances at once. */
  stop(): Promise<void>;
}

export async function startMember(
  groupId: string,
  topics: string[],
  opts: { clientId?: string; fromBeginning?: boolean } = {},
): Promise<TestMember> {
  const clientId = opts.clientId ?? `member-${Math.random().toString(16).slice(2, 8)}`;
  const consumer = testKafka(clientId).consumer({
    groupId,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 500,
    rebalanceTimeout: 10_000,
  });
  let consumed = 0;
  let memberId: string | null = null;
  consumer.on(consumer.events.GROUP_JOIN, (e) => (memberId = e.payload.memberId));
  await consumer.connect();
  for (const topic of topics) await subscribeWhenKnown(consumer, topic, opts.fromBeginning ?? true);
  await consumer.run({
    autoCommitInterval: 200,
    eachMessage: async () => {
      consumed++;
    },
  });
  let stopped = false;
  return {
    consumer,
    clientId,
    consumed: () => consumed,
    memberId: () => memberId,
    async stop() {
      if (stopped) return;
      stopped = true;
      await consumer.disconnect().catch(() => undefined);
    },
  };
}

/** KRaft brokers learn of a new topic a moment apart: a subscribe that asks one that has not
 *  yet fails with "does not host this topic-partition". Ask again briefly. */
async function subscribeWhenKnown(consumer: Consumer, topic: string, fromBeginning: boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await consumer.subscribe({ topic, fromBeginning });
    } catch (e) {
      if (attempt >= 10 || (e as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

export async function produce(
  topic: string,
  messages: { key?: string; value: string; partition?: number }[],
): Promise<void> {
  // Idempotent: kafkajs retries a whole send when one partition's leader is not known yet
  // (a topic created a moment ago), which would write the other partitions twice.
  const producer = testKafka().producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}
