import type { ActionHandlers } from '../actions/dispatcher';
import { ActionError } from '../actions/errors';
import type { LabSupervisor } from './supervisor';

// STUB (to be built): lab actions.

type LabActions = Pick<ActionHandlers, 'lab:start' | 'lab:stop' | 'lab:kill' | 'lab:pause' | 'lab:resume' | 'lab:scale' | 'lab:rebalance'>;

export function labActions(lab: LabSupervisor): LabActions {
  void lab;
  const todo = () => Promise.reject(new ActionError('not built yet'));
  return { 'lab:start': todo, 'lab:stop': todo, 'lab:kill': todo, 'lab:pause': todo, 'lab:resume': todo, 'lab:scale': todo, 'lab:rebalance': todo };
}
