import type { TopicPartitionRef } from '@/lib/contract/groups';
import { defineRequest } from '@/server/kafka/protocol/request';
import { encodeDescribeGroups, readAssignment } from './group-assignment';

// ShareGroupDescribe (API key 77) v1, flexible (v0 was 4.0's early access, removed in 4.1):
// a KIP-932 share group. Its members may be assigned the same partitions: records of one
// partition are handed out to several consumers, acknowledged one by one.

export interface DescribedShareMember {
  memberId: string;
  rackId: string | null;
  memberEpoch: number;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  assignment: TopicPartitionRef[];
}

export interface DescribedShareGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  assignor: string;
  members: DescribedShareMember[];
}

export const shareGroupDescribe = defineRequest<{ groupIds: string[] }, DescribedShareGroup[]>({
  name: 'ShareGroupDescribe',
  apiKey: 77,
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
          const memberId = mr.string();
          const rackId = mr.nullableString();
          const memberEpoch = mr.int32();
          const clientId = mr.string();
          const clientHost = mr.string();
          const subscribedTopicNames = mr.array((sr) => sr.string());
          const assignment = readAssignment(mr);
          mr.skipTaggedFields();
          return { memberId, rackId, memberEpoch, clientId, clientHost, subscribedTopicNames, assignment };
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
