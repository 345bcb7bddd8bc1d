import type { ActionHandlers } from '@/server/actions/dispatcher';
import type { LabSupervisor } from './supervisor';

// The lab's actions: payloads arrive validated by the dispatcher; refusals are ActionErrors
// thrown by the supervisor, worded for the page.

type LabActions = Pick<
  ActionHandlers,
  'lab:start' | 'lab:stop' | 'lab:kill' | 'lab:pause' | 'lab:resume' | 'lab:scale' | 'lab:rebalance'
>;

export function labActions(lab: LabSupervisor): LabActions {
  return {
    'lab:start': (p) => lab.start(p),
    'lab:stop': (p) => lab.stop(p.instance),
    'lab:kill': (p) => lab.kill(p.instance),
    'lab:pause': (p) => lab.pause(p.instance),
    'lab:resume': (p) => lab.resume(p.instance),
    'lab:scale': (p) => lab.scale(p.instance, p.consumers),
    'lab:rebalance': (p) => lab.rebalance(p.groupId),
  };
}
