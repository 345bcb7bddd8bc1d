import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BROWSE_LIMIT_MAX, JSON_COMPARE_OPS, type BrowseQueryInput } from '@/lib/contract/browse';
import { browseHref, paramsToQuery, queryToParams } from './browse-url';

const roundTrip = (q: BrowseQueryInput) => paramsToQuery(new URLSearchParams(queryToParams(q).toString()));
const error = (search: string) => {
  const r = paramsToQuery(new URLSearchParams(search));
  assert.equal(r.ok, false, `expected "${search}" to be refused`);
  return r.ok ? '' : r.error;
};

describe('browse query in the URL', () => {
  it('round-trips a query with every field set', () => {
    const q: BrowseQueryInput = {
      partitions: [0, 2],
      from: { timestamp: Date.UTC(2026, 11, 2, 1, 30) },
      direction: 'backward',
      filters: {
        key: 'order 4711 & more',
        keyContains: 'ord',
        valueContains: '"status"',
        valueRegex: '(?i)paid|open',
        jsonPath: "$.order['x y']",
        jsonCompare: { op: '>=', value: 5 },
        header: { key: 'trace', value: 'a=b' },
        timeFrom: Date.UTC(2026, 0, 1),
        timeTo: Date.UTC(2026, 11, 31),
      },
      readCommitted: true,
      showControl: true,
      limit: 10,
      maxScanned: 5000,
    };
    assert.deepEqual(roundTrip(q), { ok: true, query: q });
  });

  it('round-trips each kind of start and a JSON equals of each type', () => {
    const starts: BrowseQueryInput['from'][] = [
      { position: 'oldest' },
      { position: 'newest' },
      { offset: 0 },
      { offset: 123_456_789 },
      { beforeEnd: 50 },
    ];
    for (const from of starts)
      assert.deepEqual(roundTrip({ from, filters: {} }), { ok: true, query: { from, filters: {} } });
    for (const jsonEquals of ['5', 5, true, null, 'paid', '']) {
      const q = { from: { position: 'oldest' as const }, filters: { jsonPath: '$.a', jsonEquals } };
      assert.deepEqual(roundTrip(q), { ok: true, query: q });
    }
  });

  it('round-trips any text filter and partition list (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.uniqueArray(fc.nat(500), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...JSON_COMPARE_OPS),
        fc.oneof(fc.string({ maxLength: 20 }), fc.integer()),
        (text, partitions, op, value) => {
          const q: BrowseQueryInput = {
            partitions,
            from: { offset: 7 },
            filters: { keyContains: text, header: { key: text }, jsonPath: '$.x', jsonCompare: { op, value } },
          };
          assert.deepEqual(roundTrip(q), { ok: true, query: q });
        },
      ),
    );
  });

  it('leaves defaults out, so a plain link stays short', () => {
    assert.equal(queryToParams({ from: { position: 'oldest' } }).toString(), 'from=oldest');
    assert.equal(browseHref('a.b c'), '/topics/a.b%20c/messages');
    assert.equal(
      browseHref('t', { partitions: [3], from: { offset: 9 }, limit: 1 }),
      '/topics/t/messages?p=3&from=offset%3A9&limit=1',
    );
  });

  it('an empty URL holds no query', () => {
    assert.deepEqual(paramsToQuery(new URLSearchParams('')), { ok: true, query: null });
  });

  it('accepts milliseconds where a date-time is expected', () => {
    const r = paramsToQuery(new URLSearchParams('from=time:1700000000000&after=1700000000000'));
    assert.deepEqual(r, {
      ok: true,
      query: { from: { timestamp: 1_700_000_000_000 }, filters: { timeFrom: 1_700_000_000_000 } },
    });
  });

  it('words each broken parameter for a person, and never throws', () => {
    assert.match(error('from=sideways'), /from "sideways" is not oldest, newest/);
    assert.match(error('from=offset:-1'), /start offset "-1" is not a whole number/);
    assert.match(error('from=time:yesterday'), /start time "yesterday" is not a date-time/);
    assert.match(error('from=oldest&p=0,x'), /partition "x" is not a whole number/);
    assert.match(error('from=oldest&dir=up'), /dir "up" is not forward or backward/);
    assert.match(error('from=oldest&committed=yes'), /committed "yes" is not 1 or 0/);
    assert.match(error('from=oldest&limit=0'), /limit must be 1 or more/);
    assert.match(error(`from=oldest&limit=${BROWSE_LIMIT_MAX + 1}`), /limit is at most/);
    assert.match(error('from=oldest&dir=backward'), /nothing is older than the oldest/);
    assert.match(error('from=oldest&eq=5'), /need a jsonPath/);
    assert.match(error('from=oldest&path=$.a&op=~&cmp=1'), /op "~" is not one of/);
    assert.match(error('from=oldest&path=$.a&op=>'), /needs a value/);
    assert.match(error('from=oldest&headerValue=x'), /needs a header key/);
    assert.match(
      error('from=oldest&after=2026-02-01T00:00:00Z&before=2026-01-01T00:00:00Z'),
      /timeFrom must not be after/,
    );
    assert.match(error('from=oldest&colour=red'), /unknown parameters: colour/);
    assert.match(error('p=1'), /no start/);
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('from', 'p', 'dir', 'limit', 'op', 'cmp', 'after', 'x'), fc.string()),
        (d) => {
          const r = paramsToQuery(new URLSearchParams(d));
          assert.ok(r.ok || r.error.length > 0);
        },
      ),
    );
  });
});
