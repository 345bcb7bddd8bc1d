import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { draftToQuery, EMPTY_DRAFT, queryToDraft, toLocalInput, type BrowseDraft } from './browse-draft';

const draft = (over: Partial<BrowseDraft>): BrowseDraft => ({ ...EMPTY_DRAFT, ...over });
const refusal = (over: Partial<BrowseDraft>) => {
  const r = draftToQuery(draft(over));
  assert.equal(r.ok, false);
  return r.ok ? '' : r.error;
};

describe('browse form draft', () => {
  it('an untouched form reads every partition from the oldest, with the stated caps', () => {
    assert.deepEqual(draftToQuery(EMPTY_DRAFT), {
      ok: true,
      query: { from: { position: 'oldest' }, filters: {}, limit: 100, maxScanned: 1_000_000 },
    });
  });

  it('turns filled inputs into filters and leaves empty ones out', () => {
    const r = draftToQuery(
      draft({
        partitions: [2, 0],
        start: 'offset',
        startOffset: '1,000',
        key: 'order-1',
        jsonPath: '$.n',
        jsonMode: '>=',
        jsonValue: '5',
        headerKey: 'trace',
      }),
    );
    assert.deepEqual(r.ok && r.query, {
      partitions: [0, 2],
      from: { offset: 1000 },
      filters: { key: 'order-1', jsonPath: '$.n', jsonCompare: { op: '>=', value: 5 }, header: { key: 'trace' } },
      limit: 100,
      maxScanned: 1_000_000,
    });
  });

  it('reads JSON equals strictly: 5 is a number, "5" and plain words are text', () => {
    const eq = (jsonValue: string) => {
      const r = draftToQuery(draft({ jsonPath: '$.a', jsonMode: 'equals', jsonValue }));
      return r.ok ? r.query.filters?.jsonEquals : r.error;
    };
    assert.equal(eq('5'), 5);
    assert.equal(eq('"5"'), '5');
    assert.equal(eq('paid'), 'paid');
    assert.equal(eq('null'), null);
  });

  it('round-trips through a query', () => {
    const d = draft({
      start: 'timestamp',
      startTime: toLocalInput(Date.UTC(2026, 5, 1, 12, 0, 5)),
      direction: 'backward',
      jsonPath: '$.status',
      jsonMode: 'equals',
      jsonValue: 'paid',
      headerKey: 'h',
      headerValue: 'v',
      timeFrom: toLocalInput(Date.UTC(2026, 0, 1)),
      readCommitted: true,
      showControl: true,
      limit: '5',
      maxScanned: '99',
    });
    const r = draftToQuery(d);
    assert.ok(r.ok);
    assert.deepEqual(queryToDraft(r.query), d);
  });

  it('refuses bad inputs in words that name the input', () => {
    assert.match(refusal({ start: 'offset', startOffset: '-3' }), /start offset: enter a whole number/);
    assert.match(refusal({ start: 'timestamp', startTime: '' }), /start time: enter a date and time/);
    assert.match(refusal({ limit: '0' }), /limit must be 1 or more/);
    assert.match(refusal({ limit: 'ten' }), /limit: enter a whole number/);
    assert.match(refusal({ headerValue: 'x' }), /a value needs a header key/);
    assert.match(refusal({ jsonPath: '$.a', jsonMode: '<', jsonValue: 'true' }), /number or text/);
    assert.match(refusal({ direction: 'backward' }), /nothing is older than the oldest/);
  });
});
