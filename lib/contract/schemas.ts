import { z } from 'zod';
import type { BrowseQueryInput } from './browse';

// Runtime validation of what clients send: types alone check nothing at run time.

// The page's CSP forbids eval; without this zod probes for it (new Function) and the browser
// reports a violation.
z.config({ jitless: true });

export const resyncSchema = z.object({ reason: z.string().max(200) }).strict();

// Kafka caps group ids only by the protocol's string length; 1000 is far past any real one.
// The one group-id rule: a group that can be viewed can also be reset or rebalanced.
export const groupIdSchema = z
  .string()
  .min(1, 'a group id is required')
  .max(1000, 'group ids are at most 1000 characters');
// Kafka's topic name rule: 1-249 of [a-zA-Z0-9._-].
export const topicNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9._-]{1,249}$/, 'topic names are 1-249 characters of a-z, A-Z, 0-9, ".", "_" and "-"');

/** A live scan's id, chosen by the page (random), so its events can be told from an earlier
 *  scan's. */
export const scanIdSchema = z
  .string({ error: 'scanId must be text' })
  .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'scanId is 1-64 characters of a-z, A-Z, 0-9, "_" and "-"');

/** What a page watches live (lib/contract/watch.ts). */
export const watchSchema = z.discriminatedUnion('kind', [
  /** One group's detail and lag history. */
  z.object({ kind: z.literal('group'), groupId: groupIdSchema }).strict(),
  /** Every group's offsets on one topic; the poller also reads its log ends between rounds. */
  z.object({ kind: z.literal('topic'), topic: topicNameSchema }).strict(),
  /** The live tail of one topic: its newest messages (up to TAIL_CAP), then every new one. */
  z.object({ kind: z.literal('tail'), topic: topicNameSchema }).strict(),
  /** The alert rules, what fires and the latest transitions (lib/contract/alerts.ts). */
  z.object({ kind: z.literal('alerts') }).strict(),
  /** One search over a topic, streamed (lib/contract/browse.ts): the fields of scanStartSchema.
   *  The query is checked here only as an object: the browse service validates and compiles it
   *  (browseQuerySchema, regexes, JSON paths) and a refusal ends the scan with its words, in a
   *  `scan:end` the page can tell by its scanId. */
  z
    .object({
      kind: z.literal('scan'),
      scanId: scanIdSchema,
      topic: topicNameSchema,
      query: z.custom<BrowseQueryInput>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
        error: 'query must be an object',
      }),
    })
    .strict(),
]);

// `action:run` is validated by its own dispatcher (server/actions), against action-schemas.ts.
export const actionRunSchema = z.object({ name: z.string().min(1).max(100), payload: z.unknown() }).strict();

export const clientEventSchemas = {
  'cluster:resync': resyncSchema,
  'groups:resync': resyncSchema,
  watch: watchSchema,
  unwatch: watchSchema,
  'action:run': actionRunSchema,
} as const;
