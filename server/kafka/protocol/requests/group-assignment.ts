import type { TopicPartitionRef } from '@/lib/contract/groups';
import type { KafkaReader, KafkaWriter } from '@/server/kafka/protocol/codec';

// The Assignment struct the new group protocols' describe answers share: topics by id and
// name, each with its partitions (ConsumerGroupDescribe adds no more; ShareGroupDescribe the same).

export function readTopicPartitions(r: KafkaReader): TopicPartitionRef[] {
  const out: TopicPartitionRef[] = [];
  for (const t of r.array((tr) => {
    tr.uuid();
    const topic = tr.string();
    const partitions = tr.array((pr) => pr.int32());
    tr.skipTaggedFields();
    return { topic, partitions };
  }))
    for (const partition of t.partitions) out.push({ topic: t.topic, partition });
  return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** The Assignment struct: its topic partitions, then its own tagged fields. */
export function readAssignment(r: KafkaReader): TopicPartitionRef[] {
  const tps = readTopicPartitions(r);
  r.skipTaggedFields();
  return tps;
}

export class GroupDescribeError extends Error {
  constructor(
    readonly api: string,
    readonly groupId: string,
    readonly code: number,
    detail: string | null,
  ) {
    super(`${api} for ${groupId} failed with error code ${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** Errors a describe answers per group: 69 GROUP_ID_NOT_FOUND means "not this type / gone". */
export const GROUP_ID_NOT_FOUND = 69;

/** The request body the new protocols' describes share: the group ids, and no authorized
 *  operations (IncludeAuthorizedOperations false). */
export function encodeDescribeGroups(w: KafkaWriter, groupIds: string[]): void {
  w.array(groupIds, (gw, id) => gw.string(id))
    .int8(0)
    .emptyTaggedFields();
}
