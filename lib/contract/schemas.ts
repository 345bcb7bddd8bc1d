import { z } from 'zod';

// Runtime validation of what clients send: types alone check nothing at run time.

export const resyncSchema = z.object({ reason: z.string().max(200) }).strict();

export const clientEventSchemas = {
  'cluster:resync': resyncSchema,
} as const;
