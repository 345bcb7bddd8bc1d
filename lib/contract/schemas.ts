import { z } from 'zod';

// Runtime validation of what clients send: types alone check nothing at run time.

// The page's CSP forbids eval; without this zod probes for it (new Function) and the browser
// reports a violation.
z.config({ jitless: true });

export const resyncSchema = z.object({ reason: z.string().max(200) }).strict();

// Kafka caps group ids only by the protocol's string length; 1000 is far past any real one.
export const groupIdParamSchema = z.string().min(1, 'a group id is required').max(1000, 'group ids are at most 1000 characters');
export const groupWatchSchema = z.object({ groupId: groupIdParamSchema.nullable() }).strict();
// Kafka's topic name rule: 1-249 of [a-zA-Z0-9._-].
export const topicNameSchema = z.string().regex(/^[a-zA-Z0-9._-]{1,249}$/, 'topic names are 1-249 characters of a-z, A-Z, 0-9, ".", "_" and "-"');
export const topicWatchSchema = z.object({ topic: topicNameSchema.nullable() }).strict();

export const tailWatchSchema = z.object({ topic: topicNameSchema.nullable() }).strict();

// `action:run` is validated by its own dispatcher (server/actions), against action-schemas.ts.
export const actionRunSchema = z.object({ name: z.string().min(1).max(100), payload: z.unknown() }).strict();

export const clientEventSchemas = {
  'cluster:resync': resyncSchema,
  'groups:resync': resyncSchema,
  'group:watch': groupWatchSchema,
  'topic:watch': topicWatchSchema,
  'tail:watch': tailWatchSchema,
  'action:run': actionRunSchema,
} as const;
