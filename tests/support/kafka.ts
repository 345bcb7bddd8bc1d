import crypto from 'node:crypto';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { loadConfig } from '@/server/config';
import { startDashboard, type Dashboard } from '@/server/app';
import { EmbeddedCluster } from '@/server/embedded/cluster';

// Helpers for tests against the real embedded cluster (npm run test:integration starts it).

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

export const embedded = new EmbeddedCluster(loadConfig().embedded, () => undefined);

export function randomName(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

export function testKafka(clientId = 'kafka-live-tests'): Kafka {
  return new Kafka({ clientId, brokers: embedded.bootstrap, logLevel: logLevel.NOTHING });
}

export async function withAdmin<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

export async function createTopic(name: string, numPartitions = 3, replicationFactor = 3): Promise<void> {
  // waitForLeaders: kafkajs's own wait misreads KRaft's first metadata answers; tests wait on
  // the dashboard's state instead.
  await withAdmin((admin) =>
    admin.createTopics({ topics: [{ topic: name, numPartitions, replicationFactor }], waitForLeaders: false }),
  );
}

/** Creates a topic and waits until every partition has a leader. Straight after a broker
 *  restart (the tour's leader step) kafkajs's own wait can fail with "This server does not
 *  host this topic-partition" while metadata catches up, so this waits on metadata itself. */
export async function createTopicWithLeaders(name: string, numPartitions = 3, replicationFactor = 3): Promise<void> {
  const deadline = Date.now() + 60_000;
  await withAdmin(async (admin) => {
    for (;;) {
      try {
        if (!(await admin.listTopics()).includes(name))
          await admin.createTopics({
            topics: [{ topic: name, numPartitions, replicationFactor }],
            waitForLeaders: false,
          });
        const { topics } = await admin.fetchTopicMetadata({ topics: [name] });
        const partitions = topics[0]?.partitions ?? [];
        if (partitions.length === numPartitions && partitions.every((p) => p.leader >= 0)) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) throw new Error(`topic ${name} has no leader for every partition after 60 s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  });
}

export async function deleteTopic(name: string): Promise<void> {
  await withAdmin((admin) => admin.deleteTopics({ topics: [name] })).catch(() => undefined);
}

/** A dashboard on a free port, against the embedded cluster unless `env` says otherwise. */
export async function startTestDashboard(env: Record<string, string | undefined> = {}): Promise<Dashboard> {
  const config = loadConfig({ ...process.env, PORT: '0', POLL_INTERVAL_MS: '500', ...env });
  return startDashboard({ config, log: () => undefined });
}

/** Waits until all nodes run, are in the metadata and every partition has a full ISR again,
 *  so one fault test never leaks into the next. */
export async function restoreCluster(): Promise<void> {
  await embedded.ensureRunning();
  const deadline = Date.now() + 90_000;
  for (;;) {
    const healthy = await withAdmin(async (admin) => {
      const { topics } = await admin.fetchTopicMetadata();
      return topics.every((t) => t.partitions.every((p) => p.leader >= 0 && p.isr.length === p.replicas.length));
    }).catch(() => false);
    if (healthy) return;
    if (Date.now() > deadline) throw new Error('cluster did not return to full ISR within 90 s');
    await new Promise((r) => setTimeout(r, 500));
  }
}
