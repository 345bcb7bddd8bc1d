import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { loadConfig } from '@/server/config';
import { EmbeddedCluster } from '@/server/embedded/cluster';

// Demo traffic for screenshots and for trying the dashboard by eye: the seed scenario's
// `order.processing` topic (3 partitions, RF 3) and order events keyed by order id, read by
// `order-processing-group` scaled out to instances A and B, and by a slower second group
// (`order-audit-group`) that falls behind, so lag and independent offsets show.
// Usage: npx tsx scripts/demo-traffic.ts [seconds=60] [messagesPerSecond=20]

async function main(): Promise<void> {
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const seconds = Number(process.argv[2] ?? 60);
  const rate = Number(process.argv[3] ?? 20);
  const config = loadConfig();
  const brokers = config.kafka.brokers ?? new EmbeddedCluster(config.embedded).bootstrap;
  const kafka = new Kafka({
    clientId: process.env.KAFKA_CLIENT_ID ?? 'ecommerce-app',
    brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  if (!(await admin.listTopics()).includes('order.processing')) {
    await admin.createTopics({
      topics: [{ topic: 'order.processing', numPartitions: 3, replicationFactor: 3 }],
      waitForLeaders: false,
    });
  }
  // A topic just created is known to the controller before every broker: a consumer that
  // subscribes meanwhile fails on "does not host this topic-partition". Wait for leaders.
  for (let tries = 0; ; tries++) {
    const { topics } = await admin
      .fetchTopicMetadata({ topics: ['order.processing'] })
      .catch(() => ({ topics: [] as { partitions: { leader: number }[] }[] }));
    if (topics[0]?.partitions.length === 3 && topics[0].partitions.every((p) => p.leader >= 0)) break;
    if (tries > 100) throw new Error('order.processing has no leaders after 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  await admin.disconnect();
  const consumers = await Promise.all([
    startConsumer(brokers, 'order-processing-group', 'instance-A', 0),
    startConsumer(brokers, 'order-processing-group', 'instance-B', 0),
    // One message per 200 ms: slower than the producer, so its lag grows.
    startConsumer(brokers, 'order-audit-group', 'audit', 200),
  ]);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const end = Date.now() + seconds * 1000;
  let orderId = 1000;
  while (Date.now() < end) {
    const batch = Array.from({ length: Math.max(1, Math.round(rate / 10)) }, () => {
      orderId++;
      return {
        key: String(orderId),
        value: JSON.stringify({ orderId, status: 'CREATED', at: new Date().toISOString() }),
      };
    });
    await producer.send({ topic: 'order.processing', messages: batch }).catch((e: Error) => console.error(e.message));
    await new Promise((r) => setTimeout(r, 100));
  }
  await producer.disconnect();
  await Promise.all(consumers.map((c) => c.disconnect()));
}

async function startConsumer(brokers: string[], groupId: string, clientId: string, delayMs: number): Promise<Consumer> {
  // One client per instance, so each shows with its own client id.
  const consumer = new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING }).consumer({
    groupId,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 500,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: 'order.processing', fromBeginning: false });
  await consumer.run({
    eachMessage: async () => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    },
  });
  return consumer;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
