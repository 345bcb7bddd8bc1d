import type { ActiveAlert, AlertEvent, AlertRule, AlertWhy, GroupObservation } from '@/lib/contract/alerts';
import { conditionText } from '@/lib/alerts/condition-text';
import { duration } from '@/lib/lag/verdict-text';

// Turns a stream of per-group observations into firing and resolved transitions. A rule fires
// once its condition has held for `forSeconds` and resolves once it has been false for
// `keepFiringForSeconds`, so a verdict that flickers does not page anyone. An unknown value
// (lag not known for a moment) changes nothing: it neither fires nor resolves.

interface State {
  rule: AlertRule;
  holds: boolean;
  since: number;
  falseSince: number | null;
  firing: boolean;
  last: GroupObservation;
}

const keyOf = (ruleId: string, groupId: string) => `${ruleId}\u0000${groupId}`;

/** `orders-*` → every group starting "orders-"; no `*`: that group only. */
export function groupMatcher(pattern: string): (groupId: string) => boolean {
  if (!pattern.includes('*')) return (g) => g === pattern;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return (g) => re.test(g);
}

function valueOf(rule: AlertRule, o: GroupObservation): string | number | null {
  if (rule.when.lagSecondsOver !== undefined) return o.lagSeconds;
  if (rule.when.lagOver !== undefined) return o.lag;
  return o.health.verdict;
}

/** Why, in words: the verdict's own sentence for a verdict rule; for a lag rule the lag itself
 *  (the verdict, judged once a round, can trail a commit that just moved the lag). */
function reasonOf(rule: AlertRule, o: GroupObservation): string {
  if (rule.when.lagOver !== undefined)
    return o.lag === null ? 'lag not known' : `${o.lag.toLocaleString('en-US')} messages behind`;
  if (rule.when.lagSecondsOver !== undefined)
    return o.lagSeconds === null
      ? 'lag in seconds not known'
      : `oldest unread message ${duration(o.lagSeconds * 1000)} old`;
  return o.health.text;
}

function whyOf(rule: AlertRule, o: GroupObservation): AlertWhy {
  if (rule.when.lagOver !== undefined) return { kind: 'lag', lag: o.lag };
  if (rule.when.lagSecondsOver !== undefined) return { kind: 'lag-seconds', seconds: o.lagSeconds };
  const { verdict, reason, causes } = o.health;
  return { kind: 'verdict', health: { verdict, reason, causes } };
}

/** True or false; null when the value it needs is not known. */
function holds(rule: AlertRule, o: GroupObservation): boolean | null {
  const w = rule.when;
  if (w.verdictNot !== undefined) return o.health.verdict !== w.verdictNot;
  if (w.verdictIn !== undefined) return w.verdictIn.includes(o.health.verdict);
  if (w.lagSecondsOver !== undefined) return o.lagSeconds === null ? null : o.lagSeconds > w.lagSecondsOver;
  return o.lag === null ? null : o.lag > w.lagOver!;
}

export class AlertEvaluator {
  private states = new Map<string, State>();
  private rules: { rule: AlertRule; matches: (g: string) => boolean }[] = [];
  private defaultWebhook: string | null = null;

  constructor(rules: readonly AlertRule[] = [], defaultWebhook: string | null = null) {
    this.setRules(rules, defaultWebhook, 0);
  }

  /** Replaces the rules; alerts of rules removed or changed resolve. */
  setRules(rules: readonly AlertRule[], defaultWebhook: string | null, now: number): AlertEvent[] {
    const next = new Map(rules.filter((r) => r.enabled).map((r) => [r.id, r]));
    const events: AlertEvent[] = [];
    for (const [key, s] of this.states) {
      const kept = next.get(s.rule.id);
      if (kept && JSON.stringify(kept) === JSON.stringify(s.rule)) continue;
      if (s.firing) events.push(this.event('resolved', s, now, 'the rule was changed or removed'));
      this.states.delete(key);
    }
    this.rules = [...next.values()].map((rule) => ({ rule, matches: groupMatcher(rule.group) }));
    this.defaultWebhook = defaultWebhook;
    return events;
  }

  /** Takes new observations (any subset of groups) and returns the transitions they cause. */
  observe(observations: readonly GroupObservation[], now: number): AlertEvent[] {
    for (const o of observations) {
      for (const { rule, matches } of this.rules) {
        if (!matches(o.groupId)) continue;
        const cond = holds(rule, o);
        const key = keyOf(rule.id, o.groupId);
        const s = this.states.get(key);
        if (cond === null) {
          if (s) s.last = { ...o, lag: o.lag ?? s.last.lag, lagSeconds: o.lagSeconds ?? s.last.lagSeconds };
          continue;
        }
        if (!s) {
          if (cond) this.states.set(key, { rule, holds: true, since: now, falseSince: null, firing: false, last: o });
          continue;
        }
        s.last = o;
        if (cond && !s.holds) {
          s.holds = true;
          if (!s.firing) s.since = now;
          s.falseSince = null;
        } else if (!cond && s.holds) {
          s.holds = false;
          s.falseSince = now;
        }
      }
    }
    return this.tick(now);
  }

  /** Fires and resolves what time alone decides; call it on a timer too. */
  tick(now: number): AlertEvent[] {
    const events: AlertEvent[] = [];
    for (const [key, s] of this.states) {
      const w = s.rule.when;
      if (s.holds && !s.firing && now - s.since >= w.forSeconds * 1000) {
        s.firing = true;
        events.push(this.event('firing', s, now));
      } else if (!s.holds && (!s.firing || now - s.falseSince! >= w.keepFiringForSeconds * 1000)) {
        if (s.firing) events.push(this.event('resolved', s, now));
        this.states.delete(key);
      }
    }
    return events;
  }

  /** The group is gone (deleted or expired): its alerts resolve. */
  remove(groupId: string, now: number): AlertEvent[] {
    const events: AlertEvent[] = [];
    for (const [key, s] of this.states) {
      if (s.last.groupId !== groupId) continue;
      if (s.firing) events.push(this.event('resolved', s, now, 'the group no longer exists'));
      this.states.delete(key);
    }
    return events;
  }

  firing(): ActiveAlert[] {
    return [...this.states.values()]
      .filter((s) => s.firing)
      .map((s) => ({
        ruleId: s.rule.id,
        ruleName: s.rule.name,
        groupId: s.last.groupId,
        since: s.since,
        value: valueOf(s.rule, s.last),
        reason: reasonOf(s.rule, s.last),
        why: whyOf(s.rule, s.last),
      }));
  }

  private event(status: AlertEvent['status'], s: State, now: number, why?: string): AlertEvent {
    return {
      status,
      ruleId: s.rule.id,
      ruleName: s.rule.name,
      groupId: s.last.groupId,
      condition: conditionText(s.rule),
      value: valueOf(s.rule, s.last),
      reason: why ?? reasonOf(s.rule, s.last),
      since: s.since,
      at: now,
      webhook: s.rule.webhook ?? this.defaultWebhook,
    };
  }
}
