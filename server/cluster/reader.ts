import type { Quorum, TopicConfig } from '@/lib/contract/cluster';
import { askInOrder, ensureConnected, probeBrokers } from '@/server/kafka/connections';
import type { KafkaConnections } from '@/server/kafka/kafkajs-private';
import {
  describeQuorum,
  IsolationLevel,
  listOffsets,
  metadata,
  OffsetSpec,
  send,
  type RawMetadata,
  type SpecialOffset,
} from '@/server/kafka/protocol';

// One round of reading the cluster: which brokers answer, metadata, the quorum, watermarks
// and topic settings. Each part that fails leaves a gap that from-kafka.ts fills or shows; only
// "no broker answers metadata" fails the round.

export interface KnownBroker {
  id: number;
  host: string;
  port: number;
  rack: string | null;
}

/** Offsets by topic, then partition. */
export type Offsets = Map<string, Map<number, number>>;

export interface Watermarks {
  /** High watermarks. */
  ends: Offsets;
  /** Log starts: only those asked this round (they are read less often). */
  starts: Offsets;
  /** Last stable offsets, read after the ends (so never below them unless a transaction is open). */
  stable: Offsets;
}

export interface ClusterObservation {
  metadata: RawMetadata;
  reachable: Set<number>;
  quorum: Quorum | null;
  /** A partition is missing when it could not be read this round. */
  watermarks: Watermarks;
  /** Settings read this round (possibly for some topics only); null when the read failed.
   *  Topics left out keep their previous settings. */
  configs: Map<string, TopicConfig> | null;
}

async function readMetadata(connections: KafkaConnections, order: number[]): Promise<RawMetadata> {
  await ensureConnected(connections);
  // Brokers the client's own metadata names come after the known ones: with KAFKA_BROKERS
  // nothing is known before the first answer, and a broker added later is found this way.
  const ask = [...order, ...connections.getNodeIds().filter((id) => !order.includes(id))];
  return askInOrder(connections, ask, (b) => send(b, metadata, { topics: [] }));
}

export const readQuorum = (connections: KafkaConnections, order: number[]): Promise<Quorum> =>
  askInOrder(connections, order, (b) => send(b, describeQuorum, undefined));

/** Partitions to ask, by leader broker, then by topic. */
export type PartitionsByLeader = Map<number, Map<string, number[]>>;

/** The led partitions of the metadata whose leader is reachable and that `include` picks. */
export function byLeader(
  metadata: { topicMetadata: { topic: string; partitionMetadata: { partitionId: number; leader: number }[] }[] },
  reachable: Set<number>,
  include: (topic: string, partition: number) => boolean = () => true,
): PartitionsByLeader {
  const out: PartitionsByLeader = new Map();
  for (const t of metadata.topicMetadata) {
    for (const p of t.partitionMetadata) {
      if (p.leader < 0 || !reachable.has(p.leader) || !include(t.topic, p.partitionId)) continue;
      let topics = out.get(p.leader);
      if (!topics) out.set(p.leader, (topics = new Map()));
      let partitions = topics.get(t.topic);
      if (!partitions) topics.set(t.topic, (partitions = []));
      partitions.push(p.partitionId);
    }
  }
  return out;
}

/** One ListOffsets per leader broker, all leaders in parallel, for one special timestamp. A
 *  broker that fails (leadership moved, broker gone mid-round) leaves its partitions out, and
 *  so does a partition answered with an error: they keep their previous offsets. */
export async function listOffsetsByLeader(
  connections: KafkaConnections,
  leaders: PartitionsByLeader,
  timestamp: SpecialOffset,
  isolationLevel: (typeof IsolationLevel)[keyof typeof IsolationLevel] = IsolationLevel.READ_UNCOMMITTED,
): Promise<Offsets> {
  const out: Offsets = new Map();
  await Promise.all(
    [...leaders].map(async ([leader, topics]) => {
      try {
        const broker = await connections.findBroker({ nodeId: leader });
        await send(broker, listOffsets, {
          topics,
          timestamp,
          isolationLevel,
          each(topic, partition, offset) {
            let partitions = out.get(topic);
            if (!partitions) out.set(topic, (partitions = new Map()));
            partitions.set(partition, offset);
          },
        });
      } catch {
        // See above: these partitions keep their previous offsets until the next read.
      }
    }),
  );
  return out;
}

/** High watermark of every led partition, and the log start of those `readLogStart` picks:
 *  one ListOffsets per leader for the ends, a second only when some log start is due. */
export async function readWatermarks(
  connections: KafkaConnections,
  metadata: RawMetadata,
  reachable: Set<number>,
  readLogStart: (topic: string, partition: number) => boolean = () => true,
): Promise<Watermarks> {
  const startsFrom = byLeader(metadata, reachable, readLogStart);
  const led = byLeader(metadata, reachable);
  const [{ ends, stable }, starts] = await Promise.all([
    listOffsetsByLeader(connections, led, OffsetSpec.LATEST).then(async (ends) => ({
      ends,
      stable: await listOffsetsByLeader(connections, led, OffsetSpec.LATEST, IsolationLevel.READ_COMMITTED),
    })),
    startsFrom.size > 0
      ? listOffsetsByLeader(connections, startsFrom, OffsetSpec.EARLIEST)
      : Promise.resolve<Offsets>(new Map()),
  ]);
  return { ends, starts, stable };
}

const TOPIC_RESOURCE = 2;
export const TOPIC_CONFIG_NAMES = [
  'cleanup.policy',
  'retention.ms',
  'retention.bytes',
  'max.message.bytes',
  'segment.ms',
];

function numberOrNull(v: string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export async function readTopicConfigs(
  connections: KafkaConnections,
  order: number[],
  topics: string[],
): Promise<Map<string, TopicConfig>> {
  const out = new Map<string, TopicConfig>();
  if (topics.length === 0) return out;
  const { resources } = await askInOrder(connections, order, (b) =>
    b.describeConfigs({
      resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: TOPIC_CONFIG_NAMES })),
    }),
  );
  for (const r of resources) {
    if (r.errorCode !== 0) continue;
    const get = (name: string) => r.configEntries.find((e) => e.configName === name)?.configValue ?? null;
    out.set(r.resourceName, {
      cleanupPolicy: get('cleanup.policy'),
      retentionMs: numberOrNull(get('retention.ms')),
      retentionBytes: numberOrNull(get('retention.bytes')),
      maxMessageBytes: numberOrNull(get('max.message.bytes')),
      segmentMs: numberOrNull(get('segment.ms')),
    });
  }
  return out;
}

export interface ReadOptions {
  known: KnownBroker[];
  reachableBefore: Set<number>;
  /** Topic settings change rarely: read them for every topic only when true, otherwise only
   *  for topics not in `configured` (new ones), so a new topic arrives with its settings. */
  refreshAllConfigs: boolean;
  configured: Set<string>;
  /** Which partitions' log start to read this round (default: all). */
  readLogStart?: (topic: string, partition: number) => boolean;
}

export async function observeCluster(connections: KafkaConnections, opts: ReadOptions): Promise<ClusterObservation> {
  // Brokers that answered last round are asked first, so a dead one never stalls the round.
  const order = [...opts.known]
    .sort((a, b) => Number(opts.reachableBefore.has(b.id)) - Number(opts.reachableBefore.has(a.id)))
    .map((b) => b.id);
  const metadata = await readMetadata(connections, order);
  const reachable = await probeBrokers(
    connections,
    metadata.brokers.map((b) => b.nodeId),
  );
  const askOrder = metadata.brokers.map((b) => b.nodeId).filter((id) => reachable.has(id));
  const [quorum, watermarks, configs] = await Promise.all([
    readQuorum(connections, askOrder).catch(() => null),
    readWatermarks(connections, metadata, reachable, opts.readLogStart),
    readTopicConfigs(
      connections,
      askOrder,
      metadata.topicMetadata.map((t) => t.topic).filter((name) => opts.refreshAllConfigs || !opts.configured.has(name)),
    ).catch(() => null),
  ]);
  return { metadata, reachable, quorum, watermarks, configs };
}
