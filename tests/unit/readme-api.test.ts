import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ACTION_NAMES } from '@/lib/contract/action-schemas';

// A script writer learns the API from the README: an action added to the contract and not
// named there is an action nobody finds.

const readme = fs.readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');

describe('the README JSON API section', () => {
  it('names every action of the contract, and no action that is not in it', () => {
    const missing = ACTION_NAMES.filter((name) => !readme.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
    const row = readme.split('\n').find((l) => l.startsWith('| `POST /api/actions/:name` |')) ?? '';
    const named = [...row.matchAll(/`([a-z]+:[a-z-]+)`/g)].map((m) => m[1]);
    assert.deepEqual(
      named.filter((n) => !(ACTION_NAMES as string[]).includes(n)),
      [],
    );
    assert.ok(named.length >= ACTION_NAMES.length);
  });
});
