import type { ActionHandlers } from '@/server/actions/dispatcher';
import { ActionError } from '@/server/actions/errors';
import type { KafkaClients } from '@/server/kafka/client';
import type { ClusterStore } from '@/server/cluster/store';
import { describeTopic } from '@/server/topics/metadata';
import { commitWithoutJoining } from './commit';
import { groupState, refuseIfMembers } from '@/server/groups/group-state';
import { alterShareStartOffsets } from './share-offsets';
import { resolveTargets } from './targets';

// Offset resets: allowed only while the group has no members. Committed without joining it,
// or for a share group set as its start offsets.

export function offsetActions(deps: {
  clients: KafkaClients;
  store: ClusterStore;
}): Pick<ActionHandlers, 'offsets:reset'> {
  return {
    async 'offsets:reset'(req) {
      const group = await groupState(deps.clients, req.groupId);
      refuseIfMembers(req.groupId, group);
      const layout = await describeTopic(deps, req.topic);
      if (layout.internal)
        throw new ActionError(`${req.topic} is one of Kafka's internal topics; groups do not read it`);
      const targets = await resolveTargets(deps.clients.pollConnections, layout, req);
      if (group.type === 'share')
        await alterShareStartOffsets(deps.clients.pollConnections, req.groupId, req.topic, targets);
      else await commitWithoutJoining(deps.clients.pollConnections, req.groupId, req.topic, targets);
      return {
        groupId: req.groupId,
        topic: req.topic,
        offsets: [...targets]
          .map(([partition, offset]) => ({ partition, offset }))
          .sort((a, b) => a.partition - b.partition),
      };
    },
  };
}
