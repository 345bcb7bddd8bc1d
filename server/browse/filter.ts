import { RE2JS, RE2JSException } from 're2js';
import type { BrowseFilters, JsonCompareOp } from '@/lib/contract/browse';
import { parseJsonPath, readJsonPath, type PathSegment } from './json-path';
import { QueryError } from './query-error';
import type { ScanRecord } from './record';

// The filters of a query compiled once into one predicate over a record; all given filters must
// hold. Everything that can be wrong with a query (a bad regex, a bad path) throws a QueryError
// here, before anything is read.
//
// Regexes run on re2js, a pure-JavaScript port of RE2: matching is linear in the input, so no
// pattern can backtrack catastrophically and hang the server. It installs with no native build
// and no downloaded binary (the `re2` bindings need both), runs the same in the browser, and is
// maintained (releases through 2026). JavaScript's own RegExp with a time bound would need a
// worker per message to interrupt it.

export type Predicate = (record: ScanRecord) => boolean;

type Check = (r: ScanRecord) => boolean;

const BACKSLASH = 0x5c;

export function compileFilters(filters: BrowseFilters): Predicate {
  // Cheapest first: a record failing an early check never pays for the later ones.
  const checks: Check[] = [];
  const { timeFrom, timeTo } = filters;
  if (timeFrom !== undefined) checks.push((r) => r.timestamp >= timeFrom);
  if (timeTo !== undefined) checks.push((r) => r.timestamp <= timeTo);
  if (filters.key !== undefined) {
    const key = Buffer.from(filters.key, 'utf8');
    checks.push((r) => r.key !== null && r.key.equals(key));
  }
  if (filters.keyContains !== undefined) {
    const part = Buffer.from(filters.keyContains, 'utf8');
    checks.push((r) => r.key !== null && r.key.indexOf(part) >= 0);
  }
  if (filters.header !== undefined) checks.push(headerCheck(filters.header.key, filters.header.value));
  if (filters.valueContains !== undefined) {
    const part = Buffer.from(filters.valueContains, 'utf8');
    checks.push((r) => r.value !== null && r.value.indexOf(part) >= 0);
  }
  if (filters.valueRegex !== undefined) {
    const re = compileRegex(filters.valueRegex);
    // On the decoded text: re2js is about twice as fast on a string as on UTF-8 bytes, and
    // invalid UTF-8 reads as U+FFFD, as the page shows it.
    checks.push((r) => r.value !== null && re.test(r.value.toString('utf8')));
  }
  if (filters.jsonPath !== undefined) checks.push(jsonCheck(filters));
  if (checks.length === 0) return () => true;
  return (r) => {
    for (const check of checks) if (!check(r)) return false;
    return true;
  };
}

export function compileRegex(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (e) {
    if (e instanceof RE2JSException) {
      // re2js words it as "error parsing regexp: missing closing ): `(a`".
      const why = e.message.replace(/^error parsing regexp: /, '');
      throw new QueryError(`invalid regex: ${why} (RE2 syntax: no backreferences or lookaround)`);
    }
    throw e;
  }
}

function headerCheck(key: string, value: string | undefined): Check {
  const want = value === undefined ? null : Buffer.from(value, 'utf8');
  return (r) => {
    for (const [k, v] of r.headers) {
      if (k !== key) continue;
      if (want === null || (v !== null && v.equals(want))) return true;
    }
    return false;
  };
}

function jsonCheck(filters: BrowseFilters): Check {
  const path = parseJsonPath(filters.jsonPath as string);
  const { jsonEquals, jsonCompare } = filters;
  const hasEquals = jsonEquals !== undefined;
  const needles = literalNeedles(path, jsonEquals);
  return (r) => {
    if (r.value === null) return false;
    // Sound shortcut: without a backslash, JSON holds every name and string literally, so a
    // value lacking one of them cannot match, and JSON.parse (the costly part) is skipped.
    if (needles.length > 0 && r.value.indexOf(BACKSLASH) < 0) {
      for (const n of needles) if (r.value.indexOf(n) < 0) return false;
    }
    let root: unknown;
    try {
      root = JSON.parse(r.value.toString('utf8'));
    } catch {
      return false;
    }
    const found = readJsonPath(root, path);
    if (found === undefined) return false;
    if (hasEquals && found !== jsonEquals) return false;
    if (jsonCompare !== undefined && !compare(found, jsonCompare.op, jsonCompare.value)) return false;
    return true;
  };
}

function literalNeedles(path: readonly PathSegment[], equals: unknown): Buffer[] {
  const texts = path.filter((s): s is string => typeof s === 'string');
  if (typeof equals === 'string') texts.push(equals);
  return texts.filter((t) => t.length > 0).map((t) => Buffer.from(t, 'utf8'));
}

function compare(found: unknown, op: JsonCompareOp, want: number | string): boolean {
  if (typeof found !== typeof want || (typeof found !== 'number' && typeof found !== 'string')) return op === '!=';
  const a = found as number | string;
  switch (op) {
    case '=':
      return a === want;
    case '!=':
      return a !== want;
    case '<':
      return a < want;
    case '<=':
      return a <= want;
    case '>':
      return a > want;
    case '>=':
      return a >= want;
  }
}
