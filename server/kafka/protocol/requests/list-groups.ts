import type { KafkaReader } from '@/server/kafka/protocol/codec';
import { defineRequest } from '@/server/kafka/protocol/request';

// ListGroups (API key 16) v5, flexible: v5 adds each group's type (KIP-848), so a consumer or
// share group is named as such instead of listing as a protocol-less classic group. Brokers
// before 3.8 do not serve v5; kafkajs's own ListGroups (v0-v2) covers them.

export const LIST_GROUPS_TYPES_VERSION = 5;

export interface ListedGroup {
  groupId: string;
  protocolType: string;
  state: string;
  type: string;
}

export class ListGroupsError extends Error {
  constructor(readonly code: number) {
    super(`ListGroups failed with error code ${code}`);
  }
}

export const listGroups = defineRequest<{ types?: string[]; states?: string[] }, ListedGroup[]>({
  name: 'ListGroups',
  apiKey: 16,
  version: LIST_GROUPS_TYPES_VERSION,
  flexible: true,
  encode(w, args) {
    w.array(args.states ?? [], (sw, s) => sw.string(s))
      .array(args.types ?? [], (tw, t) => tw.string(t))
      .emptyTaggedFields();
  },
  decode(r: KafkaReader) {
    r.int32();
    const errorCode = r.int16();
    if (errorCode !== 0) throw new ListGroupsError(errorCode);
    const groups = r.array((gr) => {
      const g = { groupId: gr.string(), protocolType: gr.string(), state: gr.string(), type: gr.string() };
      gr.skipTaggedFields();
      return g;
    });
    r.skipTaggedFields();
    return groups;
  },
});
