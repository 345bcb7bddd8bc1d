import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '@/lib/contract/api';
import type { BrowseMessage, BrowseResponse } from '@/lib/contract/browse';
import { SearchRefused, type BrowseService } from '@/server/browse/service';
import { readJsonBody } from './json-body';
import { topicFromPath } from './topic-path';

// POST /api/topics/:name/messages/search: one search, every match (at most `limit`) in one
// answer. Refusals (bad query 400, no topic 404, too many searches 429) come before anything
// is read; a client that hangs up cancels its scan.

export const SEARCH_PATH = /^\/api\/topics\/([^/]+)\/messages\/search$/;

/** A query is small: filters are capped at 1,000 characters each. */
const MAX_QUERY_BYTES = 64 * 1024;

function answer(res: ServerResponse, status: number, body: BrowseResponse | ApiError): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function serveSearch(req: IncomingMessage, res: ServerResponse, rawName: string, browse: BrowseService): void {
  const named = topicFromPath(rawName);
  if (!named.ok) {
    req.resume();
    answer(res, 400, { error: named.error });
    return;
  }
  void readJsonBody(req, MAX_QUERY_BYTES, 'query').then(async (body) => {
    if (!body.ok) return answer(res, body.status, { error: body.error });
    const controller = new AbortController();
    // The client hung up before its answer: stop reading for it.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const messages: BrowseMessage[] = [];
    try {
      const outcome = await browse.search(
        named.topic,
        body.payload,
        `api:${req.socket.remoteAddress ?? 'unknown'}`,
        { onMatches: (found) => messages.push(...found) },
        controller.signal,
      );
      answer(res, 200, { messages, ...outcome });
    } catch (e) {
      if (e instanceof SearchRefused) {
        if (e.status === 429) res.setHeader('retry-after', '1');
        answer(res, e.status, { error: e.message });
      } else answer(res, 500, { error: `search failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  });
}
