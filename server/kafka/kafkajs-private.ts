import type { Kafka } from 'kafkajs';
import { errorCodes } from 'kafkajs/src/protocol/error';

// Every use of kafkajs's private internals, in one place. kafkajs 2.2.4 (pinned, and no longer
// maintained) builds its admin, consumer and producer on a cluster object: one connection per
// broker, with the client's TLS and SASL, API versions negotiated per broker. The server uses
// that object directly, made by kafkajs's own private factory, for what the public API lacks:
// requests to a chosen broker (a live one, a partition's leader), and raw requests kafkajs
// cannot encode (DescribeQuorum) or decodes too slowly (ListOffsets for every partition).
// None of this is typed or documented by kafkajs: the shapes below are read from its sources
// (src/cluster/index.js, src/broker/index.js, src/network/connectionPool.js). A kafkajs upgrade
// must re-check this file, and only this one.

/** A broker as kafkajs's cluster object holds it: its connection plus kafkajs's encoders. */
export interface BrokerConnection {
  listOffsets(request: {
    replicaId?: number;
    isolationLevel?: number;
    topics: { topic: string; partitions: { partition: number; timestamp: string }[] }[];
  }): Promise<{
    responses: { topic: string; partitions: { partition: number; errorCode: number; offset: string }[] }[];
  }>;
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
  /** ApiVersions as the broker answered it on connect: api key -> version range. */
  versions?: Record<number, { minVersion: number; maxVersion: number }> | null;
  describeGroups(request: { groupIds: string[] }): Promise<{ groups: RawDescribedGroup[] }>;
  connectionPool: {
    send(protocol: {
      request: {
        apiKey: number;
        apiVersion: number;
        apiName: string;
        encode(): Promise<{ buf: Buffer; buffer: Buffer }>;
      };
      response: { decode(payload: Buffer): Promise<unknown>; parse(decoded: unknown): Promise<unknown> };
      requestTimeout?: number;
      logResponseError?: boolean;
    }): Promise<unknown>;
  };
}

/** kafkajs's cluster object: a connection set to every broker of the cluster. */
export interface KafkaConnections {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  isConnected(): boolean;
  refreshMetadata(): Promise<void>;
  findBroker(args: { nodeId: number }): Promise<BrokerConnection>;
  /** Broker ids in the client's last metadata (empty before the first refresh). */
  getNodeIds(): number[];
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
  messages: {
    offset: string;
    key: Buffer | null;
    value: Buffer | null;
    timestamp: string;
    isControlRecord?: boolean;
    headers?: Record<string, Buffer | Buffer[]>;
  }[];
}

export interface RawDescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocol: string;
  members: {
    memberId: string;
    clientId: string;
    clientHost: string;
    memberMetadata: Buffer;
    memberAssignment: Buffer;
    groupInstanceId?: string | null;
  }[];
}

const CREATE_CLUSTER = 'private:Kafka:createCluster';

/** A new connection set, apart from every other one the instance made. */
export function createConnections(kafka: Kafka): KafkaConnections {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === CREATE_CLUSTER);
  if (!symbol) throw new Error('this kafkajs version has no cluster factory; pin kafkajs 2.2.x');
  const factory = (kafka as unknown as Record<symbol, (opts: object) => KafkaConnections>)[symbol];
  return factory({ metadataMaxAge: 60_000, allowAutoTopicCreation: false });
}

/** Sends an encoded request body on the broker's connection and answers the response body.
 *  kafkajs writes request header v1 and reads the correlation id of the answer; what comes
 *  before and after is ours (see ./protocol/request.ts). */
export async function sendRaw(
  broker: BrokerConnection,
  request: { apiKey: number; apiVersion: number; apiName: string; body: Buffer },
): Promise<Buffer> {
  const { body } = request;
  const payload = await broker.connectionPool.send({
    request: { ...request, encode: async () => ({ buf: body, buffer: body }) },
    response: { decode: async (p) => p, parse: async (p) => p },
    // The caller decides what an error code means; kafkajs would log every one.
    logResponseError: false,
  });
  return payload as Buffer;
}

/** The group's coordinator, found and connected by kafkajs (FindCoordinator, then its broker). */
export interface CoordinatorConnection {
  offsetCommit(request: {
    groupId: string;
    groupGenerationId: number;
    memberId: string;
    topics: { topic: string; partitions: { partition: number; offset: string }[] }[];
  }): Promise<{ responses: { topic: string; partitions: { partition: number; errorCode: number }[] }[] }>;
}

export function groupCoordinator(connections: KafkaConnections, groupId: string): Promise<CoordinatorConnection> {
  const cluster = connections as unknown as {
    findGroupCoordinator(args: { groupId: string }): Promise<CoordinatorConnection>;
  };
  return cluster.findGroupCoordinator({ groupId });
}

/** The highest version of an API the broker advertised; null when it does not serve it (or
 *  the connection has not negotiated yet). */
export function apiMaxVersion(broker: BrokerConnection, apiKey: number): number | null {
  return broker.versions?.[apiKey]?.maxVersion ?? null;
}

/** The group's coordinator as a full broker connection, for raw requests (see ./protocol). */
export async function groupCoordinatorBroker(
  connections: KafkaConnections,
  groupId: string,
): Promise<BrokerConnection> {
  return (await groupCoordinator(connections, groupId)) as unknown as BrokerConnection;
}

// kafkajs's table of Kafka error codes (src/protocol/error.js), for answers of requests the
// protocol layer decodes itself: the same names kafkajs gives its own errors.

/** A Kafka error code in words: "NON_EMPTY_GROUP (The group is not empty)". */
export function kafkaErrorText(code: number): string {
  const known = errorCodes.find((e) => e.code === code);
  return known ? `${known.type} (${known.message})` : `Kafka error code ${code}`;
}
