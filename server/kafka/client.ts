import fs from 'node:fs';
import { Kafka, logLevel, type Admin, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { KafkaSettings } from '../config';
import { lazyClient } from './lazy-client';

// The server's Kafka client, made once. Reading cluster state goes through `wire`: kafkajs's
// own cluster object (the one its admin client is built on), so it reuses kafkajs's
// connections, TLS and SASL, but can send what the admin API does not offer: DescribeQuorum,
// ListOffsets batched per leader broker (admin.fetchTopicOffsets is two requests per topic and
// fails a whole topic when one partition has no leader), and Metadata and DescribeConfigs to
// a broker known to be alive (the admin picks one at random, dead or not).

export interface ListOffsetsPartitionResult {
  partition: number;
  errorCode: number;
  offset: string;
}

export interface WireBroker {
  metadata(topics: string[]): Promise<RawMetadata>;
  listOffsets(request: {
    replicaId?: number;
    isolationLevel?: number;
    topics: { topic: string; partitions: { partition: number; timestamp: string }[] }[];
  }): Promise<{ responses: { topic: string; partitions: ListOffsetsPartitionResult[] }[] }>;
  describeConfigs(request: {
    resources: { type: number; name: string; configNames?: string[] }[];
    includeSynonyms?: boolean;
  }): Promise<{ resources: RawConfigResource[] }>;
  fetch(request: {
    isolationLevel?: number;
    maxWaitTime?: number;
    minBytes?: number;
    maxBytes?: number;
    topics: { topic: string; partitions: { partition: number; fetchOffset: string; maxBytes: number }[] }[];
  }): Promise<{ responses: { topicName: string; partitions: RawFetchPartition[] }[] }>;
  listGroups(): Promise<{ groups: { groupId: string; protocolType: string }[] }>;
  describeGroups(request: { groupIds: string[] }): Promise<{ groups: RawDescribedGroup[] }>;
  connectionPool: {
    send(protocol: { request: WireRequest; response: WireResponse; requestTimeout?: number; logResponseError?: boolean }): Promise<unknown>;
  };
  /** The request builder for an API at the version this broker and kafkajs agreed on. */
  lookupRequest(apiKey: number, definition: unknown): (args: Record<string, unknown>) => { request: WireRequest; response: WireResponse };
}

export interface WireRequest {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  encode(): Promise<{ buf: Buffer; buffer: Buffer }>;
}

export interface WireResponse {
  decode(payload: Buffer): Promise<unknown>;
  parse(decoded: unknown): Promise<unknown>;
}

export interface RawMetadata {
  clusterId: string | null;
  controllerId: number;
  brokers: { nodeId: number; host: string; port: number; rack: string | null }[];
  topicMetadata: {
    topic: string;
    isInternal: boolean;
    topicErrorCode: number;
    partitionMetadata: {
      partitionErrorCode: number;
      partitionId: number;
      leader: number;
      replicas: number[];
      isr: number[];
      offlineReplicas?: number[];
    }[];
  }[];
}

export interface WireCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  refreshMetadata(): Promise<void>;
  findBroker(args: { nodeId: number }): Promise<WireBroker>;
  /** Broker ids in the client's last metadata (empty before the first refresh). */
  getNodeIds(): number[];
}

export interface KafkaClients {
  /** The one kafkajs instance: later clients (admin, tail) are made from it. */
  kafka: Kafka;
  /** The instance producers are made from: the same settings with a request timeout past
   *  PRODUCE_ACK_TIMEOUT_MS. */
  producing: Kafka;
  wire: WireCluster;
  /** A second connection set for the offsets-log reader: a broker answers one request per
   *  connection at a time, so its long-poll fetches must not queue the poller's requests. */
  offsetsWire: WireCluster;
  /** The one admin client, for actions (topic admin, offsets). Connected on first use, since
   *  a dashboard that is only watched never needs it. */
  admin(): Promise<Admin>;
  /** Disconnects the admin client if it was ever connected. */
  closeAdmin(): Promise<void>;
  /** Connections for the live tail's long polls, apart from the poller's and the sidecar's. */
  tailWire: WireCluster;
}

function sslOption(settings: KafkaSettings): KafkaConfig['ssl'] {
  if (!settings.ssl) return undefined;
  const { caFile, certFile, keyFile, rejectUnauthorized } = settings.ssl;
  return {
    rejectUnauthorized,
    ca: caFile ? [fs.readFileSync(caFile, 'utf8')] : undefined,
    cert: certFile ? fs.readFileSync(certFile, 'utf8') : undefined,
    key: keyFile ? fs.readFileSync(keyFile, 'utf8') : undefined,
  };
}

function saslOption(settings: KafkaSettings): SASLOptions | undefined {
  if (!settings.sasl) return undefined;
  const { mechanism, username, password } = settings.sasl;
  switch (mechanism) {
    case 'plain':
      return { mechanism: 'plain', username, password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username, password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username, password };
  }
}

/** How long a broker may hold an acks=all produce. While a killed follower is still in the
 *  ISR (until the controller fences it) the leader holds the answer; a client that gives up
 *  sooner makes kafkajs resend a batch the broker may still write, and the producer's
 *  sequence numbers go wrong (duplicates, or OUT_OF_ORDER_SEQUENCE_NUMBER for good). So the
 *  producers' request timeout outlasts the broker's ack timeout, as the Java client's does. */
export const PRODUCE_ACK_TIMEOUT_MS = 30_000;
const PRODUCE_REQUEST_TIMEOUT_MS = PRODUCE_ACK_TIMEOUT_MS + 5_000;

/** kafkajs options for the server's client: short timeouts, the poller does the retrying. */
export function kafkaConfig(settings: KafkaSettings, bootstrap: string[]): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: bootstrap,
    ssl: sslOption(settings),
    sasl: saslOption(settings),
    connectionTimeout: 2000,
    requestTimeout: 5000,
    // The poller owns retrying with backoff; kafkajs's own retries would only stall a round.
    retry: { retries: 1, initialRetryTime: 200, maxRetryTime: 1000 },
    // Connection errors are a state the poller reports once, not a log line per attempt.
    logLevel: logLevel.NOTHING,
  };
}

const connecting = new WeakMap<WireCluster, Promise<void>>();
const refreshing = new WeakMap<WireCluster, Promise<void>>();

/** One call in flight per wire, shared by everyone who asks meanwhile. */
function shared(map: WeakMap<WireCluster, Promise<void>>, wire: WireCluster, work: () => Promise<void>): Promise<void> {
  let pending = map.get(wire);
  if (!pending) {
    pending = work().finally(() => map.delete(wire));
    map.set(wire, pending);
  }
  return pending;
}

/** Connects and reads the broker list once, however many loops ask at the same moment.
 *  kafkajs's connect() and refreshMetadata() are not safe to run twice at once: each can open
 *  a connection to the same broker, and disconnect() closes only the one it still knows,
 *  leaving a socket that keeps the process alive. */
export function ensureConnected(wire: WireCluster): Promise<void> {
  if (wire.isConnected()) return Promise.resolve();
  return shared(connecting, wire, async () => {
    await wire.connect();
    await refreshMetadataOnce(wire);
  });
}

/** A metadata refresh shared by every caller that asks while one runs. */
export const refreshMetadataOnce = (wire: WireCluster): Promise<void> => shared(refreshing, wire, () => wire.refreshMetadata());

/** A broker of a wire cluster, connected on first use. kafkajs knows brokers only from its
 *  cached metadata: one it has not seen yet (first use, or back after a restart) is found
 *  after one refresh. */
export async function brokerOf(wire: WireCluster, nodeId: number): Promise<WireBroker> {
  await ensureConnected(wire);
  try {
    return await wire.findBroker({ nodeId });
  } catch (e) {
    if ((e as { name?: string } | null)?.name !== 'KafkaJSBrokerNotFound') throw e;
    await refreshMetadataOnce(wire);
    return wire.findBroker({ nodeId });
  }
}

const CREATE_CLUSTER = 'private:Kafka:createCluster';

function createWireCluster(kafka: Kafka): WireCluster {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === CREATE_CLUSTER);
  if (!symbol) throw new Error('this kafkajs version has no cluster factory; pin kafkajs 2.2.x');
  const factory = (kafka as unknown as Record<symbol, (opts: object) => WireCluster>)[symbol];
  return factory({ metadataMaxAge: 60_000, allowAutoTopicCreation: false });
}

export function createKafkaClients(settings: KafkaSettings, bootstrap: string[]): KafkaClients {
  const kafka = new Kafka(kafkaConfig(settings, bootstrap));
  // Actions are rare: the admin client connects on first use.
  const admin = lazyClient(() => kafka.admin({ retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 } }));
  return {
    kafka,
    producing: new Kafka({ ...kafkaConfig(settings, bootstrap), requestTimeout: PRODUCE_REQUEST_TIMEOUT_MS }),
    wire: createWireCluster(kafka),
    offsetsWire: createWireCluster(kafka),
    tailWire: createWireCluster(kafka),
    admin: () => admin.get(),
    closeAdmin: () => admin.close(),
  };
}

export interface RawConfigResource {
  errorCode: number;
  resourceName: string;
  configEntries: { configName: string; configValue: string | null }[];
}

export interface RawFetchPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  lastStableOffset: string;
  messages: { offset: string; key: Buffer | null; value: Buffer | null; timestamp: string; isControlRecord?: boolean; headers?: Record<string, Buffer | Buffer[]> }[];
}

export interface RawDescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: { memberId: string; clientId: string; clientHost: string; memberMetadata: Buffer; memberAssignment: Buffer; groupInstanceId?: string | null }[];
}
