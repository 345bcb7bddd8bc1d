// The Kafka requests and stored records the server encodes or decodes itself.
//
//   codec.ts             KafkaReader / KafkaWriter: Kafka's primitive types, classic and flexible
//   request.ts           defineRequest, and send(): one request to one broker connection
//   requests/<api>.ts    one file per Kafka API, at one version, with its test beside it
//   records/<name>.ts    bytes Kafka stores rather than sends: __consumer_offsets records, the
//                        consumer protocol's member subscription and assignment
//
// Requests kafkajs already encodes well (Fetch, DescribeConfigs, ListGroups v0-2, DescribeGroups,
// OffsetCommit) go through its broker objects instead: see ../kafkajs-private.ts.
//
// Adding a request:
// 1. Read its schema in apache/kafka clients/src/main/resources/common/message/<Api>Request.json
//    and <Api>Response.json: pick a version every broker you support serves, and note whether
//    it is at or past `flexibleVersions`.
// 2. Write requests/<api>.ts: `export const <api> = defineRequest<Args, Result>({ name, apiKey,
//    version, flexible, encode(w, args), decode(r, args) })`. In a flexible version end each
//    struct with `w.emptyTaggedFields()` / `r.skipTaggedFields()`; the header's are done for you.
// 3. Write requests/<api>.test.ts: encode with encodeRequest() and check the bytes; build an
//    answer with KafkaWriter and check decodeResponse() reads it, error codes included.
// 4. Export it below, and call it: `await send(broker, <api>, args)`, with the broker from
//    brokerOf() or askInOrder() (../connections.ts).

export { DecodeError, KafkaReader, KafkaWriter } from './codec';
export { decodeResponse, defineRequest, encodeRequest, send, type RequestDefinition } from './request';
export {
  alterShareGroupOffsets,
  type AlterShareOffsetsAnswer,
  type ShareOffsetsTarget,
} from './requests/alter-share-group-offsets';
export {
  consumerGroupDescribe,
  MEMBER_TYPE_CLASSIC,
  type DescribedConsumerGroup,
  type DescribedConsumerMember,
} from './requests/consumer-group-describe';
export { describeQuorum, QuorumError } from './requests/describe-quorum';
export { describeShareGroupOffsets } from './requests/describe-share-group-offsets';
export { GROUP_ID_NOT_FOUND, GroupDescribeError } from './requests/group-assignment';
export { LIST_GROUPS_TYPES_VERSION, listGroups, ListGroupsError, type ListedGroup } from './requests/list-groups';
export {
  IsolationLevel,
  listOffsets,
  OffsetSpec,
  type ListOffsetsArgs,
  type SpecialOffset,
} from './requests/list-offsets';
export { metadata, UNKNOWN_TOPIC_OR_PARTITION, type RawMetadata } from './requests/metadata';
export { topicIds } from './requests/topic-ids';
export { fetchRequest, type FetchArgs, type FetchedPartition } from './requests/fetch';
export { batchesEnd, controlType, readRecords, type BatchRecord } from './records/record-batch';
export { shareGroupDescribe, type DescribedShareGroup } from './requests/share-group-describe';
export {
  streamsGroupDescribe,
  type DescribedStreamsGroup,
  type StreamsAssignment,
  type StreamsTasks,
} from './requests/streams-group-describe';
export { decodeAssignment, decodeSubscription } from './records/consumer-protocol';
export type { CurrentAssignment, GroupEpochRecord, GroupFamily, OwnedSet } from './records/group-records';
export {
  decodeOffsetsRecord,
  type GroupMetadata,
  type OffsetCommit,
  type OffsetsRecord,
  type StoredMember,
} from './records/offsets-log';
export { describeProducers, type PartitionProducers } from './requests/describe-producers';
export { describeTransactions, type DescribedTransaction } from './requests/describe-transactions';
export { listTransactions, ListTransactionsError, type ListedTransaction } from './requests/list-transactions';
export { writeTxnMarkers, type TxnMarker } from './requests/write-txn-markers';
