import type { ActionHandlers } from '@/server/actions/dispatcher';
import { ActionError } from '@/server/actions/errors';
import type { KafkaClients } from '@/server/kafka/client';
import type { ClusterStore } from '@/server/cluster/store';
import { configureTopic, createEntries } from './configs';
import { countKeys } from './count-keys';
import { describeTopic, INTERNAL_TOPICS, topicExists } from './metadata';
import { checkNewTopicName } from './names';

// Topic admin: create, add partitions, change settings, delete, and the key count for the
// compaction walk-through. Refusals are ActionErrors worded for the person who clicked.

type TopicActions = Pick<
  ActionHandlers,
  'topic:create' | 'topic:add-partitions' | 'topic:configure' | 'topic:delete' | 'topic:count-keys'
>;
type Deps = {
  clients: KafkaClients;
  store: ClusterStore;
  /** Told after a topic is deleted: the producers that sent to it must be replaced. */
  onDeleted?: (topic: string) => Promise<void>;
};

/** Brokers that can take a replica now: online in the poller's view, or (before its first
 *  round) whatever the cluster metadata lists. */
async function liveBrokers({ clients, store }: Deps): Promise<number> {
  const snap = store.snapshot();
  if (snap.connection.status === 'connected') return snap.brokers.filter((b) => b.online).length;
  const admin = await clients.admin();
  return (await admin.describeCluster()).brokers.length;
}

/** Internal topics are refused by name first: __consumer_offsets, say, may not exist yet. */
function refuseInternal(topic: string, what: string): void {
  if (INTERNAL_TOPICS.has(topic)) throw new ActionError(`${topic} is one of Kafka's internal topics; ${what}`);
}

export function topicActions(deps: Deps): TopicActions {
  const knownTopics = () => deps.store.snapshot().topics.map((t) => t.name);
  return {
    async 'topic:create'(req) {
      checkNewTopicName(req.name, knownTopics());
      if (await topicExists(deps, req.name)) throw new ActionError(`a topic named ${req.name} already exists`);
      const live = await liveBrokers(deps);
      if (req.replicationFactor > live)
        throw new ActionError(
          `replication factor ${req.replicationFactor} is more than the ${live} live broker${live === 1 ? '' : 's'}`,
        );
      const admin = await deps.clients.admin();
      // waitForLeaders: kafkajs's wait misreads KRaft's first metadata answers and fails early;
      // the poller shows the topic and its leaders as soon as they exist.
      const created = await admin.createTopics({
        waitForLeaders: false,
        topics: [
          {
            topic: req.name,
            numPartitions: req.partitions,
            replicationFactor: req.replicationFactor,
            configEntries: createEntries(req),
          },
        ],
      });
      if (!created) throw new ActionError(`a topic named ${req.name} already exists`);
      return { topic: req.name };
    },

    async 'topic:add-partitions'(req) {
      refuseInternal(req.topic, 'the dashboard leaves its partitions alone');
      const layout = await describeTopic(deps, req.topic);
      if (layout.internal)
        throw new ActionError(
          `${req.topic} is one of Kafka's internal topics; the dashboard leaves its partitions alone`,
        );
      const now = layout.partitions.length;
      if (req.partitions <= now) {
        const asked = req.partitions === now ? `asked for ${now}, the same` : `asked for ${req.partitions}`;
        throw new ActionError(
          `topic ${req.topic} has ${now} partition${now === 1 ? '' : 's'}; partitions can only be added (${asked})`,
        );
      }
      const admin = await deps.clients.admin();
      await admin.createPartitions({ topicPartitions: [{ topic: req.topic, count: req.partitions }] });
      return { topic: req.topic, partitions: req.partitions };
    },

    async 'topic:configure'(req) {
      refuseInternal(req.topic, 'the dashboard leaves its settings alone');
      const layout = await describeTopic(deps, req.topic);
      if (layout.internal)
        throw new ActionError(
          `${req.topic} is one of Kafka's internal topics; the dashboard leaves its settings alone`,
        );
      return { topic: req.topic, overrides: await configureTopic(deps, req) };
    },

    async 'topic:delete'(req) {
      refuseInternal(req.topic, 'it cannot be deleted here');
      if (req.confirm !== req.topic)
        throw new ActionError(`type the topic name (${req.topic}) to confirm: deleting a topic cannot be undone`);
      const layout = await describeTopic(deps, req.topic);
      if (layout.internal)
        throw new ActionError(`${req.topic} is one of Kafka's internal topics; it cannot be deleted here`);
      const admin = await deps.clients.admin();
      await admin.deleteTopics({ topics: [req.topic] });
      await deps.onDeleted?.(req.topic);
      return { topic: req.topic };
    },

    async 'topic:count-keys'(req) {
      return countKeys(deps, req.topic);
    },
  };
}
