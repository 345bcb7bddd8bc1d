import type { TopicPartitionRef } from '@/lib/contract/groups';
import { defineRequest } from '@/server/kafka/protocol/request';
import { encodeDescribeGroups, readAssignment } from './group-assignment';

// ConsumerGroupDescribe (API key 69) v1, flexible: a KIP-848 consumer group as its coordinator
// holds it: group and assignment epochs, and per member its epoch, current assignment and the
// target it is reconciling towards. v1 adds MemberType (classic-protocol members of a mixed group).

export interface DescribedConsumerMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  assignment: TopicPartitionRef[];
  targetAssignment: TopicPartitionRef[];
  /** -1 unknown, 0 classic, 1 consumer. */
  memberType: number;
}

export interface DescribedConsumerGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: DescribedConsumerMember[];
}

export const MEMBER_TYPE_CLASSIC = 0;

export const consumerGroupDescribe = defineRequest<{ groupIds: string[] }, DescribedConsumerGroup[]>({
  name: 'ConsumerGroupDescribe',
  apiKey: 69,
  version: 1,
  flexible: true,
  encode(w, { groupIds }) {
    encodeDescribeGroups(w, groupIds);
  },
  decode(r) {
    r.int32();
    const groups = r.array((gr) => {
      const group = {
        errorCode: gr.int16(),
        errorMessage: gr.nullableString(),
        groupId: gr.string(),
        state: gr.string(),
        groupEpoch: gr.int32(),
        assignmentEpoch: gr.int32(),
        assignor: gr.string(),
        members: gr.array((mr) => {
          const m = {
            memberId: mr.string(),
            instanceId: mr.nullableString(),
            rackId: mr.nullableString(),
            memberEpoch: mr.int32(),
            clientId: mr.string(),
            clientHost: mr.string(),
            subscribedTopicNames: mr.array((sr) => sr.string()),
            subscribedTopicRegex: mr.nullableString(),
            assignment: readAssignment(mr),
            targetAssignment: readAssignment(mr),
            memberType: mr.int8(),
          };
          mr.skipTaggedFields();
          return m;
        }),
      };
      gr.int32();
      gr.skipTaggedFields();
      return group;
    });
    r.skipTaggedFields();
    return groups;
  },
});
