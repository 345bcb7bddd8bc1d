import { browseQuerySchema, type BrowseMessage, type BrowseQuery, type BrowseResponse } from '@/lib/contract/browse';
import { describeIssue } from '@/lib/contract/describe-issue';
import { compileFilters, type Predicate } from './filter';
import { planRanges, type PartitionBounds } from './plan';
import { QueryError } from './query-error';
import { runScan, type FetchBatch, type ScanOptions } from './scan';

// A search from a client's payload to its answer, in the order that keeps refusals cheap:
// validate, compile the filters (bad regex or path), and only then plan and read. The JSON API
// gathers every match into one answer; a live scan passes its own callbacks to runScan.

export interface CompiledQuery {
  query: BrowseQuery;
  predicate: Predicate;
}

/** Validates and compiles a payload, or throws a QueryError worded for a person. */
export function compileQuery(payload: unknown): CompiledQuery {
  const parsed = browseQuerySchema.safeParse(payload);
  if (!parsed.success) throw new QueryError(describeIssue(parsed.error));
  return { query: parsed.data, predicate: compileFilters(parsed.data.filters) };
}

export function scanOptions(
  c: CompiledQuery,
  bounds: readonly PartitionBounds[],
  fetchBatch: FetchBatch,
): Pick<ScanOptions, 'ranges' | 'direction' | 'predicate' | 'limit' | 'maxScanned' | 'showControl' | 'fetchBatch'> {
  const { query } = c;
  return {
    ranges: planRanges(query.from, query.direction, bounds),
    direction: query.direction,
    predicate: c.predicate,
    limit: query.limit,
    maxScanned: query.maxScanned,
    showControl: query.showControl,
    fetchBatch,
  };
}

/** One search, all matches in one answer (at most `limit`, so the answer is bounded). */
export async function searchAll(
  c: CompiledQuery,
  bounds: readonly PartitionBounds[],
  fetchBatch: FetchBatch,
  signal?: AbortSignal,
): Promise<BrowseResponse> {
  const messages: BrowseMessage[] = [];
  const outcome = await runScan({
    ...scanOptions(c, bounds, fetchBatch),
    signal,
    onMatches: (found) => messages.push(...found),
  });
  return { messages, ...outcome };
}
