import type { ActionHandlers } from '@/server/actions/dispatcher';
import { ActionError, describeError } from '@/server/actions/errors';
import type { KafkaClients } from '@/server/kafka/client';
import { groupState, refuseIfMembers } from './group-state';

// Deleting a group (DeleteGroups, every type): only while nobody is in it, checked with the
// describe of its own type first, so a live KIP-848 or share group is refused in its real
// state rather than by the broker's bare NON_EMPTY_GROUP.

export function groupActions(deps: { clients: KafkaClients }): Pick<ActionHandlers, 'group:delete'> {
  return {
    async 'group:delete'(req) {
      if (req.confirm !== req.groupId)
        throw new ActionError(
          `type the group id (${req.groupId}) to confirm: deleting a group drops its committed offsets`,
        );
      const state = await groupState(deps.clients, req.groupId);
      if (state.type === 'classic' && state.state === 'Dead') throw new ActionError(`no group named ${req.groupId}`);
      refuseIfMembers(req.groupId, state);
      const admin = await deps.clients.admin();
      await admin.deleteGroups([req.groupId]).catch((e: unknown) => {
        // A member may have joined between the check and the delete.
        throw new ActionError(`Kafka refused to delete group ${req.groupId}: ${describeError(e)}`);
      });
      return { groupId: req.groupId, type: state.type };
    },
  };
}
