import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MESSAGES } from './catalog';

const { en, ko } = MESSAGES;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [full] : [];
  });
}

test('every message exists in both English and Korean', () => {
  const enKeys = leaves(en);
  const koKeys = leaves(ko);
  assert.deepEqual(
    enKeys.filter((k) => !koKeys.includes(k)),
    [],
    'missing in ko.json',
  );
  assert.deepEqual(
    koKeys.filter((k) => !enKeys.includes(k)),
    [],
    'missing in en.json',
  );
});

test('placeholders and tags agree between the two languages', () => {
  const koMap = new Map(leaves(ko).map((k) => [k, k.split('.').reduce<string | Tree>((t, p) => (t as Tree)[p], ko)]));
  for (const key of leaves(en)) {
    const enText = key.split('.').reduce<string | Tree>((t, p) => (t as Tree)[p], en) as string;
    // Plural branches ("one {# topic}") are words, not arguments; the rest is compared as a set,
    // since English names a plural's argument twice where Korean needs it once.
    const names = (s: string) => {
      const bare = s.replace(/(zero|one|two|few|many|other|=\d+)\s*\{[^{}]*\}/g, '');
      return [...new Set([...bare.matchAll(/[{<]\/?(\w+)/g)].map((m) => m[1]))].sort();
    };
    assert.deepEqual(names(koMap.get(key) as string), names(enText), key);
  }
});

// Cheap check that no message is dead: its last segment must appear quoted in some source file
// (keys are used as t('leaf') under a namespace, or built from a union like `status.${s}`).
test('every message is used somewhere', () => {
  const root = process.cwd();
  const text = ['components', 'app']
    .flatMap((d) => sources(path.join(root, d)))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const dynamic = ['status', 'why', 'state', 'stateWhy', 'verdict', 'role', 'protocol', 'protocols', 'protocolHint'];
  const unused = leaves(en).filter((key) => {
    const parts = key.split('.');
    const leaf = parts[parts.length - 1];
    const parent = parts[parts.length - 2];
    if (dynamic.includes(parent)) return !text.includes(`${parent}.\${`);
    return !new RegExp(`['\`.]${leaf}['\`]`).test(text);
  });
  assert.deepEqual(unused, []);
});
