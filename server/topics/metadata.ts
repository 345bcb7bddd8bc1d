import type { ClusterStore } from '@/server/cluster/store';
import type { KafkaClients } from '@/server/kafka/client';
import { askInOrder, brokerOf, isKafkaError } from '@/server/kafka/connections';
import type { BrokerConnection } from '@/server/kafka/kafkajs-private';
import { metadata, send, UNKNOWN_TOPIC_OR_PARTITION } from '@/server/kafka/protocol';
import { ActionError } from '@/server/actions/errors';

// Fresh facts about one topic for an action, read through the poller's connections from a
// broker the dashboard knows is online. Not kafkajs's admin fetchTopicMetadata: it adds the
// topic to the admin's metadata targets for good, and once that topic is deleted elsewhere
// every later admin call fails on it.

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
export async function withAnyBroker<T>(
  { clients, store }: Deps,
  fn: (broker: BrokerConnection) => Promise<T>,
): Promise<T> {
  const order = askOrder(store);
  if (order.length === 0) throw new ActionError('the dashboard has not reached the cluster yet; try again in a moment');
  const connections = clients.pollConnections;
  return askInOrder(connections, order, fn, { find: (id) => brokerOf(connections, id), isAnswer: isKafkaError });
}

/** The topic's metadata, error codes kept. */
const readTopic = (deps: Deps, name: string) => withAnyBroker(deps, (b) => send(b, metadata, { topics: [name] }));

/** The topic's partitions and leaders; ActionError "no topic named X" when it does not exist. */
export async function describeTopic(deps: Deps, name: string): Promise<TopicLayout> {
  const topic = (await readTopic(deps, name)).topicMetadata.find((t) => t.topic === name);
  // Error codes are kept (a leaderless partition is no reason to refuse): an unknown topic is
  // one with no partitions.
  if (!topic || topic.partitionMetadata.length === 0) throw new ActionError(`no topic named ${name}`);
  return {
    name,
    internal: topic.isInternal || INTERNAL_TOPICS.has(name),
    partitions: topic.partitionMetadata
      .map((p) => ({ partition: p.partitionId, leader: p.leader }))
      .sort((a, b) => a.partition - b.partition),
  };
}

/** True when the topic exists. Any Kafka answer but "unknown topic" (say, a partition with no
 *  leader yet) means it does. */
export async function topicExists(deps: Deps, name: string): Promise<boolean> {
  const topic = (await readTopic(deps, name)).topicMetadata.find((t) => t.topic === name);
  return topic?.topicErrorCode !== UNKNOWN_TOPIC_OR_PARTITION;
}
