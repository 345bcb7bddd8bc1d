import { defineRequest } from '@/server/kafka/protocol/request';
import { encodeDescribeGroups } from './group-assignment';
import type { KafkaReader } from '@/server/kafka/protocol/codec';

// StreamsGroupDescribe (API key 89) v0, flexible: a streams group (KIP-1071) as its coordinator
// holds it: the topology's subtopologies with their source topics, and per member its process,
// epoch and tasks (active, standby, warm-up), current and target. A task is a subtopology and a
// partition number: the partition of each of that subtopology's source topics. The layout is
// Kafka 4.4's v0 (StreamsGroupDescribeResponseData in kafka-clients): the topology and a member's
// user endpoint are nullable structs, each behind a one-byte marker (-1: null).

export interface StreamsTasks {
  subtopology: string;
  partitions: number[];
}

export interface StreamsAssignment {
  active: StreamsTasks[];
  standby: StreamsTasks[];
  warmup: StreamsTasks[];
}

export interface StreamsSubtopology {
  id: string;
  /** Source topics, user topics and the repartition topics the subtopology reads. */
  sourceTopics: string[];
}

export interface DescribedStreamsMember {
  memberId: string;
  memberEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  topologyEpoch: number;
  processId: string;
  /** A member of a classic group being upgraded (not a streams-protocol client). */
  isClassic: boolean;
  assignment: StreamsAssignment;
  targetAssignment: StreamsAssignment;
}

export interface DescribedStreamsGroup {
  errorCode: number;
  errorMessage: string | null;
  groupId: string;
  state: string;
  groupEpoch: number;
  assignmentEpoch: number;
  topologyEpoch: number | null;
  /** Null while the group has no topology yet. */
  topology: StreamsSubtopology[] | null;
  members: DescribedStreamsMember[];
}

const done = <T>(r: KafkaReader, v: T): T => {
  r.skipTaggedFields();
  return v;
};

const keyValues = (r: KafkaReader) => r.array((kr) => done(kr, [kr.string(), kr.string()]));

/** TopicInfo: name, partitions, replication factor, configs. */
const topicInfoName = (r: KafkaReader) =>
  r.array((tr) => {
    const name = tr.string();
    tr.int32();
    tr.int16();
    keyValues(tr);
    return done(tr, name);
  });

const tasks = (r: KafkaReader): StreamsTasks[] =>
  r.array((tr) =>
    done(tr, { subtopology: tr.string(), partitions: tr.array((pr) => pr.int32()).sort((a, b) => a - b) }),
  );

const assignment = (r: KafkaReader): StreamsAssignment =>
  done(r, { active: tasks(r), standby: tasks(r), warmup: tasks(r) });

const taskOffsets = (r: KafkaReader) =>
  r.array((tr) => {
    tr.string();
    tr.int32();
    tr.int64();
    return done(tr, null);
  });

function subtopology(r: KafkaReader): StreamsSubtopology {
  const id = r.string();
  const sources = r.array((sr) => sr.string());
  r.array((sr) => sr.string()); // repartition sink topics
  topicInfoName(r); // state changelog topics
  const repartitionSources = topicInfoName(r);
  return done(r, { id, sourceTopics: [...sources, ...repartitionSources] });
}

/** A nullable struct: -1 for null, then the struct. */
function nullableStruct<T>(r: KafkaReader, read: (r: KafkaReader) => T): T | null {
  return r.int8() < 0 ? null : read(r);
}

function member(r: KafkaReader): DescribedStreamsMember {
  const head = {
    memberId: r.string(),
    memberEpoch: r.int32(),
    instanceId: r.nullableString(),
    rackId: r.nullableString(),
    clientId: r.string(),
    clientHost: r.string(),
    topologyEpoch: r.int32(),
    processId: r.string(),
  };
  nullableStruct(r, (er) => done(er, [er.string(), er.int16()])); // user endpoint (host, port)
  keyValues(r); // client tags
  taskOffsets(r);
  taskOffsets(r); // task end offsets
  const current = assignment(r);
  const target = assignment(r);
  return done(r, { ...head, assignment: current, targetAssignment: target, isClassic: r.int8() !== 0 });
}

export const streamsGroupDescribe = defineRequest<{ groupIds: string[] }, DescribedStreamsGroup[]>({
  name: 'StreamsGroupDescribe',
  apiKey: 89,
  version: 0,
  flexible: true,
  encode(w, { groupIds }) {
    encodeDescribeGroups(w, groupIds);
  },
  decode(r) {
    r.int32();
    const groups = r.array((gr) => {
      const errorCode = gr.int16();
      const errorMessage = gr.nullableString();
      const groupId = gr.string();
      const state = gr.string();
      const groupEpoch = gr.int32();
      const assignmentEpoch = gr.int32();
      const described = nullableStruct(gr, (tr) =>
        done(tr, { epoch: tr.int32(), subtopologies: tr.nullableArray(subtopology) }),
      );
      const members = gr.array(member);
      gr.int32();
      return done(gr, {
        errorCode,
        errorMessage,
        groupId,
        state,
        groupEpoch,
        assignmentEpoch,
        topologyEpoch: described?.epoch ?? null,
        topology: described?.subtopologies ?? null,
        members,
      });
    });
    r.skipTaggedFields();
    return groups;
  },
});
