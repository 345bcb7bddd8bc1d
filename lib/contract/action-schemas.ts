import { z } from 'zod';
import { groupIdSchema as groupId, topicNameSchema } from './schemas';
import { alertsSetSchema } from './alerts';
import { LAB_PROTOCOLS } from './actions';

// Every action a person can take from the dashboard, as one zod schema each. The server
// validates every payload against these (socket and HTTP alike); the forms use the same
// schemas, so a form and the server never disagree on what is valid.

const partitionNo = z.number().int().min(0).max(99_999);
const brokerId = z.number().int().min(0).max(1_000_000);
// Lab instances are named A, B, ... Z, then A2, B2, ...
const instanceName = z
  .string()
  .regex(/^[A-Z][0-9]{0,3}$/, 'instance names are a capital letter, optionally followed by a number (A, B, A2)');
/** Topic settings in milliseconds or bytes: -1 means unlimited, as in Kafka. */
const limit = z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER);

export const MAX_HEADERS = 100;
/** The biggest value accepted from a form: bigger than Kafka's default 1 MB message limit, so
 *  that limit is reported by the broker check, not hidden behind a socket error. */
export const MAX_VALUE_CHARS = 1_500_000;
export const MAX_BULK_COUNT = 10_000;
export const MAX_LOAD_RATE = 50_000;
export const MAX_LOAD_SECONDS = 600;
export const MAX_LAB_CONSUMERS = 10;

export const headerSchema = z
  .object({ key: z.string().min(1, 'header keys cannot be empty').max(256), value: z.string().max(10_000) })
  .strict();

export const produceSchema = z
  .object({
    topic: topicNameSchema,
    /** null: no key (messages spread over partitions). `{n}` is replaced by the message number in bulk sends. */
    key: z.string().max(10_000).nullable(),
    value: z.string().max(MAX_VALUE_CHARS, `values here are at most ${MAX_VALUE_CHARS} characters`),
    /** `json`: the value must parse as JSON (checked on the server too). */
    format: z.enum(['text', 'json']),
    /** Duplicate keys are kept, in order, as Kafka allows. */
    headers: z.array(headerSchema).max(MAX_HEADERS, `at most ${MAX_HEADERS} headers`),
    /** null: let the partitioner choose (murmur2 of the key, or round-robin without one). */
    partition: partitionNo.nullable(),
    count: z
      .number()
      .int()
      .min(1)
      .max(MAX_BULK_COUNT, `at most ${MAX_BULK_COUNT} messages per send; use the load generator for more`),
    /** true: a tombstone, the key with a null value, which compaction takes as "delete this
     *  key"; it needs a key, and the value stays empty. Omitted or false: a value as given. */
    tombstone: z.boolean().optional(),
  })
  .strict()
  .refine((r) => !r.tombstone || r.key !== null, {
    error: 'a tombstone needs a key: compaction deletes by key',
    path: ['key'],
  })
  .refine((r) => !r.tombstone || r.value === '', {
    error: 'a tombstone has no value: leave the value empty',
    path: ['value'],
  });

export const loadStartSchema = z
  .object({
    topic: topicNameSchema,
    rate: z.number().int().min(1).max(MAX_LOAD_RATE, `at most ${MAX_LOAD_RATE} messages per second`),
    durationSeconds: z.number().int().min(1).max(MAX_LOAD_SECONDS, `at most ${MAX_LOAD_SECONDS} seconds`),
    /** e.g. `order-{n}`; null sends without keys. */
    keyPattern: z.string().min(1).max(200).nullable(),
    /** Distinct keys the pattern cycles through ({n} = message number mod keySpace). */
    keySpace: z.number().int().min(1).max(1_000_000),
  })
  .strict();

export const loadStopSchema = z.object({ id: z.string().min(1).max(64) }).strict();

export const labStartSchema = z
  .object({
    groupId,
    topics: z.array(topicNameSchema).min(1, 'pick at least one topic').max(20),
    consumers: z.number().int().min(1).max(MAX_LAB_CONSUMERS),
    /** Per-message processing time, to build lag on purpose. */
    processingDelayMs: z.number().int().min(0).max(10_000),
    /** How long the coordinator waits for a silent (killed) member before rebalancing. */
    sessionTimeoutMs: z.number().int().min(6_000).max(60_000),
    /** Absent in payloads from before the Java worker: classic, as then. */
    protocol: z.enum(LAB_PROTOCOLS).optional(),
  })
  .strict();

export const labInstanceSchema = z.object({ instance: instanceName }).strict();
export const labScaleSchema = z
  .object({ instance: instanceName, consumers: z.number().int().min(1).max(MAX_LAB_CONSUMERS) })
  .strict();
export const labRebalanceSchema = z.object({ groupId }).strict();

const dirtyRatio = z.number().min(0).max(1);

export const CLEANUP_POLICIES = ['delete', 'compact', 'compact,delete'] as const;

export const topicCreateSchema = z
  .object({
    name: topicNameSchema,
    partitions: z.number().int().min(1).max(1_000),
    replicationFactor: z.number().int().min(1).max(32),
    cleanupPolicy: z.enum(CLEANUP_POLICIES),
    /** null: the broker's default. */
    retentionMs: limit.nullable(),
    retentionBytes: limit.nullable(),
    segmentMs: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
    /** min.cleanable.dirty.ratio: Kafka's 0.5 waits for half the log to be dirty before
     *  cleaning; a low value lets a compaction demo show results quickly. Left out = default. */
    minCleanableDirtyRatio: dirtyRatio.nullable().optional(),
    /** delete.retention.ms: how long a cleaned tombstone stays readable (a day by default); 0
     *  lets a compaction demo show the deleted key gone. Left out = default. */
    deleteRetentionMs: limit.nullable().optional(),
  })
  .strict();

export const topicPartitionsSchema = z
  .object({ topic: topicNameSchema, partitions: z.number().int().min(1).max(1_000) })
  .strict();

/** Each field: left out = unchanged, null = back to the broker's default, a value = set. */
export const topicConfigSchema = z
  .object({
    topic: topicNameSchema,
    cleanupPolicy: z.enum(CLEANUP_POLICIES).nullable().optional(),
    retentionMs: limit.nullable().optional(),
    retentionBytes: limit.nullable().optional(),
    segmentMs: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    minCleanableDirtyRatio: dirtyRatio.nullable().optional(),
    deleteRetentionMs: limit.nullable().optional(),
  })
  .strict();

/** `confirm` must repeat the topic name: deleting is not undoable. */
export const topicDeleteSchema = z.object({ topic: topicNameSchema, confirm: z.string().max(300) }).strict();

export const topicKeysSchema = z.object({ topic: topicNameSchema }).strict();

export const offsetsResetSchema = z.discriminatedUnion('to', [
  z.object({ groupId, topic: topicNameSchema, to: z.literal('earliest') }).strict(),
  z.object({ groupId, topic: topicNameSchema, to: z.literal('latest') }).strict(),
  z
    .object({
      groupId,
      topic: topicNameSchema,
      to: z.literal('timestamp'),
      timestamp: z.number().int().min(0).max(8_640_000_000_000_000),
    })
    .strict(),
  z
    .object({
      groupId,
      topic: topicNameSchema,
      to: z.literal('explicit'),
      offsets: z
        .array(
          z.object({ partition: partitionNo, offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
        )
        .min(1)
        .max(10_000),
    })
    .strict(),
]);

/** `confirm` must repeat the group id: a deleted group's committed offsets are gone. */
export const groupDeleteSchema = z.object({ groupId, confirm: z.string().max(1_000) }).strict();

export const brokerSchema = z.object({ brokerId }).strict();

/** Abort one producer's open transaction on one partition; `confirm` is the producer id typed. */
export const transactionAbortSchema = z
  .object({
    topic: topicNameSchema,
    partition: partitionNo,
    producerId: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    confirm: z.string().max(100),
  })
  .strict();

export const actionSchemas = {
  'produce:send': produceSchema,
  'produce:load-start': loadStartSchema,
  'produce:load-stop': loadStopSchema,
  'lab:start': labStartSchema,
  'lab:stop': labInstanceSchema,
  'lab:kill': labInstanceSchema,
  'lab:pause': labInstanceSchema,
  'lab:resume': labInstanceSchema,
  'lab:scale': labScaleSchema,
  'lab:rebalance': labRebalanceSchema,
  'topic:create': topicCreateSchema,
  'topic:add-partitions': topicPartitionsSchema,
  'topic:configure': topicConfigSchema,
  'topic:delete': topicDeleteSchema,
  'topic:count-keys': topicKeysSchema,
  'offsets:reset': offsetsResetSchema,
  'group:delete': groupDeleteSchema,
  'broker:stop': brokerSchema,
  'broker:kill': brokerSchema,
  'broker:start': brokerSchema,
  'transaction:abort': transactionAbortSchema,
  'alerts:set-rules': alertsSetSchema,
} as const;

export type ActionName = keyof typeof actionSchemas;
export type ActionPayload<N extends ActionName> = z.infer<(typeof actionSchemas)[N]>;
/** What a caller may send: optional fields with defaults may be left out. */
export type ActionInput<N extends ActionName> = z.input<(typeof actionSchemas)[N]>;
export const ACTION_NAMES = Object.keys(actionSchemas) as ActionName[];
export const isActionName = (name: string): name is ActionName =>
  Object.prototype.hasOwnProperty.call(actionSchemas, name);

export type ProduceRequest = ActionPayload<'produce:send'>;
export type LoadStartRequest = ActionPayload<'produce:load-start'>;
export type LabStartRequest = ActionPayload<'lab:start'>;
export type TopicCreateRequest = ActionPayload<'topic:create'>;
export type TopicConfigRequest = ActionPayload<'topic:configure'>;
export type OffsetsResetRequest = ActionPayload<'offsets:reset'>;
