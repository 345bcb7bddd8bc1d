import type { ActionHandlers } from '../actions/dispatcher';
import { ActionError } from '../actions/errors';
import type { EmbeddedCluster } from '../embedded/cluster';

// STUB (to be built): broker faults, embedded cluster only.

export function brokerActions(embedded: EmbeddedCluster | null): Pick<ActionHandlers, 'broker:stop' | 'broker:kill' | 'broker:start'> {
  void embedded;
  const todo = () => Promise.reject(new ActionError('not built yet'));
  return { 'broker:stop': todo, 'broker:kill': todo, 'broker:start': todo };
}
