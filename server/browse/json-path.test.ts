import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JSON_PATH_DEPTH_MAX, parseJsonPath, readJsonPath } from './json-path';
import { QueryError } from './query-error';

describe('JSON path subset', () => {
  it('parses names, indexes and quoted names', () => {
    assert.deepEqual(parseJsonPath('$'), []);
    assert.deepEqual(parseJsonPath('$.order.status'), ['order', 'status']);
    assert.deepEqual(parseJsonPath('$.items[0].id'), ['items', 0, 'id']);
    assert.deepEqual(parseJsonPath('$[\'x y\']["a.b"]'), ['x y', 'a.b']);
    assert.deepEqual(parseJsonPath("$['it\\'s']"), ["it's"]);
    assert.deepEqual(parseJsonPath('$.ünïcode.$ref'), ['ünïcode', '$ref']);
  });

  it('refuses anything else with where and why', () => {
    const cases: [string, RegExp][] = [
      ['order.status', /starts with \$ at character 1/],
      ['$.', /a name is expected after "\." at character 3/],
      ['$..a', /a name is expected/],
      ['$.a[*]', /a number or a quoted name is expected/],
      ['$.a[-1]', /a number or a quoted name is expected/],
      ["$['open", /not closed/],
      ['$.a[0', /"\]" is expected/],
      ['$ .a', /"\." or "\[" is expected/],
      ['$.a[?(@.b)]', /a number or a quoted name/],
      ['$[99999999999999999999]', /too large/],
    ];
    for (const [path, why] of cases) {
      assert.throws(
        () => parseJsonPath(path),
        (e: unknown) => e instanceof QueryError && why.test(e.message),
        path,
      );
    }
  });

  it('bounds the depth', () => {
    assert.equal(parseJsonPath('$' + '.a'.repeat(JSON_PATH_DEPTH_MAX)).length, JSON_PATH_DEPTH_MAX);
    assert.throws(() => parseJsonPath('$' + '.a'.repeat(JSON_PATH_DEPTH_MAX + 1)), /at most 32 steps/);
  });

  it('reads what is there and nothing else', () => {
    const doc = { order: { status: 'shipped', lines: [{ sku: 'A' }, { sku: 'B' }] }, '0': 'zero', n: null };
    assert.equal(readJsonPath(doc, parseJsonPath('$.order.status')), 'shipped');
    assert.equal(readJsonPath(doc, parseJsonPath('$.order.lines[1].sku')), 'B');
    assert.equal(readJsonPath(doc, parseJsonPath('$.order.lines[2].sku')), undefined);
    assert.equal(readJsonPath(doc, parseJsonPath('$.n')), null);
    assert.equal(readJsonPath(doc, parseJsonPath('$.n.x')), undefined);
    // An index never reads an object key, a name never reads an array slot.
    assert.equal(readJsonPath(doc, parseJsonPath('$[0]')), undefined);
    assert.equal(readJsonPath(doc, parseJsonPath("$['0']")), 'zero');
    assert.equal(readJsonPath([1, 2], parseJsonPath("$['length']")), undefined);
    assert.equal(readJsonPath(doc, parseJsonPath('$.toString')), undefined);
    assert.deepEqual(readJsonPath(doc, parseJsonPath('$')), doc);
  });
});
