import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ApiError } from '@/lib/contract/api';
import type { TransactionsResponse } from '@/lib/contract/transactions';
import { describeIssue } from '@/lib/contract/describe-issue';
import { readTransactions, type TransactionsDeps } from '@/server/transactions/read';

// GET /api/transactions[?olderThanMs=N]: transactional ids with their state, and the
// transactions open on partitions, long-open and hanging ones marked, with the groups they
// hold back. A read: answered in read-only mode too, not audited.

export const TRANSACTIONS_PATH = '/api/transactions';
export const DEFAULT_LONG_OPEN_MS = 60_000;
const query = z.object({ olderThanMs: z.coerce.number().int().min(0).max(86_400_000).optional() });

function answer(res: ServerResponse, status: number, body: TransactionsResponse | ApiError): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function serveTransactions(req: IncomingMessage, res: ServerResponse, deps: TransactionsDeps): void {
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  const parsed = query.safeParse(Object.fromEntries(params));
  if (!parsed.success) return answer(res, 400, { error: `the query: ${describeIssue(parsed.error)}` });
  readTransactions(deps, parsed.data.olderThanMs ?? DEFAULT_LONG_OPEN_MS).then(
    (body) => answer(res, 200, body),
    (e: unknown) =>
      answer(res, 503, { error: `could not read transactions: ${e instanceof Error ? e.message : String(e)}` }),
  );
}
