import type { ActionHandlers } from '../actions/dispatcher';
import { ActionError } from '../actions/errors';
import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from '../cluster/store';

// STUB (to be built): topic admin actions.

type TopicActions = Pick<ActionHandlers, 'topic:create' | 'topic:add-partitions' | 'topic:configure' | 'topic:delete' | 'topic:count-keys'>;

export function topicActions(deps: { clients: KafkaClients; store: ClusterStore }): TopicActions {
  void deps;
  const todo = () => Promise.reject(new ActionError('not built yet'));
  return { 'topic:create': todo, 'topic:add-partitions': todo, 'topic:configure': todo, 'topic:delete': todo, 'topic:count-keys': todo };
}
