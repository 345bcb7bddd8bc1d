import { QueryError } from './query-error';

// A small, safe subset of JSONPath: `$`, then `.name`, `[0]` or `['any text']` / `["any text"]`.
// No wildcards, filters or recursion, so evaluating a path is one walk down the parsed value and
// cannot be made slow or surprising by the person who wrote it. Parsed once, before a scan.

export type PathSegment = string | number;

/** Deeper paths than this are refused: no real message nests further, and a bound keeps the
 *  walk's cost fixed. */
export const JSON_PATH_DEPTH_MAX = 32;

const NAME_CHAR = /[^\s.[\]'"]/;

export function parseJsonPath(path: string): PathSegment[] {
  const fail = (why: string, at: number): never => {
    throw new QueryError(
      `invalid JSON path "${path}": ${why} at character ${at + 1} (e.g. $.order.status, $.items[0].id, $['x y'])`,
    );
  };
  if (path[0] !== '$') fail('a path starts with $', 0);
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const start = ++i;
      while (i < path.length && NAME_CHAR.test(path[i])) i++;
      if (i === start) fail('a name is expected after "."', start);
      segments.push(path.slice(start, i));
    } else if (c === '[') {
      i++;
      const q = path[i];
      if (q === "'" || q === '"') {
        let name = '';
        i++;
        while (i < path.length && path[i] !== q) {
          if (path[i] === '\\') {
            i++;
            if (i >= path.length) break;
          }
          name += path[i++];
        }
        if (i >= path.length) fail(`the quoted name is not closed with ${q}`, i - 1);
        i++;
        segments.push(name);
      } else {
        const start = i;
        while (i < path.length && path[i] >= '0' && path[i] <= '9') i++;
        if (i === start) fail('a number or a quoted name is expected after "["', start);
        const index = Number(path.slice(start, i));
        if (!Number.isSafeInteger(index)) fail('the index is too large', start);
        segments.push(index);
      }
      if (path[i] !== ']') fail('"]" is expected', i);
      i++;
    } else {
      fail(`"." or "[" is expected, not "${c}"`, i);
    }
    if (segments.length > JSON_PATH_DEPTH_MAX) fail(`a path is at most ${JSON_PATH_DEPTH_MAX} steps deep`, i - 1);
  }
  return segments;
}

/** The value at the path, or undefined when some step is missing (or steps into a non-object).
 *  Numbers step into arrays only and names into objects only, so `$.a[0]` never reads a key "0". */
export function readJsonPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let at: unknown = root;
  for (const s of segments) {
    if (typeof s === 'number') {
      if (!Array.isArray(at) || s >= at.length) return undefined;
      at = at[s];
    } else {
      if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, s)) return undefined;
      at = (at as Record<string, unknown>)[s];
    }
  }
  return at;
}
