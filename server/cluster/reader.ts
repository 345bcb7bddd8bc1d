import type { Quorum, TopicConfig } from '../../lib/contract/cluster';
import { ensureConnected, type RawMetadata, type WireBroker, type WireCluster } from '../kafka/client';
import metadataDefinition from 'kafkajs/src/protocol/requests/metadata';
import { listOffsetsRaw } from './list-offsets';
import { decodeDescribeQuorumResponse, encodeDescribeQuorumRequest, DESCRIBE_QUORUM_API_KEY } from './quorum';

// One round of reading the cluster: which brokers answer, metadata, the quorum, watermarks
// and topic settings. Each part that fails leaves a gap the reshaper fills or shows; only
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

export const partitionKey = (topic: string, partition: number) => `${topic}/${partition}`;

/** Which brokers the dashboard can reach: kafkajs keeps one connection per broker and
 *  reconnects on demand, so a killed broker (its socket closed, its port refusing) fails here
 *  within one round, long before the controller fences it. Using the client's own connection
 *  (with TLS and SASL) rather than a bare TCP probe keeps broker logs free of failed handshakes. */
export async function probeBrokers(wire: WireCluster, ids: number[]): Promise<Set<number>> {
  const results = await Promise.all(
    ids.map((nodeId) =>
      wire.findBroker({ nodeId }).then(
        () => nodeId,
        () => null,
      ),
    ),
  );
  return new Set(results.filter((id): id is number => id !== null));
}

/** Asks brokers in the given order until one answers; callers put reachable ones first. */
async function anyBroker<T>(wire: WireCluster, order: number[], fn: (b: WireBroker) => Promise<T>): Promise<T> {
  let lastError: unknown = new Error('no broker to ask');
  for (const nodeId of order) {
    try {
      return await fn(await wire.findBroker({ nodeId }));
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

const METADATA_API_KEY = 3;

/** Metadata for every topic, with per-topic and per-partition error codes kept. kafkajs's own
 *  parse throws on the first partition error (say LEADER_NOT_AVAILABLE for a partition whose
 *  only replica is on a stopped broker), which would fail the whole round and show the whole
 *  cluster as unreachable; a leaderless partition is a state to show, so decode only. */
export async function metadataKeepingErrors(b: WireBroker, topics: string[] = []): Promise<RawMetadata> {
  // No topics named: every topic (kafkajs sends a null list for an empty one).
  const { request, response } = b.lookupRequest(METADATA_API_KEY, metadataDefinition)({ topics, allowAutoTopicCreation: false });
  const decoded = await b.connectionPool.send({ request, response: { decode: (payload) => response.decode(payload), parse: async (data) => data }, logResponseError: false });
  return decoded as RawMetadata;
}

async function readMetadata(wire: WireCluster, order: number[]): Promise<RawMetadata> {
  await ensureConnected(wire);
  // Brokers the client's own metadata names come after the known ones: with KAFKA_BROKERS
  // nothing is known before the first answer, and a broker added later is found this way.
  const ask = [...order, ...wire.getNodeIds().filter((id) => !order.includes(id))];
  return anyBroker(wire, ask, (b) => metadataKeepingErrors(b));
}

export async function readQuorum(wire: WireCluster, order: number[]): Promise<Quorum> {
  const body = encodeDescribeQuorumRequest();
  return anyBroker(wire, order, async (b) => {
    const decoded = await b.connectionPool.send({
      request: {
        apiKey: DESCRIBE_QUORUM_API_KEY,
        apiVersion: 0,
        apiName: 'DescribeQuorum',
        encode: async () => ({ buf: body, buffer: body }),
      },
      response: { decode: async (payload) => payload, parse: async (payload) => payload },
      logResponseError: false,
    });
    return decodeDescribeQuorumResponse(decoded as Buffer);
  });
}

const EARLIEST = '-2';
const LATEST = '-1';
/** Partitions to ask, by leader broker, then by topic. */
export type PartitionsByLeader = Map<number, Map<string, number[]>>;

/** The led partitions of the metadata whose leader is reachable and that `include` picks. */
export function byLeader(metadata: { topicMetadata: { topic: string; partitionMetadata: { partitionId: number; leader: number }[] }[] }, reachable: Set<number>, include: (topic: string, partition: number) => boolean = () => true): PartitionsByLeader {
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
export async function listOffsetsByLeader(wire: WireCluster, leaders: PartitionsByLeader, timestamp: typeof EARLIEST | typeof LATEST): Promise<Offsets> {
  const out: Offsets = new Map();
  await Promise.all(
    [...leaders].map(async ([leader, topics]) => {
      try {
        const broker = await wire.findBroker({ nodeId: leader });
        await listOffsetsRaw(broker, topics, Number(timestamp), (topic, partition, offset) => {
          let partitions = out.get(topic);
          if (!partitions) out.set(topic, (partitions = new Map()));
          partitions.set(partition, offset);
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
  wire: WireCluster,
  metadata: RawMetadata,
  reachable: Set<number>,
  readLogStart: (topic: string, partition: number) => boolean = () => true,
): Promise<Watermarks> {
  const startsFrom = byLeader(metadata, reachable, readLogStart);
  const [ends, starts] = await Promise.all([
    listOffsetsByLeader(wire, byLeader(metadata, reachable), LATEST),
    startsFrom.size > 0 ? listOffsetsByLeader(wire, startsFrom, EARLIEST) : Promise.resolve<Offsets>(new Map()),
  ]);
  return { ends, starts };
}

const TOPIC_RESOURCE = 2;
export const TOPIC_CONFIG_NAMES = ['cleanup.policy', 'retention.ms', 'retention.bytes', 'max.message.bytes', 'segment.ms'];

function numberOrNull(v: string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export async function readTopicConfigs(wire: WireCluster, order: number[], topics: string[]): Promise<Map<string, TopicConfig>> {
  const out = new Map<string, TopicConfig>();
  if (topics.length === 0) return out;
  const { resources } = await anyBroker(wire, order, (b) =>
    b.describeConfigs({ resources: topics.map((name) => ({ type: TOPIC_RESOURCE, name, configNames: TOPIC_CONFIG_NAMES })) }),
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

export async function observeCluster(wire: WireCluster, opts: ReadOptions): Promise<ClusterObservation> {
  // Brokers that answered last round are asked first, so a dead one never stalls the round.
  const order = [...opts.known].sort((a, b) => Number(opts.reachableBefore.has(b.id)) - Number(opts.reachableBefore.has(a.id))).map((b) => b.id);
  const metadata = await readMetadata(wire, order);
  const reachable = await probeBrokers(wire, metadata.brokers.map((b) => b.nodeId));
  const askOrder = metadata.brokers.map((b) => b.nodeId).filter((id) => reachable.has(id));
  const [quorum, watermarks, configs] = await Promise.all([
    readQuorum(wire, askOrder).catch(() => null),
    readWatermarks(wire, metadata, reachable, opts.readLogStart),
    readTopicConfigs(
      wire,
      askOrder,
      metadata.topicMetadata.map((t) => t.topic).filter((name) => opts.refreshAllConfigs || !opts.configured.has(name)),
    ).catch(() => null),
  ]);
  return { metadata, reachable, quorum, watermarks, configs };
}
