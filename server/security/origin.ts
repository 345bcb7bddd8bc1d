import type { IncomingMessage } from 'node:http';

// A browser names the page that opened a socket or sent a form in `Origin`. Only the
// dashboard's own origin (the host the request came to) and those in KAFKA_LIVE_ALLOWED_ORIGINS
// may act, so another site open in the same browser cannot reach the dashboard through it.
// Scripts and tools send no Origin; they are not a browser's cross-site request.

export type OriginVerdict = { ok: true } | { ok: false; origin: string };

export function checkOrigin(req: IncomingMessage, allowed: readonly string[]): OriginVerdict {
  const origin = req.headers.origin;
  if (origin === undefined) return { ok: true };
  const shown = origin.slice(0, 200);
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return { ok: false, origin: shown };
  }
  if (allowed.includes(url.origin)) return { ok: true };
  const host = req.headers.host;
  return host !== undefined && url.host === host && (url.protocol === 'http:' || url.protocol === 'https:')
    ? { ok: true }
    : { ok: false, origin: shown };
}

export function originRefusal(origin: string): string {
  return `origin ${JSON.stringify(origin)} is not allowed: only the dashboard's own origin and KAFKA_LIVE_ALLOWED_ORIGINS may connect`;
}
