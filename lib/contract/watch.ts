import type { z } from 'zod';
import type { watchSchema } from './schemas';

// One concept for everything a page follows live: a Watch names it, the server keeps one
// subscription per distinct watch (server/realtime/subscriptions.ts) and the page one entry
// per watch (lib/store/watch-slice.ts). A new live view is one more kind here and in
// watchSchema (./schemas.ts), which validates what clients send.

export type Watch = z.infer<typeof watchSchema>;
export type WatchKind = Watch['kind'];
export type WatchOf<K extends WatchKind> = Extract<Watch, { kind: K }>;
/** Watches components share (counted, answered with the current state, sent again after a
 *  reconnect). A scan is not one of them: it is one run owned by the component that started it,
 *  never shared, never restarted by a reconnect (lib/store/scan-slice.ts). */
export type SharedWatch = Exclude<Watch, { kind: 'scan' }>;
export type SharedWatchKind = SharedWatch['kind'];

/** Watches one connection may hold at once: a page holds one or two; this only bounds a client
 *  that never unwatches (each tail is a fetch loop on the server). */
export const MAX_WATCHES = 8;

/** One string per distinct watch: the server's subscription key and the store's. Built, never
 *  parsed: the kind prefix keeps kinds apart, and each kind has one identifying field. */
export function watchKey(watch: Watch): string {
  switch (watch.kind) {
    case 'group':
      return `group:${watch.groupId}`;
    case 'topic':
      return `topic:${watch.topic}`;
    case 'tail':
      return `tail:${watch.topic}`;
    case 'scan':
      return `scan:${watch.scanId}`;
    case 'alerts':
      return 'alerts';
  }
}
