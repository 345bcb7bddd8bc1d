import type { ClusterStore } from '../cluster/store';
import { brokerOf, type KafkaClients, type RawMetadata, type WireBroker } from '../kafka/client';
import { ActionError } from '../actions/errors';
import { metadataKeepingErrors } from '../cluster/reader';

// Fresh facts about one topic for an action, read through the wire cluster (the poller's
// connections) from a broker the dashboard knows is online. Not kafkajs's admin
// fetchTopicMetadata: it adds the topic to the admin's metadata targets for good, and once that
// topic is deleted elsewhere every later admin call fails on it.

/** Kafka's own internal topics: deleting or reshaping them breaks the cluster. */
export const INTERNAL_TOPICS = new Set(['__consumer_offsets', '__transaction_state', '__cluster_metadata']);

export interface TopicLayout {
  name: string;
  internal: boolean;
  partitions: { partition: number; leader: number }[];
}

type Deps = { clients: KafkaClients; store: ClusterStore };

/** Brokers the poller saw online come first, so a dead one is tried last. */
function askOrder(store: ClusterStore): number[] {
  const brokers = [...store.snapshot().brokers].sort((a, b) => Number(b.online) - Number(a.online));
  return brokers.map((b) => b.id);
}

/** Runs `fn` against the first broker that answers. A Kafka error (it has a `type`) is the
 *  cluster's answer and is not retried elsewhere; a connection error tries the next broker. */
export async function withAnyBroker<T>({ clients, store }: Deps, fn: (broker: WireBroker) => Promise<T>): Promise<T> {
  const order = askOrder(store);
  if (order.length === 0) throw new ActionError('the dashboard has not reached the cluster yet; try again in a moment');
  let lastError: unknown = null;
  for (const nodeId of order) {
    try {
      return await fn(await brokerOf(clients.wire, nodeId));
    } catch (e) {
      if (e && typeof e === 'object' && 'type' in e) throw e;
      lastError = e;
    }
  }
  throw lastError;
}

const isUnknownTopic = (e: unknown) => !!e && typeof e === 'object' && (e as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';

/** The topic's partitions and leaders; ActionError "no topic named X" when it does not exist. */
export async function describeTopic(deps: Deps, name: string): Promise<TopicLayout> {
  let metadata: RawMetadata;
  try {
    metadata = await withAnyBroker(deps, (b) => metadataKeepingErrors(b, [name]));
  } catch (e) {
    if (isUnknownTopic(e)) throw new ActionError(`no topic named ${name}`);
    throw e;
  }
  const topic = metadata.topicMetadata.find((t) => t.topic === name);
  // Error codes are kept (a leaderless partition is no reason to refuse): an unknown topic is
  // one with no partitions.
  if (!topic || topic.partitionMetadata.length === 0) throw new ActionError(`no topic named ${name}`);
  return {
    name,
    internal: topic.isInternal || INTERNAL_TOPICS.has(name),
    partitions: topic.partitionMetadata.map((p) => ({ partition: p.partitionId, leader: p.leader })).sort((a, b) => a.partition - b.partition),
  };
}

/** True when the topic exists. Any Kafka answer but "unknown topic" (say, a partition with no
 *  leader yet) means it does. */
export async function topicExists(deps: Deps, name: string): Promise<boolean> {
  try {
    await withAnyBroker(deps, (b) => b.metadata([name]));
    return true;
  } catch (e) {
    if (isUnknownTopic(e)) return false;
    if (e && typeof e === 'object' && 'type' in e) return true;
    throw e;
  }
}
