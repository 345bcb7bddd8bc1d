import type { ActionHandlers } from '../actions/dispatcher';
import { ActionError } from '../actions/errors';
import type { KafkaClients } from '../kafka/client';
import type { ClusterStore } from '../cluster/store';
import type { GroupsService } from '../groups/service';
import { describeTopic } from '../topics/metadata';
import { commitWithoutJoining } from './commit';
import { resolveTargets } from './targets';

// Offset resets: allowed only while the group has no members, committed without joining it.

/** States in which nobody owns the group's partitions. Dead is also what Kafka answers for a
 *  group id it has never seen. */
const MEMBERLESS = new Set(['Empty', 'Dead']);

async function checkNoMembers(clients: KafkaClients, groupId: string): Promise<void> {
  const admin = await clients.admin();
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups.find((g) => g.groupId === groupId);
  if (!group) return;
  if (MEMBERLESS.has(group.state) && group.members.length === 0) return;
  const n = group.members.length;
  throw new ActionError(`group ${groupId} is ${group.state} with ${n} member${n === 1 ? '' : 's'}; stop its consumers first`);
}

export function offsetActions(deps: { clients: KafkaClients; store: ClusterStore; groups: GroupsService }): Pick<ActionHandlers, 'offsets:reset'> {
  return {
    async 'offsets:reset'(req) {
      await checkNoMembers(deps.clients, req.groupId);
      const layout = await describeTopic(deps, req.topic);
      if (layout.internal) throw new ActionError(`${req.topic} is one of Kafka's internal topics; groups do not read it`);
      const targets = await resolveTargets(deps.clients.wire, layout, req);
      await commitWithoutJoining(deps.clients.wire, req.groupId, req.topic, targets);
      return {
        groupId: req.groupId,
        topic: req.topic,
        offsets: [...targets].map(([partition, offset]) => ({ partition, offset })).sort((a, b) => a.partition - b.partition),
      };
    },
  };
}
