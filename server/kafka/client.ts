import fs from 'node:fs';
import { Kafka, logLevel, type Admin, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { KafkaSettings } from '@/server/config';
import { createConnections, type KafkaConnections } from './kafkajs-private';
import { lazyClient } from './lazy-client';

// The server's Kafka client, made once. Reading cluster state goes through connection sets:
// kafkajs's own cluster object (the one its admin client is built on), so they reuse kafkajs's
// connections, TLS and SASL, but can send what the admin API does not offer: DescribeQuorum,
// ListOffsets batched per leader broker (admin.fetchTopicOffsets is two requests per topic and
// fails a whole topic when one partition has no leader), and Metadata and DescribeConfigs to
// a broker known to be alive (the admin picks one at random, dead or not). Four sets, since
// a broker answers one request per connection at a time: long polls and searches' reads must
// not queue the poller's requests (nor the tail's).

export interface KafkaClients {
  /** The one kafkajs instance: later clients (admin, tail) are made from it. */
  kafka: Kafka;
  /** The instance producers are made from: the same settings with a request timeout past
   *  PRODUCE_ACK_TIMEOUT_MS. */
  producing: Kafka;
  /** The cluster poller's connections, also used by actions for short requests. */
  pollConnections: KafkaConnections;
  /** The offsets-log reader's connections, for its long-poll fetches of __consumer_offsets. */
  offsetsLogConnections: KafkaConnections;
  /** Connections for the live tail's long polls and whole-topic reads. */
  tailConnections: KafkaConnections;
  /** Connections for the message browser's scans: many 1 MiB fetches in a row. */
  browseConnections: KafkaConnections;
  /** The one admin client, for actions (topic admin, offsets). Connected on first use, since
   *  a dashboard that is only watched never needs it. */
  admin(): Promise<Admin>;
  /** Disconnects the admin client if it was ever connected. */
  closeAdmin(): Promise<void>;
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

export function createKafkaClients(settings: KafkaSettings, bootstrap: string[]): KafkaClients {
  const kafka = new Kafka(kafkaConfig(settings, bootstrap));
  // Actions are rare: the admin client connects on first use.
  const admin = lazyClient(() => kafka.admin({ retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 } }));
  return {
    kafka,
    producing: new Kafka({ ...kafkaConfig(settings, bootstrap), requestTimeout: PRODUCE_REQUEST_TIMEOUT_MS }),
    pollConnections: createConnections(kafka),
    offsetsLogConnections: createConnections(kafka),
    tailConnections: createConnections(kafka),
    browseConnections: createConnections(kafka),
    admin: () => admin.get(),
    closeAdmin: () => admin.close(),
  };
}
