import type { BrokerConnection, KafkaConnections } from './kafkajs-private';

// Getting hold of a broker on a connection set: connect once, find a broker kafkajs has not
// seen yet, and ask brokers in order until one answers.

const connecting = new WeakMap<KafkaConnections, Promise<void>>();
const refreshing = new WeakMap<KafkaConnections, Promise<void>>();

/** One call in flight per connection set, shared by everyone who asks meanwhile. */
function shared(
  map: WeakMap<KafkaConnections, Promise<void>>,
  connections: KafkaConnections,
  work: () => Promise<void>,
): Promise<void> {
  let pending = map.get(connections);
  if (!pending) {
    pending = work().finally(() => map.delete(connections));
    map.set(connections, pending);
  }
  return pending;
}

/** Connects and reads the broker list once, however many loops ask at the same moment.
 *  kafkajs's connect() and refreshMetadata() are not safe to run twice at once: each can open
 *  a connection to the same broker, and disconnect() closes only the one it still knows,
 *  leaving a socket that keeps the process alive. */
export function ensureConnected(connections: KafkaConnections): Promise<void> {
  if (connections.isConnected()) return Promise.resolve();
  return shared(connecting, connections, async () => {
    await connections.connect();
    await refreshMetadataOnce(connections);
  });
}

/** A metadata refresh shared by every caller that asks while one runs. */
export const refreshMetadataOnce = (connections: KafkaConnections): Promise<void> =>
  shared(refreshing, connections, () => connections.refreshMetadata());

/** A broker of a connection set, connected on first use. kafkajs knows brokers only from its
 *  cached metadata: one it has not seen yet (first use, or back after a restart) is found
 *  after one refresh. */
export async function brokerOf(connections: KafkaConnections, nodeId: number): Promise<BrokerConnection> {
  await ensureConnected(connections);
  try {
    return await connections.findBroker({ nodeId });
  } catch (e) {
    if ((e as { name?: string } | null)?.name !== 'KafkaJSBrokerNotFound') throw e;
    await refreshMetadataOnce(connections);
    return connections.findBroker({ nodeId });
  }
}

export interface AskOptions {
  /** How to reach a broker (default: only those kafkajs already knows, no refresh). */
  find?: (nodeId: number) => Promise<BrokerConnection>;
  /** An error that is the cluster's answer rather than a broker failing: not retried elsewhere. */
  isAnswer?: (e: unknown) => boolean;
}

/** Asks brokers in the given order until one answers; callers put reachable ones first. */
export async function askInOrder<T>(
  connections: KafkaConnections,
  order: readonly number[],
  fn: (broker: BrokerConnection) => Promise<T>,
  { find = (nodeId) => connections.findBroker({ nodeId }), isAnswer = () => false }: AskOptions = {},
): Promise<T> {
  let lastError: unknown = new Error('no broker to ask');
  for (const nodeId of order) {
    try {
      return await fn(await find(nodeId));
    } catch (e) {
      if (isAnswer(e)) throw e;
      lastError = e;
    }
  }
  throw lastError;
}

/** A kafkajs protocol error (it carries the Kafka error's `type`), as opposed to a broken connection. */
export const isKafkaError = (e: unknown): boolean => !!e && typeof e === 'object' && 'type' in e;

/** Which brokers the dashboard can reach: kafkajs keeps one connection per broker and
 *  reconnects on demand, so a killed broker (its socket closed, its port refusing) fails here
 *  within one round, long before the controller fences it. Using the client's own connection
 *  (with TLS and SASL) rather than a bare TCP probe keeps broker logs free of failed handshakes. */
export async function probeBrokers(connections: KafkaConnections, ids: number[]): Promise<Set<number>> {
  const results = await Promise.all(
    ids.map((nodeId) =>
      connections.findBroker({ nodeId }).then(
        () => nodeId,
        () => null,
      ),
    ),
  );
  return new Set(results.filter((id): id is number => id !== null));
}
