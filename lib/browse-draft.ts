import {
  BROWSE_LIMIT_DEFAULT,
  BROWSE_SCANNED_DEFAULT,
  browseQuerySchema,
  JSON_COMPARE_OPS,
  type BrowseFilters,
  type BrowseQueryInput,
  type JsonCompareOp,
} from '@/lib/contract/browse';
import { describeIssue } from '@/lib/contract/describe-issue';

// The browse form as a person fills it (text in inputs, a date-time in local time) and the
// query it stands for. Empty inputs mean "no such filter"; the same schema as the server
// checks the result, so the form refuses in the server's words before anything is sent.

export type StartKind = 'oldest' | 'newest' | 'offset' | 'timestamp' | 'beforeEnd';
export const JSON_MODES = ['exists', 'equals', ...JSON_COMPARE_OPS] as const;
export type JsonMode = (typeof JSON_MODES)[number];

export interface BrowseDraft {
  /** null: every partition. */
  partitions: number[] | null;
  start: StartKind;
  startOffset: string;
  /** A datetime-local input's value (local time). */
  startTime: string;
  beforeEnd: string;
  direction: 'forward' | 'backward';
  key: string;
  keyContains: string;
  valueContains: string;
  valueRegex: string;
  jsonPath: string;
  jsonMode: JsonMode;
  jsonValue: string;
  headerKey: string;
  headerValue: string;
  timeFrom: string;
  timeTo: string;
  readCommitted: boolean;
  showControl: boolean;
  limit: string;
  maxScanned: string;
}

export const EMPTY_DRAFT: BrowseDraft = {
  partitions: null,
  start: 'oldest',
  startOffset: '0',
  startTime: '',
  beforeEnd: '100',
  direction: 'forward',
  key: '',
  keyContains: '',
  valueContains: '',
  valueRegex: '',
  jsonPath: '',
  jsonMode: 'exists',
  jsonValue: '',
  headerKey: '',
  headerValue: '',
  timeFrom: '',
  timeTo: '',
  readCommitted: false,
  showControl: false,
  limit: String(BROWSE_LIMIT_DEFAULT),
  maxScanned: String(BROWSE_SCANNED_DEFAULT),
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Milliseconds as a datetime-local value in the browser's time zone, to the second. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

class DraftError extends Error {}

function localTime(text: string, what: string): number {
  const ms = new Date(text).getTime();
  if (!text || !Number.isFinite(ms) || ms < 0) throw new DraftError(`${what}: enter a date and time`);
  return ms;
}

function whole(text: string, what: string): number {
  const t = text.trim().replaceAll(',', '').replaceAll('_', '');
  if (!/^\d{1,16}$/.test(t)) throw new DraftError(`${what}: enter a whole number of 0 or more`);
  return Number(t);
}

/** A JSON literal as itself (5, true, null, "5"); other text as a string. */
function scalar(text: string): string | number | boolean | null {
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return v as string | number | boolean | null;
  } catch {
    // Plain text is a string.
  }
  return text;
}

function filters(d: BrowseDraft): BrowseFilters {
  const f: BrowseFilters = {};
  if (d.key) f.key = d.key;
  if (d.keyContains) f.keyContains = d.keyContains;
  if (d.valueContains) f.valueContains = d.valueContains;
  if (d.valueRegex) f.valueRegex = d.valueRegex;
  if (d.jsonPath.trim()) {
    f.jsonPath = d.jsonPath.trim();
    if (d.jsonMode === 'equals') f.jsonEquals = scalar(d.jsonValue);
    else if (d.jsonMode !== 'exists') {
      const v = scalar(d.jsonValue);
      if (typeof v !== 'number' && typeof v !== 'string')
        throw new DraftError('JSON compare: the value must be a number or text');
      f.jsonCompare = { op: d.jsonMode, value: v };
    }
  }
  if (d.headerKey) f.header = d.headerValue ? { key: d.headerKey, value: d.headerValue } : { key: d.headerKey };
  else if (d.headerValue) throw new DraftError('header: a value needs a header key');
  if (d.timeFrom) f.timeFrom = localTime(d.timeFrom, 'time from');
  if (d.timeTo) f.timeTo = localTime(d.timeTo, 'time to');
  return f;
}

export type DraftResult = { ok: true; query: BrowseQueryInput } | { ok: false; error: string };

export function draftToQuery(d: BrowseDraft): DraftResult {
  try {
    const from: BrowseQueryInput['from'] =
      d.start === 'offset'
        ? { offset: whole(d.startOffset, 'start offset') }
        : d.start === 'timestamp'
          ? { timestamp: localTime(d.startTime, 'start time') }
          : d.start === 'beforeEnd'
            ? { beforeEnd: whole(d.beforeEnd, 'messages before the end') }
            : { position: d.start };
    const query: BrowseQueryInput = { from, filters: filters(d) };
    if (d.partitions) query.partitions = [...d.partitions].sort((a, b) => a - b);
    if (d.direction === 'backward') query.direction = 'backward';
    if (d.readCommitted) query.readCommitted = true;
    if (d.showControl) query.showControl = true;
    query.limit = whole(d.limit, 'limit');
    query.maxScanned = whole(d.maxScanned, 'max scanned');
    const checked = browseQuerySchema.safeParse(query);
    if (!checked.success) return { ok: false, error: describeIssue(checked.error) };
    return { ok: true, query };
  } catch (e) {
    if (e instanceof DraftError) return { ok: false, error: e.message };
    throw e;
  }
}

export function queryToDraft(q: BrowseQueryInput): BrowseDraft {
  const f: BrowseFilters = q.filters ?? {};
  const d: BrowseDraft = { ...EMPTY_DRAFT, partitions: q.partitions ? [...q.partitions] : null };
  if ('position' in q.from) d.start = q.from.position;
  else if ('offset' in q.from) [d.start, d.startOffset] = ['offset', String(q.from.offset)];
  else if ('timestamp' in q.from) [d.start, d.startTime] = ['timestamp', toLocalInput(q.from.timestamp)];
  else [d.start, d.beforeEnd] = ['beforeEnd', String(q.from.beforeEnd)];
  d.direction = q.direction ?? 'forward';
  d.key = f.key ?? '';
  d.keyContains = f.keyContains ?? '';
  d.valueContains = f.valueContains ?? '';
  d.valueRegex = f.valueRegex ?? '';
  d.jsonPath = f.jsonPath ?? '';
  if (f.jsonEquals !== undefined) {
    d.jsonMode = 'equals';
    d.jsonValue =
      typeof f.jsonEquals === 'string' && scalar(f.jsonEquals) === f.jsonEquals
        ? f.jsonEquals
        : JSON.stringify(f.jsonEquals);
  } else if (f.jsonCompare) {
    d.jsonMode = f.jsonCompare.op as JsonCompareOp;
    const v = f.jsonCompare.value;
    d.jsonValue = typeof v === 'string' && scalar(v) === v ? v : JSON.stringify(v);
  }
  d.headerKey = f.header?.key ?? '';
  d.headerValue = f.header?.value ?? '';
  d.timeFrom = f.timeFrom !== undefined ? toLocalInput(f.timeFrom) : '';
  d.timeTo = f.timeTo !== undefined ? toLocalInput(f.timeTo) : '';
  d.readCommitted = q.readCommitted ?? false;
  d.showControl = q.showControl ?? false;
  d.limit = String(q.limit ?? BROWSE_LIMIT_DEFAULT);
  d.maxScanned = String(q.maxScanned ?? BROWSE_SCANNED_DEFAULT);
  return d;
}
