import type { AlertRule } from '@/lib/contract/alerts';
import { duration } from '@/lib/lag/verdict-text';

/** A rule's condition in words, as the webhook body and the Alerts page say it. */
export function conditionText(rule: AlertRule): string {
  const w = rule.when;
  const base =
    w.verdictNot !== undefined
      ? `verdict not ${w.verdictNot}`
      : w.verdictIn !== undefined
        ? `verdict ${w.verdictIn.join(' or ')}`
        : w.lagSecondsOver !== undefined
          ? `lag over ${duration(w.lagSecondsOver * 1000)}`
          : `lag over ${w.lagOver!.toLocaleString('en-US')} messages`;
  return w.forSeconds > 0 ? `${base} for ${duration(w.forSeconds * 1000)}` : base;
}
