import {
  browseQuerySchema,
  JSON_COMPARE_OPS,
  type BrowseFilters,
  type BrowseFrom,
  type BrowseQueryInput,
  type JsonCompareOp,
} from '@/lib/contract/browse';
import { describeIssue } from '@/lib/contract/describe-issue';

// The message browser's query in the page's URL, so a search can be shared and reloaded. Short,
// readable names (`from=offset:42`, `p=0,2`); defaults are left out. Reading checks the result
// against the same schema as the server, so a hand-edited link gets the server's words.

/** Parameter names, one place: the group page's links build URLs with them too. */
export const PARAM = {
  partitions: 'p',
  from: 'from',
  direction: 'dir',
  key: 'key',
  keyContains: 'keyHas',
  valueContains: 'valueHas',
  valueRegex: 'regex',
  jsonPath: 'path',
  jsonEquals: 'eq',
  jsonOp: 'op',
  jsonValue: 'cmp',
  headerKey: 'header',
  headerValue: 'headerValue',
  timeFrom: 'after',
  timeTo: 'before',
  readCommitted: 'committed',
  showControl: 'markers',
  limit: 'limit',
  maxScanned: 'max',
} as const;

const KNOWN = new Set<string>(Object.values(PARAM));

export type ParsedQuery = { ok: true; query: BrowseQueryInput | null } | { ok: false; error: string };

function fromText(from: BrowseFrom): string {
  if ('position' in from) return from.position;
  if ('offset' in from) return `offset:${from.offset}`;
  if ('timestamp' in from) return `time:${new Date(from.timestamp).toISOString()}`;
  return `last:${from.beforeEnd}`;
}

/** ISO 8601 (what we write) or milliseconds since 1970 (what a script may write). */
function readTime(text: string, what: string): number {
  const ms = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(ms) || ms < 0) throw new UrlError(`${what} "${text}" is not a date-time or milliseconds`);
  return ms;
}

function readWhole(text: string, what: string): number {
  if (!/^\d{1,16}$/.test(text)) throw new UrlError(`${what} "${text}" is not a whole number`);
  return Number(text);
}

function readFrom(text: string): BrowseFrom {
  if (text === 'oldest' || text === 'newest') return { position: text };
  const [kind, ...rest] = text.split(':');
  const arg = rest.join(':');
  if (kind === 'offset') return { offset: readWhole(arg, 'the start offset') };
  if (kind === 'time') return { timestamp: readTime(arg, 'the start time') };
  if (kind === 'last') return { beforeEnd: readWhole(arg, 'the count before the end') };
  throw new UrlError(`from "${text}" is not oldest, newest, offset:N, time:<date-time> or last:N`);
}

/** A JSON literal (5, true, null, "5") as itself; any other text as a string. */
function readScalar(text: string): string | number | boolean | null {
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return v as string | number | boolean | null;
  } catch {
    // Plain text: a string.
  }
  return text;
}

class UrlError extends Error {}

export function queryToParams(q: BrowseQueryInput): URLSearchParams {
  const out = new URLSearchParams();
  const f: BrowseFilters = q.filters ?? {};
  if (q.partitions) out.set(PARAM.partitions, q.partitions.join(','));
  out.set(PARAM.from, fromText(q.from));
  if (q.direction === 'backward') out.set(PARAM.direction, 'backward');
  if (f.key !== undefined) out.set(PARAM.key, f.key);
  if (f.keyContains !== undefined) out.set(PARAM.keyContains, f.keyContains);
  if (f.valueContains !== undefined) out.set(PARAM.valueContains, f.valueContains);
  if (f.valueRegex !== undefined) out.set(PARAM.valueRegex, f.valueRegex);
  if (f.jsonPath !== undefined) out.set(PARAM.jsonPath, f.jsonPath);
  if (f.jsonEquals !== undefined) out.set(PARAM.jsonEquals, JSON.stringify(f.jsonEquals));
  if (f.jsonCompare) {
    out.set(PARAM.jsonOp, f.jsonCompare.op);
    out.set(PARAM.jsonValue, JSON.stringify(f.jsonCompare.value));
  }
  if (f.header) {
    out.set(PARAM.headerKey, f.header.key);
    if (f.header.value !== undefined) out.set(PARAM.headerValue, f.header.value);
  }
  if (f.timeFrom !== undefined) out.set(PARAM.timeFrom, new Date(f.timeFrom).toISOString());
  if (f.timeTo !== undefined) out.set(PARAM.timeTo, new Date(f.timeTo).toISOString());
  if (q.readCommitted) out.set(PARAM.readCommitted, '1');
  if (q.showControl) out.set(PARAM.showControl, '1');
  if (q.limit !== undefined) out.set(PARAM.limit, String(q.limit));
  if (q.maxScanned !== undefined) out.set(PARAM.maxScanned, String(q.maxScanned));
  return out;
}

function readSwitch(text: string, what: string): boolean {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  throw new UrlError(`${what} "${text}" is not 1 or 0`);
}

function readFilters(get: (name: string) => string | undefined): BrowseFilters {
  const f: BrowseFilters = {};
  const key = get(PARAM.key);
  if (key !== undefined) f.key = key;
  const keyContains = get(PARAM.keyContains);
  if (keyContains !== undefined) f.keyContains = keyContains;
  const valueContains = get(PARAM.valueContains);
  if (valueContains !== undefined) f.valueContains = valueContains;
  const valueRegex = get(PARAM.valueRegex);
  if (valueRegex !== undefined) f.valueRegex = valueRegex;
  const jsonPath = get(PARAM.jsonPath);
  if (jsonPath !== undefined) f.jsonPath = jsonPath;
  const eq = get(PARAM.jsonEquals);
  if (eq !== undefined) f.jsonEquals = readScalar(eq);
  const op = get(PARAM.jsonOp);
  const cmp = get(PARAM.jsonValue);
  if (op !== undefined || cmp !== undefined) {
    if (op === undefined || !(JSON_COMPARE_OPS as readonly string[]).includes(op))
      throw new UrlError(`op "${op ?? ''}" is not one of ${JSON_COMPARE_OPS.join(' ')}`);
    if (cmp === undefined) throw new UrlError(`op ${op} needs a value to compare with (cmp)`);
    const value = readScalar(cmp);
    if (typeof value !== 'number' && typeof value !== 'string')
      throw new UrlError(`cmp "${cmp}" must be a number or text`);
    f.jsonCompare = { op: op as JsonCompareOp, value };
  }
  const headerKey = get(PARAM.headerKey);
  const headerValue = get(PARAM.headerValue);
  if (headerKey !== undefined)
    f.header = headerValue === undefined ? { key: headerKey } : { key: headerKey, value: headerValue };
  else if (headerValue !== undefined) throw new UrlError('headerValue needs a header key (header)');
  const after = get(PARAM.timeFrom);
  if (after !== undefined) f.timeFrom = readTime(after, 'after');
  const before = get(PARAM.timeTo);
  if (before !== undefined) f.timeTo = readTime(before, 'before');
  return f;
}

/** The query a URL holds; `query: null` when it holds none (no `from`), an error in plain words
 *  when it holds a broken one. Never throws. */
export function paramsToQuery(params: URLSearchParams): ParsedQuery {
  const unknown = [...new Set(params.keys())].filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return { ok: false, error: `the link has unknown parameters: ${unknown.join(', ')}` };
  const get = (name: string) => params.get(name) ?? undefined;
  const from = get(PARAM.from);
  if (from === undefined) {
    const any = [...params.keys()].length > 0;
    return any
      ? { ok: false, error: 'the link has no start (from=oldest, newest, offset:N, …)' }
      : { ok: true, query: null };
  }
  try {
    const query: BrowseQueryInput = { from: readFrom(from), filters: readFilters(get) };
    const p = get(PARAM.partitions);
    if (p !== undefined) query.partitions = p.split(',').map((one) => readWhole(one.trim(), 'partition'));
    const dir = get(PARAM.direction);
    if (dir !== undefined) {
      if (dir !== 'forward' && dir !== 'backward') throw new UrlError(`dir "${dir}" is not forward or backward`);
      query.direction = dir;
    }
    const committed = get(PARAM.readCommitted);
    if (committed !== undefined) query.readCommitted = readSwitch(committed, 'committed');
    const markers = get(PARAM.showControl);
    if (markers !== undefined) query.showControl = readSwitch(markers, 'markers');
    const limit = get(PARAM.limit);
    if (limit !== undefined) query.limit = readWhole(limit, 'limit');
    const max = get(PARAM.maxScanned);
    if (max !== undefined) query.maxScanned = readWhole(max, 'max');
    const checked = browseQuerySchema.safeParse(query);
    if (!checked.success) return { ok: false, error: describeIssue(checked.error) };
    return { ok: true, query };
  } catch (e) {
    if (e instanceof UrlError) return { ok: false, error: e.message };
    throw e;
  }
}

/** The browse page of a topic, with a query or without. */
export function browseHref(topic: string, query?: BrowseQueryInput): string {
  const base = `/topics/${encodeURIComponent(topic)}/messages`;
  return query ? `${base}?${queryToParams(query).toString()}` : base;
}
