import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '@/server/env';
import { loadAlertRules, parseAlertRules } from './rules-file';

const rule = {
  id: 'orders-health',
  name: 'Orders not OK',
  group: 'orders-*',
  when: { verdictNot: 'OK', forSeconds: 120 },
};

describe('alert rules file', () => {
  it('reads rules with defaults filled in, as an object or a bare array', () => {
    const file = parseAlertRules(JSON.stringify({ webhook: 'http://127.0.0.1:9/hook', rules: [rule] }));
    assert.equal(file.webhook, 'http://127.0.0.1:9/hook');
    assert.deepEqual(file.rules[0].when, { verdictNot: 'OK', forSeconds: 120, keepFiringForSeconds: 0 });
    assert.equal(file.rules[0].enabled, true);
    assert.equal(parseAlertRules([{ ...rule, when: { lagSecondsOver: 300 } }]).rules[0].when.forSeconds, 0);
  });

  it('names every bad field', () => {
    const bad = [
      rule,
      { ...rule, id: 'b', when: { lagOver: -3, forSeconds: 'soon' } },
      { ...rule, id: 'a', webhook: 'ftp://x' },
      { ...rule, id: 'c', when: { lagOver: 5, lagSecondsOver: 3 } },
      { ...rule, id: 'd', grop: 'x' },
    ];
    assert.throws(
      () => parseAlertRules(bad, 'alerts.json'),
      (e: Error) => {
        for (const field of [
          'rules[1].when.lagOver',
          'rules[1].when.forSeconds',
          'rules[2].webhook: expected an http(s) URL',
          'rules[3].when: give exactly one of verdictNot, verdictIn, lagSecondsOver, lagOver (got lagSecondsOver, lagOver)',
          'rules[4]',
        ]) {
          assert.ok(e.message.includes(field), `${field} in: ${e.message}`);
        }
        return e.message.startsWith('alerts.json: ');
      },
    );
    assert.throws(() => parseAlertRules([{ ...rule, when: { verdictNot: 'FINE' } }]), /rules\[0\]\.when\.verdictNot/);
    assert.throws(() => parseAlertRules([rule, rule]), /rules\[1\]\.id: "orders-health" is used twice/);
  });

  it('loads the file KAFKA_LIVE_ALERTS_FILE names; unset means no rules; errors name the variable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alerts-'));
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify([rule]));
    assert.equal(loadAlertRules({ KAFKA_LIVE_ALERTS_FILE: good }).rules.length, 1);
    assert.deepEqual(loadAlertRules({}), { rules: [] });
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{ "rules": [ ');
    for (const env of [
      { KAFKA_LIVE_ALERTS_FILE: broken },
      { KAFKA_LIVE_ALERTS_FILE: path.join(dir, 'missing.json') },
    ]) {
      assert.throws(
        () => loadAlertRules(env),
        (e: unknown) => e instanceof ConfigError && e.variable === 'KAFKA_LIVE_ALERTS_FILE',
      );
    }
    assert.throws(() => loadAlertRules({ KAFKA_LIVE_ALERTS_FILE: broken }), /not valid JSON/);
    fs.rmSync(dir, { recursive: true });
  });
});
