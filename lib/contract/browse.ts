import { z } from 'zod';
import { scanIdSchema, topicNameSchema } from './schemas';

// The message browser: one query shape for the JSON API (POST /api/topics/:name/messages/search)
// and for a live scan on the socket, what a found message looks like, and the events a live scan
// streams. Every default and cap is stated here, once.

/** Matches answered by one search unless it asks for another count, and the most it may ask. */
export const BROWSE_LIMIT_DEFAULT = 100;
export const BROWSE_LIMIT_MAX = 1000;
/** Messages read before a search gives up, unless it asks otherwise, and the most it may ask:
 *  a scan of 10 million ~200-byte messages takes tens of seconds, past that use a consumer. */
export const BROWSE_SCANNED_DEFAULT = 1_000_000;
export const BROWSE_SCANNED_MAX = 10_000_000;
/** Bytes of a key, value or header value sent for display; the real size is always sent, and
 *  the page asks for the full value of one message when it wants it. */
export const BROWSE_DISPLAY_BYTES = 64 * 1024;
/** Once a scan has sent this many display bytes, later matches carry only a preview of
 *  BROWSE_PREVIEW_BYTES: 1,000 matches of 64 KiB would otherwise hold 64 MB in one answer. */
export const BROWSE_RESULT_BYTES = 8 * 1024 * 1024;
export const BROWSE_PREVIEW_BYTES = 1024;
/** Scans running at once on the server, and per socket (or per API client address). */
export const SCANS_MAX_TOTAL = 4;
export const SCANS_MAX_PER_OWNER = 1;
/** Longest filter text, regex and JSON path accepted (in characters). */
export const FILTER_TEXT_MAX = 1000;
export const JSON_PATH_MAX = 300;

const offsetNumber = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');
/** Plain words for an unknown or a misspelt field, and for a payload that is not an object. */
const fields = (what: string) => ({
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `unknown ${what} field${issue.keys && issue.keys.length > 1 ? 's' : ''}: ${issue.keys?.join(', ')}`
      : issue.code === 'invalid_type'
        ? `${what} must be an object`
        : undefined,
});
const text = (what: string) =>
  z.string({ error: `${what} must be text` }).max(FILTER_TEXT_MAX, `${what} is at most ${FILTER_TEXT_MAX} characters`);

/** Where a scan starts. Forward reads from there to the end; backward reads from there towards
 *  the oldest message, newest first ("offset" includes that offset, "timestamp" starts just
 *  before the first message at or after it). "beforeEnd: N" is the last N offsets of each
 *  partition, in either direction. */
export const browseFromSchema = z.union(
  [
    z.object({ position: z.enum(['oldest', 'newest']) }).strict(),
    z.object({ offset: offsetNumber }).strict(),
    z.object({ timestamp: offsetNumber }).strict(),
    z.object({ beforeEnd: offsetNumber.min(1, 'must be 1 or more').max(BROWSE_SCANNED_MAX, 'is too large') }).strict(),
  ],
  {
    error:
      'from must be one of { position: "oldest" | "newest" }, { offset: N }, { timestamp: ms } or { beforeEnd: N }',
  },
);
export type BrowseFrom = z.infer<typeof browseFromSchema>;

export const JSON_COMPARE_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
export type JsonCompareOp = (typeof JSON_COMPARE_OPS)[number];

const jsonScalar = z.union([z.string().max(FILTER_TEXT_MAX), z.number(), z.boolean(), z.null()], {
  error: 'must be a string, number, boolean or null',
});

/** All given filters must hold (AND). Text is compared as UTF-8 bytes, case-sensitively. */
export const browseFiltersSchema = z
  .strictObject(
    {
      /** The key is exactly this text. */
      key: text('key').optional(),
      keyContains: text('keyContains').min(1, 'keyContains must not be empty').optional(),
      /** Bytes of the value contain these UTF-8 bytes (so binary values can match too). */
      valueContains: text('valueContains').min(1, 'valueContains must not be empty').optional(),
      /** RE2 syntax, run in linear time over the value's UTF-8 text; `(?i)` for any case. */
      valueRegex: text('valueRegex').min(1, 'valueRegex must not be empty').optional(),
      /** `$.a.b`, `$.a[0].b`, `$['x y']`: alone it means "the field exists". */
      jsonPath: z
        .string({ error: 'jsonPath must be text' })
        .min(1, 'jsonPath must not be empty')
        .max(JSON_PATH_MAX, `jsonPath is at most ${JSON_PATH_MAX} characters`)
        .optional(),
      /** The field at jsonPath equals this JSON value (strictly: 5 is not "5"). */
      jsonEquals: jsonScalar.optional(),
      /** Numbers compare as numbers, strings by code units (ISO dates sort right); a field of
       *  another type matches only "!=". */
      jsonCompare: z
        .object({
          op: z.enum(JSON_COMPARE_OPS, { error: 'op must be one of =, !=, <, <=, >, >=' }),
          value: z.union([z.number(), z.string().max(FILTER_TEXT_MAX)], {
            error: 'value must be a number or a string',
          }),
        })
        .strict()
        .optional(),
      /** Some header has this key (and, if given, exactly this UTF-8 value). */
      header: z
        .object({
          key: text('header key').min(1, 'header key must not be empty'),
          value: text('header value').optional(),
        })
        .strict()
        .optional(),
      /** Record timestamps in ms, both ends included. */
      timeFrom: offsetNumber.optional(),
      timeTo: offsetNumber.optional(),
    },
    fields('filter'),
  )
  .refine((f) => f.jsonPath !== undefined || (f.jsonEquals === undefined && f.jsonCompare === undefined), {
    error: 'jsonEquals and jsonCompare need a jsonPath',
  })
  .refine((f) => f.timeFrom === undefined || f.timeTo === undefined || f.timeFrom <= f.timeTo, {
    error: 'timeFrom must not be after timeTo',
  });
export type BrowseFilters = z.infer<typeof browseFiltersSchema>;

export const browseQuerySchema = z
  .strictObject(
    {
      /** Omitted: every partition. */
      partitions: z
        .array(offsetNumber.max(1_000_000, 'is not a partition'), { error: 'partitions must be a list of numbers' })
        .min(1, 'partitions must not be empty (omit it for all)')
        .max(100_000, 'too many partitions')
        .optional(),
      from: browseFromSchema,
      direction: z
        .enum(['forward', 'backward'], { error: 'direction must be "forward" or "backward"' })
        .default('forward'),
      filters: browseFiltersSchema.default({}),
      limit: z
        .number({ error: 'limit must be a number' })
        .int('limit must be a whole number')
        .min(1, 'limit must be 1 or more')
        .max(BROWSE_LIMIT_MAX, `limit is at most ${BROWSE_LIMIT_MAX}`)
        .default(BROWSE_LIMIT_DEFAULT),
      maxScanned: z
        .number({ error: 'maxScanned must be a number' })
        .int('maxScanned must be a whole number')
        .min(1, 'maxScanned must be 1 or more')
        .max(BROWSE_SCANNED_MAX, `maxScanned is at most ${BROWSE_SCANNED_MAX.toLocaleString('en')}`)
        .default(BROWSE_SCANNED_DEFAULT),
      /** Read as a read_committed consumer would: stop at the last stable offset and leave out
       *  messages of aborted transactions. */
      readCommitted: z.boolean({ error: 'readCommitted must be true or false' }).default(false),
      /** Let transaction markers (control records) through to the filters; hidden otherwise. */
      showControl: z.boolean({ error: 'showControl must be true or false' }).default(false),
    },
    fields('query'),
  )
  .refine((q) => !(q.direction === 'backward' && 'position' in q.from && q.from.position === 'oldest'), {
    error: 'nothing is older than the oldest message: read backward from "newest", an offset, a timestamp or beforeEnd',
  });
/** What a client sends (defaults may be omitted) and what the server works with (filled in). */
export type BrowseQueryInput = z.input<typeof browseQuerySchema>;
export type BrowseQuery = z.output<typeof browseQuerySchema>;

/** A live scan on the socket: the same query, for one topic, under an id the page chose. */
export const scanStartSchema = z
  .object({
    scanId: scanIdSchema,
    topic: topicNameSchema,
    query: browseQuerySchema,
  })
  .strict();
export type ScanStart = z.output<typeof scanStartSchema>;

/** How a key, value or header value is shown. `data` is UTF-8 text for text and json, base64
 *  for binary (the page draws hex from it). `size` is the real size in bytes; `truncated` says
 *  `data` holds only the first bytes. */
export interface DecodedData {
  encoding: 'text' | 'json' | 'binary';
  data: string;
  size: number;
  truncated: boolean;
}

export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** A transaction marker: written by the broker when a transaction commits or aborts. */
export interface ControlMarker {
  type: 'commit' | 'abort' | 'unknown';
}

export interface BrowseMessage {
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: TimestampType;
  key: DecodedData | null;
  /** null: a tombstone (compaction deletes the key). */
  value: DecodedData | null;
  /** In record order, duplicate keys kept; a null header value stays null. */
  headers: { key: string; value: DecodedData | null }[];
  /** Bytes of key, value and headers (keys and values) as stored. */
  size: number;
  /** Set on transaction markers, which are shown only with showControl. */
  control: ControlMarker | null;
}

/** Why a scan stopped: enough matches, enough scanned, nothing left in the range, the page or
 *  the client went away, or Kafka failed (then `error` says how). */
export type StoppedBy = 'limit' | 'maxScanned' | 'end' | 'cancelled' | 'error';

/** Where one partition's scan stands. Forward: `position` is the next offset to read, from
 *  `start` up to `end` (exclusive). Backward: offsets at or above `position` are read, down to
 *  `start`. */
export interface PartitionProgress {
  partition: number;
  start: number;
  end: number;
  position: number;
  scanned: number;
  matches: number;
  done: boolean;
}

/** Where a whole scan stands. */
export interface ScanTotals {
  scanned: number;
  matches: number;
  /** Offsets not yet read over all partitions: an upper bound on messages left (compaction
   *  and transaction markers leave offsets without messages). With elapsedMs and scanned the
   *  page estimates the time left. */
  remaining: number;
  elapsedMs: number;
  partitions: PartitionProgress[];
}

/** How a scan ended. `done`: every partition was read to the end of its range. */
export interface ScanOutcome extends ScanTotals {
  stoppedBy: StoppedBy;
  done: boolean;
  error?: string;
}

/** POST /api/topics/:name/messages/search answers this (200), or ApiError (400 for a bad
 *  query, 429 when too many searches run). */
export interface BrowseResponse extends ScanOutcome {
  messages: BrowseMessage[];
}

/** scan:progress, at the start and about four times a second while a scan runs (replace: the
 *  newest wins). */
export interface ScanProgressEvent extends ScanTotals {
  scanId: string;
}

/** scan:matches, as matches are found (append, in the order found). */
export interface ScanMatchesEvent {
  scanId: string;
  messages: BrowseMessage[];
}

/** scan:end, once per scan, after its last scan:matches (replace). A query refused before
 *  anything is read ends at once with stoppedBy 'error'. */
export interface ScanEndEvent extends ScanOutcome {
  scanId: string;
}
