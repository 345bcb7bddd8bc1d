import type { Admin, Kafka } from 'kafkajs';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import { commitWithoutJoining } from '@/server/offsets/commit';
import { sleep } from './support';

// The large state bench/scale.ts measures against: many topics, and groups that have
// committed offsets without any live member (a "simple" commit each, as the dashboard's own
// offsets action sends), so 500 groups cost 500 requests rather than 500 consumers.

export interface Sizes {
  preset: string;
  topics: number;
  partitions: number;
  groups: number;
  replication: number;
}

const PRESETS: Record<string, Omit<Sizes, 'preset'>> = {
  quick: { topics: 50, partitions: 3, groups: 20, replication: 3 },
  // Replication 1: 20,000 partitions × 3 replicas would need 20,000 open segment files per
  // node, the box's whole `ulimit -n` (see docs/benchmarks.md).
  large: { topics: 2000, partitions: 10, groups: 500, replication: 1 },
};

function size(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}: expected a whole number ≥ 1, got "${raw}"`);
  return n;
}

export function sizesFromEnv(): Sizes {
  const preset = process.env.BENCH_PRESET ?? 'quick';
  const base = PRESETS[preset];
  if (!base) throw new Error(`BENCH_PRESET: expected ${Object.keys(PRESETS).join(' or ')}, got "${preset}"`);
  const sizes = {
    topics: size('BENCH_TOPICS', base.topics),
    partitions: size('BENCH_PARTITIONS', base.partitions),
    groups: size('BENCH_GROUPS', base.groups),
    replication: size('BENCH_REPLICATION', base.replication),
  };
  // Other sizes than the preset's are another run: named "custom", so its results file does
  // not overwrite the preset's figures that docs/benchmarks.md quotes.
  const same = (Object.keys(sizes) as (keyof typeof sizes)[]).every((k) => sizes[k] === base[k]);
  return { preset: same ? preset : 'custom', ...sizes };
}

// Topics per CreateTopics request: one request, one controller write, without an answer so
// large that it hits the request timeout.
const CREATE_BATCH = 200;
// Per-topic settings that keep 20,000 partitions small on disk and in memory: index files are
// preallocated at segment.index.bytes (10 MiB by default) and mapped into memory.
const TOPIC_CONFIG = [{ name: 'segment.index.bytes', value: String(64 * 1024) }];

export const topicName = (prefix: string, i: number) => `${prefix}.t${String(i).padStart(5, '0')}`;
export const groupName = (prefix: string, i: number) => `${prefix}.g${String(i).padStart(4, '0')}`;

/** Creates the topics in batches and waits until every partition has a leader. */
export async function createTopics(
  admin: Admin,
  names: string[],
  sizes: Sizes,
  log: (l: string) => void,
  timeoutMs: number,
): Promise<void> {
  for (let i = 0; i < names.length; i += CREATE_BATCH) {
    await admin.createTopics({
      topics: names.slice(i, i + CREATE_BATCH).map((topic) => ({
        topic,
        numPartitions: sizes.partitions,
        replicationFactor: sizes.replication,
        configEntries: TOPIC_CONFIG,
      })),
      // kafkajs's own wait misreads KRaft's first metadata answers; we wait on metadata below.
      waitForLeaders: false,
      timeout: 60_000,
    });
    log(`created ${Math.min(i + CREATE_BATCH, names.length)}/${names.length} topics`);
  }
  const wanted = new Set(names);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Named, not all: kafkajs's admin answered an all-topics ask from a partial view (200 of
    // 2,000) while the topics were new.
    const { topics } = await admin
      .fetchTopicMetadata({ topics: names })
      .catch(() => ({ topics: [] as { name: string; partitions: { leader: number }[] }[] }));
    const led = topics.filter(
      (t) => wanted.has(t.name) && t.partitions.length === sizes.partitions && t.partitions.every((p) => p.leader >= 0),
    ).length;
    if (led === names.length) return;
    if (Date.now() > deadline)
      throw new Error(`only ${led}/${names.length} bench topics have leaders after ${timeoutMs / 1000} s`);
    log(`waiting for leaders: ${led}/${names.length} topics led`);
    await sleep(2000);
  }
}

/** Writes `perPartition` messages to every partition of the topics (batched per request).
 *  Metadata names a leader before that broker has opened the partition, so a batch answered
 *  NOT_LEADER is sent again until `timeoutMs`. */
export async function fill(
  kafka: Kafka,
  names: string[],
  partitions: number,
  perPartition: number,
  timeoutMs: number,
): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    // 100 topics per send: one Produce per leader carrying many partitions.
    for (let i = 0; i < names.length; i += 100) {
      const topicMessages = names.slice(i, i + 100).map((topic) => ({
        topic,
        messages: Array.from({ length: partitions * perPartition }, (_, n) => ({
          partition: n % partitions,
          value: `m${n}`,
        })),
      }));
      for (;;) {
        try {
          await producer.sendBatch({ topicMessages });
          break;
        } catch (e) {
          if (Date.now() > deadline) throw e;
          await sleep(1000);
        }
      }
    }
  } finally {
    await producer.disconnect();
  }
}

/** Kafka answers NOT_COORDINATOR or COORDINATOR_LOAD_IN_PROGRESS while __consumer_offsets is
 *  new or its partitions are still loading; kafkajs marks those retriable. */
async function retrying<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts || (e as { retriable?: boolean }).retriable !== true) throw e;
      await sleep(500);
    }
  }
}

/** Every group commits offsets for all partitions of one topic (group i reads topic i mod
 *  topics), 50 commits in flight at a time. */
export async function commitGroups(
  connections: KafkaConnections,
  groups: string[],
  topics: string[],
  partitions: number,
  offset: (group: number) => number,
): Promise<void> {
  for (let i = 0; i < groups.length; i += 50) {
    await Promise.all(
      groups.slice(i, i + 50).map((g, k) => {
        const n = i + k;
        const offsets = new Map(Array.from({ length: partitions }, (_, p) => [p, offset(n)] as [number, number]));
        return retrying(() => commitWithoutJoining(connections, g, topics[n % topics.length], offsets));
      }),
    );
  }
}

/** Deletes the bench's groups and topics; never throws, cleanup must not hide the real error. */
export async function cleanup(
  admin: Admin,
  groups: string[],
  topics: string[],
  log: (l: string) => void,
): Promise<void> {
  for (let i = 0; i < groups.length; i += 100)
    await admin.deleteGroups(groups.slice(i, i + 100)).catch((e: unknown) => log(`deleting groups: ${String(e)}`));
  for (let i = 0; i < topics.length; i += 200)
    await admin
      .deleteTopics({ topics: topics.slice(i, i + 200), timeout: 60_000 })
      .catch((e: unknown) => log(`deleting topics: ${String(e)}`));
}
