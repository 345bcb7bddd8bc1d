import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GroupObservation } from '@/lib/contract/alerts';
import type { Verdict } from '@/lib/contract/lag';
import { conditionText } from '@/lib/alerts/condition-text';
import { AlertEvaluator, groupMatcher } from './evaluator';
import { parseAlertRules } from './rules-file';

const rules = parseAlertRules({
  webhook: 'http://127.0.0.1:9/all',
  rules: [
    { id: 'not-ok', name: 'Not OK for 2 min', group: '*', when: { verdictNot: 'OK', forSeconds: 120 } },
    {
      id: 'old',
      name: 'Lag over 5 min',
      group: 'orders',
      when: { lagSecondsOver: 300 },
      webhook: 'http://127.0.0.1:9/o',
    },
    { id: 'deep', name: 'Deep', group: 'pay-*', when: { lagOver: 10_000, keepFiringForSeconds: 30 } },
  ],
});

const obs = (
  groupId: string,
  verdict: Verdict,
  lag: number | null = 0,
  lagSeconds: number | null = 0,
): GroupObservation => ({
  groupId,
  health: { verdict, reason: { code: 'caught-up' }, text: `${verdict} reason`, causes: [] },
  lag,
  lagSeconds,
});

describe('alert evaluator', () => {
  it('fires after forSeconds of the condition holding, and resolves when it stops', () => {
    const e = new AlertEvaluator(rules.rules, rules.webhook ?? null);
    assert.deepEqual(e.observe([obs('g', 'STOP')], 0), []);
    assert.deepEqual(e.observe([obs('g', 'STOP')], 119_000), []);
    const [fired] = e.tick(120_000);
    assert.equal(fired.status, 'firing');
    assert.equal(fired.condition, 'verdict not OK for 2 min');
    assert.equal(fired.value, 'STOP');
    assert.equal(fired.webhook, 'http://127.0.0.1:9/all');
    assert.equal(e.tick(130_000).length, 0, 'fires once');
    assert.deepEqual(
      e.firing().map((a) => a.why),
      [{ kind: 'verdict', health: { verdict: 'STOP', reason: { code: 'caught-up' }, causes: [] } }],
    );
    const [resolved] = e.observe([obs('g', 'OK')], 140_000);
    assert.deepEqual([resolved.status, resolved.since, resolved.at], ['resolved', 0, 140_000]);
    assert.equal(e.firing().length, 0);
  });

  it('does not fire when the condition breaks off before forSeconds (hysteresis)', () => {
    const e = new AlertEvaluator(rules.rules);
    e.observe([obs('g', 'WARN')], 0);
    e.observe([obs('g', 'OK')], 100_000);
    e.observe([obs('g', 'WARN')], 110_000);
    assert.deepEqual(e.tick(200_000), [], '90 s since it held again');
    assert.equal(e.tick(230_000)[0].since, 110_000);
  });

  it('lag rules: fire at once without forSeconds, use the rule webhook, ignore unknown values', () => {
    const e = new AlertEvaluator(rules.rules, 'http://127.0.0.1:9/all');
    const [fired] = e.observe([obs('orders', 'OK', 10, 301)], 0);
    assert.deepEqual([fired.ruleId, fired.value, fired.webhook], ['old', 301, 'http://127.0.0.1:9/o']);
    // The page words the reason from data, in its own language; the English sentence stays for the API.
    assert.deepEqual(
      e.firing().map((a) => [a.ruleId, a.why, a.reason]),
      [['old', { kind: 'lag-seconds', seconds: 301 }, 'oldest unread message 5 min 1 s old']],
    );
    assert.deepEqual(e.observe([obs('orders', 'OK', null, null)], 1_000), [], 'unknown: no change');
    assert.equal(e.observe([obs('orders', 'OK', 0, 2)], 2_000)[0].status, 'resolved');
  });

  it('keepFiringForSeconds holds a firing alert through a short dip', () => {
    const e = new AlertEvaluator(rules.rules);
    assert.equal(e.observe([obs('pay-eu', 'OK', 20_000)], 0)[0].status, 'firing');
    assert.deepEqual(e.observe([obs('pay-eu', 'OK', 5)], 1_000), []);
    assert.deepEqual(e.observe([obs('pay-eu', 'OK', 20_000)], 10_000), [], 'back over: still the same alert');
    e.observe([obs('pay-eu', 'OK', 5)], 20_000);
    assert.deepEqual(e.tick(49_000), []);
    assert.equal(e.tick(50_000)[0].status, 'resolved');
  });

  it('resolves the alerts of a group that is gone, and of rules removed', () => {
    const e = new AlertEvaluator(rules.rules);
    e.observe([obs('pay-1', 'OK', 50_000), obs('pay-2', 'OK', 50_000)], 0);
    const [gone] = e.remove('pay-1', 1_000);
    assert.deepEqual([gone.groupId, gone.reason], ['pay-1', 'the group no longer exists']);
    const removed = e.setRules(
      rules.rules.filter((r) => r.id !== 'deep'),
      null,
      2_000,
    );
    assert.deepEqual(
      removed.map((x) => [x.groupId, x.status]),
      [['pay-2', 'resolved']],
    );
    assert.equal(e.firing().length, 0);
  });

  it('matches groups by name or * pattern, and words conditions', () => {
    assert.ok(groupMatcher('pay-*')('pay-eu'));
    assert.ok(!groupMatcher('pay-*')('xpay-eu'));
    assert.ok(!groupMatcher('a.b')('axb'), 'dots are literal');
    assert.ok(groupMatcher('*')('anything'));
    assert.equal(conditionText(rules.rules[1]), 'lag over 5 min');
    assert.equal(conditionText(rules.rules[2]), 'lag over 10,000 messages');
  });
});
