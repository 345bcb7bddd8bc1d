import type { BrowseMessage } from './browse';

// GET /api/topics/:name/messages/:partition/:offset: one message in full, for the browser's
// "load full value" (a search sends at most BROWSE_DISPLAY_BYTES of each value). Read-only, so
// allowed in read-only mode; it answers the message, or ApiError (400 bad path, 404 no such
// topic, partition or message, 503 Kafka failed).

/** Bytes of a key, value or header value sent in full; past this even this answer truncates.
 *  Far above Kafka's default 1 MB message limit. */
export const MESSAGE_FULL_BYTES = 16 * 1024 * 1024;

export type MessageResponse = BrowseMessage;

export const messagePath = (topic: string, partition: number, offset: number): string =>
  `/api/topics/${encodeURIComponent(topic)}/messages/${partition}/${offset}`;
