import fc from 'fast-check';
import { ACTION_NAMES, MAX_HEADERS, type ActionName } from '@/lib/contract/action-schemas';
import { clientEventSchemas } from '@/lib/contract/schemas';

// Generators of bad input for the fuzz test. Each case is built to be invalid for sure (an
// unknown key on a strict object, a wrong type, a broken packet), so the server must refuse
// it and nothing it sends can reach Kafka; the only valid cases produce into the fuzz test's
// own topic.

export type FuzzCase =
  | { kind: 'event'; event: string; payload: unknown; expect: 'error' }
  | { kind: 'action'; name: string; payload: unknown; expect: 'refused' }
  | { kind: 'action-request'; request: unknown; expect: 'refused' }
  | { kind: 'produce'; payload: unknown; expect: 'answered' | 'too-large' | 'refused' }
  | { kind: 'raw'; packet: string; expect: 'closed' | 'any' }
  | {
      kind: 'http';
      method: string;
      path: string;
      contentType: string | null;
      body: Uint8Array<ArrayBuffer> | null;
      expect: '4xx';
    };

const WATCH_EVENTS = Object.keys(clientEventSchemas).filter((e) => e !== 'action:run');
// socket.io refuses to emit these names itself; they cannot be sent as events.
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);

/** Strings people do not type: lone surrogates, control characters, any code unit. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '\ud800',
    'a\udfffb',
    '\u0000',
    '\ufeff',
    '../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 20 }).map((s) => `${s}\ud83d`),
);

/** Bytes that are not UTF-8: continuation bytes alone, overlongs, surrogates encoded, 0xff. */
export const invalidUtf8 = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 512 }),
  fc.constantFrom(
    Uint8Array.from([0xff, 0xfe]),
    Uint8Array.from([0xc0, 0xaf]),
    Uint8Array.from([0xed, 0xa0, 0x80]),
    Uint8Array.from([0x80, 0x80, 0x80]),
  ),
);

function deep(depth: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** A value that no strict contract schema accepts. */
const badPayload: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 4 }).filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
  fc.dictionary(nasty, fc.anything({ maxDepth: 3 })).map((o) => ({ ...o, '\u0000unknown-key': 1 })),
  fc.integer({ min: 200, max: 2_500 }).map((d) => deep(d, 'x')),
  fc.integer({ min: 100_000, max: 1_900_000 }).map((n) => ({ huge: 'x'.repeat(n), '\u0000unknown-key': 1 })),
  invalidUtf8.map((bytes) => ({ topic: Buffer.from(bytes), groupId: Buffer.from(bytes), '\u0000unknown-key': 1 })),
  invalidUtf8.map((bytes) => Buffer.from(bytes)),
);

function produceCase(topic: string): fc.Arbitrary<FuzzCase> {
  const header = fc.record({ key: nasty.filter((k) => k.length > 0), value: nasty });
  const valid = fc.record({
    topic: fc.constant(topic),
    key: fc.option(nasty, { nil: null }),
    value: nasty,
    format: fc.constant('text' as const),
    headers: fc.array(header, { maxLength: 20 }),
    partition: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    count: fc.integer({ min: 1, max: 3 }),
  });
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((payload): FuzzCase => ({ kind: 'produce', payload, expect: 'answered' })) },
    // Over the topic's max.message.bytes: refused before sending, naming the limit.
    {
      weight: 1,
      arbitrary: valid.map((p): FuzzCase => ({
        kind: 'produce',
        payload: { ...p, value: 'v'.repeat(1_100_000), count: 1 },
        expect: 'too-large',
      })),
    },
    // Thousands of headers: the contract's cap refuses them.
    {
      weight: 1,
      arbitrary: fc.integer({ min: MAX_HEADERS + 1, max: 5_000 }).chain((n) =>
        valid.map((p): FuzzCase => ({
          kind: 'produce',
          payload: { ...p, headers: Array.from({ length: n }, (_, i) => ({ key: `h${i}`, value: 'v' })) },
          expect: 'refused',
        })),
      ),
    },
    {
      weight: 1,
      arbitrary: valid.map((p): FuzzCase => ({ kind: 'produce', payload: { ...p, count: 'many' }, expect: 'refused' })),
    },
  );
}

const rawPacket = fc.oneof(
  // Not socket.io packets at all: the server drops the connection.
  fc.constantFrom(
    '2[',
    '2{"a":',
    '2["cluster:resync"',
    '9',
    '2[1,2,3]',
    '2"string"',
    '51-["x",{"_placeholder":true,"num":9}]',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `2${s}`),
);

/** Every byte percent-encoded: encodeURIComponent throws on a lone surrogate. */
const percentEncoded = (s: string) =>
  Array.from(new TextEncoder().encode(s), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const HTTP_PATHS = [
  '/api/actions/produce:send',
  '/api/actions/topic:delete',
  '/api/actions/broker:kill',
  '/api/actions/nope',
  '/api/groups/%ZZ',
  '/api/cluster',
  '/api/',
  '/metrics',
];

const httpCase = fc
  .record({
    method: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH'),
    path: fc.oneof(
      fc.constantFrom(...HTTP_PATHS),
      nasty.map((s) => `/api/actions/${percentEncoded(s)}`),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      null,
    ),
    body: fc.oneof(
      invalidUtf8,
      badPayload.map((p) => new TextEncoder().encode(JSON.stringify(p) ?? 'undefined')),
      fc
        .constantFrom('{', '[]', 'null', '{"topic":"not a topic","confirm":"not a topic","__proto__":{"admin":true}}')
        .map((s) => new TextEncoder().encode(s)),
    ),
  })
  .map((c): FuzzCase => ({ kind: 'http', ...c, body: Uint8Array.from(c.body), expect: '4xx' }));

/** Every kind of bad input, with the fuzz test's own topic for the valid produce cases. */
export function fuzzCase(topic: string): fc.Arbitrary<FuzzCase> {
  const eventName = fc
    .string({ minLength: 1, maxLength: 300 })
    .filter((e) => !(e in clientEventSchemas) && !RESERVED.has(e));
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .record({ event: fc.constantFrom(...WATCH_EVENTS), payload: badPayload })
        .map((c): FuzzCase => ({ kind: 'event', ...c, expect: 'error' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ event: eventName, payload: fc.anything({ maxDepth: 2 }) })
        .map((c): FuzzCase => ({ kind: 'event', ...c, expect: 'error' })),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({ name: fc.constantFrom<ActionName>(...ACTION_NAMES), payload: badPayload })
        .map((c): FuzzCase => ({ kind: 'action', ...c, expect: 'refused' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ name: nasty, payload: fc.anything({ maxDepth: 2 }) })
        .map((c): FuzzCase => ({ kind: 'action', ...c, expect: 'refused' })),
    },
    {
      weight: 1,
      arbitrary: badPayload.map((request): FuzzCase => ({ kind: 'action-request', request, expect: 'refused' })),
    },
    { weight: 2, arbitrary: produceCase(topic) },
    { weight: 1, arbitrary: rawPacket.map((packet): FuzzCase => ({ kind: 'raw', packet, expect: 'any' })) },
    { weight: 3, arbitrary: httpCase },
  );
}
