import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { VERDICTS } from '@/lib/contract/lag';

// No promtool here: this checks the rules file's shape, that every metric it uses is one the
// header lists, and that those exported today are the names in server/http/metrics.ts.

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const root = path.join(__dirname, '..', '..');
const text = fs.readFileSync(path.join(root, 'docs/prometheus-rules.yml'), 'utf8');
const file = parse(text) as { groups: { name: string; rules: Rule[] }[] };
const rules = file.groups.flatMap((g) => g.rules);
const listed = new Set([...text.matchAll(/^#\s+(kafka_live_[a-z_]+)/gm)].map((m) => m[1]));
const exported = new Set(
  [...fs.readFileSync(path.join(root, 'server/http/metrics.ts'), 'utf8').matchAll(/name: '(kafka_live_[a-z_]+)'/g)].map(
    (m) => m[1],
  ),
);

describe('docs/prometheus-rules.yml', () => {
  it('has well-formed alert rules with unique names', () => {
    assert.ok(rules.length >= 5);
    assert.equal(new Set(rules.map((r) => r.alert)).size, rules.length);
    for (const r of rules) {
      assert.match(r.alert, /^[A-Z][A-Za-z]+$/);
      assert.ok(r.expr.trim().length > 0 && r.labels.severity && r.annotations.summary, r.alert);
      if (r.for) assert.match(r.for, /^\d+[smh]$/);
    }
  });

  it('uses only metrics its header lists, and the exported ones by their real names', () => {
    for (const r of rules) {
      for (const [name] of r.expr.matchAll(/kafka_live_[a-z_]+/g)) assert.ok(listed.has(name), `${r.alert}: ${name}`);
    }
    for (const name of text.match(/^#.*exported today$/gm)!.map((l) => /kafka_live_[a-z_]+/.exec(l)![0])) {
      assert.ok(exported.has(name), `${name} is said to be exported today`);
    }
  });

  it('names only verdicts that exist', () => {
    for (const r of rules) {
      for (const [, set] of r.expr.matchAll(/(?:verdict|status)(?:!~|=~|=)"([^"]+)"/g)) {
        for (const v of set.split('|')) assert.ok((VERDICTS as readonly string[]).includes(v), `${r.alert}: ${v}`);
      }
    }
  });
});
