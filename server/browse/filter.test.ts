import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { BrowseFilters } from '@/lib/contract/browse';
import { compileFilters } from './filter';
import { readJsonPath, parseJsonPath } from './json-path';
import { QueryError } from './query-error';
import type { ScanRecord } from './record';

function rec(p: {
  key?: string | Buffer | null;
  value?: string | Buffer | null;
  headers?: [string, string | null][];
  timestamp?: number;
}): ScanRecord {
  const bytes = (v: string | Buffer | null | undefined) => (v === undefined || v === null ? null : Buffer.from(v));
  return {
    offset: 0,
    timestamp: p.timestamp ?? 1000,
    timestampType: 'CreateTime',
    key: bytes(p.key),
    value: bytes(p.value),
    headers: (p.headers ?? []).map(([k, v]) => [k, v === null ? null : Buffer.from(v)]),
    control: false,
  };
}

const matches = (filters: BrowseFilters, r: ScanRecord) => compileFilters(filters)(r);

describe('filter compiler', () => {
  it('matches everything without filters', () => {
    assert.equal(matches({}, rec({ key: null, value: null })), true);
  });

  it('key equals and contains, never matching a null key', () => {
    assert.equal(matches({ key: 'order-4711' }, rec({ key: 'order-4711' })), true);
    assert.equal(matches({ key: 'order-4711' }, rec({ key: 'order-47110' })), false);
    assert.equal(matches({ key: '' }, rec({ key: '' })), true);
    assert.equal(matches({ key: '' }, rec({ key: null })), false);
    assert.equal(matches({ keyContains: '4711' }, rec({ key: 'order-4711-x' })), true);
    assert.equal(matches({ keyContains: '4711' }, rec({ key: null })), false);
  });

  it('value contains on bytes, so binary values match too, and never on a tombstone', () => {
    assert.equal(matches({ valueContains: 'shipped' }, rec({ value: '{"s":"shipped"}' })), true);
    assert.equal(matches({ valueContains: 'Shipped' }, rec({ value: '{"s":"shipped"}' })), false);
    const binary = Buffer.from([0xff, 0x00, 0x41, 0x42, 0xfe]);
    assert.equal(matches({ valueContains: 'AB' }, rec({ value: binary })), true);
    assert.equal(matches({ valueContains: 'é' }, rec({ value: 'café' })), true);
    assert.equal(matches({ valueContains: 'x' }, rec({ value: null })), false);
  });

  it('headers: key alone, key and value, duplicates and null values', () => {
    const r = rec({
      headers: [
        ['trace', 'a'],
        ['trace', 'b'],
        ['empty', null],
      ],
    });
    assert.equal(matches({ header: { key: 'trace' } }, r), true);
    assert.equal(matches({ header: { key: 'trace', value: 'b' } }, r), true);
    assert.equal(matches({ header: { key: 'trace', value: 'c' } }, r), false);
    assert.equal(matches({ header: { key: 'empty' } }, r), true);
    assert.equal(matches({ header: { key: 'empty', value: '' } }, r), false);
    assert.equal(matches({ header: { key: 'Trace' } }, r), false);
  });

  it('time range includes both ends', () => {
    const f = { timeFrom: 100, timeTo: 200 };
    assert.deepEqual(
      [99, 100, 150, 200, 201].map((timestamp) => matches(f, rec({ timestamp }))),
      [false, true, true, true, false],
    );
  });

  it('combines filters with AND', () => {
    const f: BrowseFilters = { keyContains: 'order', valueContains: 'paid', header: { key: 'v', value: '2' } };
    assert.equal(matches(f, rec({ key: 'order-1', value: 'paid', headers: [['v', '2']] })), true);
    assert.equal(matches(f, rec({ key: 'order-1', value: 'paid', headers: [['v', '1']] })), false);
    assert.equal(matches(f, rec({ key: 'user-1', value: 'paid', headers: [['v', '2']] })), false);
  });

  it('regex: RE2 syntax on the UTF-8 text, (?i) for any case', () => {
    assert.equal(matches({ valueRegex: 'order-\\d{4}$' }, rec({ value: 'order-4711' })), true);
    assert.equal(matches({ valueRegex: '(?i)SHIPPED' }, rec({ value: 'shipped' })), true);
    assert.equal(matches({ valueRegex: '^caf.$' }, rec({ value: 'café' })), true);
    assert.equal(matches({ valueRegex: 'x' }, rec({ value: null })), false);
  });

  it('a catastrophically backtracking regex runs in linear time', () => {
    // JavaScript's RegExp takes longer than the age of the universe on this input.
    const f = compileFilters({ valueRegex: '^(a+)+$' });
    const r = rec({ value: 'a'.repeat(50_000) + '!' });
    const started = performance.now();
    assert.equal(f(r), false);
    assert.ok(performance.now() - started < 2000, `took ${performance.now() - started} ms`);
  });

  it('refuses an invalid regex or one RE2 cannot run, in words, at compile time', () => {
    const refused = (valueRegex: string, why: RegExp) =>
      assert.throws(
        () => compileFilters({ valueRegex }),
        (e: unknown) => e instanceof QueryError && /^invalid regex: /.test(e.message) && why.test(e.message),
      );
    refused('(a', /missing closing \)/);
    refused('a**', /invalid nested repetition/);
    refused('(a)\\1', /invalid escape/);
    refused('(?<=a)b', /no backreferences or lookaround/);
  });

  it('refuses an invalid JSON path at compile time', () => {
    assert.throws(() => compileFilters({ jsonPath: '$.a[' }), QueryError);
  });

  it('JSON: a path alone means the field exists; equals is strict', () => {
    const v = rec({ value: JSON.stringify({ order: { status: 'shipped', n: 5, gift: false, note: null } }) });
    assert.equal(matches({ jsonPath: '$.order.status' }, v), true);
    assert.equal(matches({ jsonPath: '$.order.missing' }, v), false);
    assert.equal(matches({ jsonPath: '$.order.status', jsonEquals: 'shipped' }, v), true);
    assert.equal(matches({ jsonPath: '$.order.status', jsonEquals: 'paid' }, v), false);
    assert.equal(matches({ jsonPath: '$.order.n', jsonEquals: 5 }, v), true);
    assert.equal(matches({ jsonPath: '$.order.n', jsonEquals: '5' }, v), false);
    assert.equal(matches({ jsonPath: '$.order.gift', jsonEquals: false }, v), true);
    assert.equal(matches({ jsonPath: '$.order.note', jsonEquals: null }, v), true);
    assert.equal(matches({ jsonPath: '$.order', jsonEquals: null }, v), false);
    assert.equal(matches({ jsonPath: '$.a' }, rec({ value: 'not json' })), false);
    assert.equal(matches({ jsonPath: '$.a' }, rec({ value: null })), false);
  });

  it('JSON compare: numbers as numbers, strings in order, other types only !=', () => {
    const v = rec({ value: JSON.stringify({ total: 10, at: '2026-12-01T10:00:00Z', tags: ['x'] }) });
    const cmp = (path: string, op: '=' | '!=' | '<' | '<=' | '>' | '>=', value: number | string) =>
      matches({ jsonPath: path, jsonCompare: { op, value } }, v);
    assert.deepEqual(
      (['=', '!=', '<', '<=', '>', '>='] as const).map((op) => cmp('$.total', op, 10)),
      [true, false, false, true, false, true],
    );
    assert.equal(cmp('$.total', '>', 9.5), true);
    assert.equal(cmp('$.total', '<', 100), true); // numerically, not "10" < "100" by luck
    assert.equal(cmp('$.total', '>', 9), true); // as text "10" > "9" would be false
    assert.equal(cmp('$.at', '>=', '2026-12-01'), true);
    assert.equal(cmp('$.at', '<', '2026-12-01'), false);
    assert.equal(cmp('$.total', '=', '10'), false);
    assert.equal(cmp('$.total', '!=', '10'), true);
    assert.equal(cmp('$.tags', '>', 0), false);
    assert.equal(cmp('$.missing', '!=', 1), false);
  });

  it('JSON shortcut never changes an answer, escaped text included', () => {
    // Values written with every string character escaped (\uXXXX) as some producers do,
    // and plainly: the predicate must agree with a plain parse-and-read either way.
    const escapeAll = (x: unknown): string =>
      typeof x === 'string'
        ? '"' + [...x].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('') + '"'
        : Array.isArray(x)
          ? '[' + x.map(escapeAll).join(',') + ']'
          : x !== null && typeof x === 'object'
            ? '{' +
              Object.entries(x)
                .map(([k, v]) => escapeAll(k) + ':' + escapeAll(v))
                .join(',') +
              '}'
            : JSON.stringify(x);
    const name = fc.constantFrom('a', 'b', 'st"at', 'ü', 'x y');
    const leaf = fc.oneof(fc.constantFrom('a', 'b', 'ü', 'x"y', ''), fc.integer({ min: -3, max: 3 }), fc.boolean());
    const doc = fc.dictionary(name, fc.oneof(leaf, fc.dictionary(name, leaf, { maxKeys: 3 })), { maxKeys: 4 });
    const path = fc.array(name, { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(doc, path, leaf, fc.boolean(), (d, segments, want, escaped) => {
        const jsonPath = '$' + segments.map((s) => `['${s}']`).join('');
        const value = escaped ? escapeAll(d) : JSON.stringify(d);
        const expected = readJsonPath(JSON.parse(value), parseJsonPath(jsonPath)) === want;
        assert.equal(matches({ jsonPath, jsonEquals: want }, rec({ value })), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
