import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError } from '@/lib/contract/api';
import type { MessageResponse } from '@/lib/contract/browse-message';
import { SearchRefused } from '@/server/browse/service';
import { topicFromPath } from './topic-path';

// GET /api/topics/:name/messages/:partition/:offset: one message in full. It reads and changes
// nothing, so read-only mode allows it; the path is checked before anything is read.

export const MESSAGE_PATH = /^\/api\/topics\/([^/]+)\/messages\/([^/]+)\/([^/]+)$/;

export type ReadMessage = (topic: string, partition: number, offset: number) => Promise<MessageResponse>;

function answer(res: ServerResponse, status: number, body: MessageResponse | ApiError): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const whole = (text: string): number | null =>
  /^\d{1,16}$/.test(text) && Number(text) <= Number.MAX_SAFE_INTEGER ? Number(text) : null;

export function serveMessage(res: ServerResponse, match: RegExpExecArray, read: ReadMessage): void {
  const named = topicFromPath(match[1]);
  if (!named.ok) return answer(res, 400, { error: named.error });
  const partition = whole(match[2]);
  if (partition === null)
    return answer(res, 400, { error: `partition "${match[2].slice(0, 40)}" is not a whole number` });
  const offset = whole(match[3]);
  if (offset === null) return answer(res, 400, { error: `offset "${match[3].slice(0, 40)}" is not a whole number` });
  read(named.topic, partition, offset).then(
    (message) => answer(res, 200, message),
    (e: unknown) => {
      if (e instanceof SearchRefused) answer(res, e.status, { error: e.message });
      else answer(res, 500, { error: `reading the message failed: ${e instanceof Error ? e.message : String(e)}` });
    },
  );
}

export function isMessageRequest(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD';
}
