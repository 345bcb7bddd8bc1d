// Errors an action can answer with. An ActionError is a refusal worded for the person who
// clicked (shown as is); anything else is a failure and is described from its Kafka error.

export class ActionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionError';
  }
}

/** Kafka error codes people meet in the lab, in words. kafkajs names them by `type`. */
const KAFKA_WORDS: Record<string, string> = {
  TOPIC_ALREADY_EXISTS: 'a topic with that name already exists',
  UNKNOWN_TOPIC_OR_PARTITION: 'no such topic or partition',
  INVALID_PARTITIONS: 'invalid partition count',
  INVALID_REPLICATION_FACTOR: 'invalid replication factor',
  INVALID_CONFIG: 'invalid topic setting',
  MESSAGE_TOO_LARGE: 'the message is larger than the broker accepts',
  RECORD_LIST_TOO_LARGE: 'the batch is larger than the broker accepts',
  NOT_ENOUGH_REPLICAS: 'not enough in-sync replicas to accept the write (min.insync.replicas)',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 'written, but not to enough in-sync replicas',
  NOT_LEADER_FOR_PARTITION: 'the partition leader moved; try again',
  LEADER_NOT_AVAILABLE: 'the partition has no leader right now',
  REQUEST_TIMED_OUT: 'the broker did not answer in time',
  UNKNOWN_MEMBER_ID: 'the group does not know this member',
  ILLEGAL_GENERATION: 'the group moved to a new generation',
  REBALANCE_IN_PROGRESS: 'the group is rebalancing',
  GROUP_AUTHORIZATION_FAILED: 'not authorized for this group',
  TOPIC_AUTHORIZATION_FAILED: 'not authorized for this topic',
  CLUSTER_AUTHORIZATION_FAILED: 'not authorized for this cluster action',
  POLICY_VIOLATION: 'refused by the cluster policy',
};

/** A one-line description of any error, for the UI. */
export function describeError(e: unknown): string {
  if (e instanceof ActionError) return e.message;
  const err = e as { type?: string; message?: string; name?: string; errors?: unknown[] } | null;
  if (err && typeof err === 'object') {
    if (err.type && KAFKA_WORDS[err.type]) return `${KAFKA_WORDS[err.type]} (${err.type})`;
    // kafkajs wraps the last retry's cause; its message is the useful one.
    if (err.name === 'KafkaJSNumberOfRetriesExceeded' && 'cause' in err)
      return describeError((err as { cause: unknown }).cause);
    if (Array.isArray(err.errors) && err.errors.length > 0) return describeError(err.errors[0]);
    if (err.message) return err.message;
  }
  return String(e);
}
