import type { ActionHandlers } from '../actions/dispatcher';
import { ActionError } from '../actions/errors';
import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from '../cluster/store';
import type { GroupsService } from '../groups/service';

// STUB (to be built): offset resets.

export function offsetActions(deps: { clients: KafkaClients; store: ClusterStore; groups: GroupsService }): Pick<ActionHandlers, 'offsets:reset'> {
  void deps;
  return { 'offsets:reset': () => Promise.reject(new ActionError('not built yet')) };
}
