import { z } from 'zod';
import { VERDICTS, type GroupHealth, type Verdict } from './lag';

// Alert rules over the verdict, lag in seconds and lag in messages: one schema for the rules
// file (KAFKA_LIVE_ALERTS_FILE), the API and, later, the editor in the UI.

const verdict = z.enum(VERDICTS as [Verdict, ...Verdict[]]);
const forSeconds = z.number().min(0).max(86_400).default(0);
const webhook = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const when = z
  .strictObject({
    verdictNot: verdict.optional(),
    verdictIn: z.array(verdict).min(1).optional(),
    lagSecondsOver: z.number().positive().optional(),
    lagOver: z.number().int().positive().optional(),
    /** The condition must hold this long before the alert fires. */
    forSeconds,
    /** Once firing, it resolves only after the condition has been false this long. */
    keepFiringForSeconds: forSeconds,
  })
  .superRefine((w, ctx) => {
    const given = (['verdictNot', 'verdictIn', 'lagSecondsOver', 'lagOver'] as const).filter((k) => w[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `give exactly one of verdictNot, verdictIn, lagSecondsOver, lagOver${given.length > 1 ? ` (got ${given.join(', ')})` : ''}`,
      });
    }
  });

export const AlertRuleSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'use 1 to 64 letters, digits, ".", "_" or "-"'),
  name: z.string().trim().min(1).max(200),
  /** A group id, or a pattern where `*` stands for any characters ("*" alone: every group). */
  group: z.string().min(1).max(255),
  when,
  /** Where to POST firing and resolved alerts; the file's `webhook` when left out. */
  webhook: webhook.optional(),
  enabled: z.boolean().default(true),
});

export const AlertRulesFileSchema = z
  .strictObject({ webhook: webhook.optional(), rules: z.array(AlertRuleSchema).max(500) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `"${r.id}" is used twice` });
      seen.add(r.id);
    });
  });

export type AlertRule = z.infer<typeof AlertRuleSchema>;
export type AlertRulesFile = z.infer<typeof AlertRulesFileSchema>;

/** What the evaluator sees of a group at one moment. */
export interface GroupObservation {
  groupId: string;
  /** The verdict, its reason as a code (the page words it in its own language) and in English
   *  (`text`, carried into the alert for the API and webhooks). */
  health: Pick<GroupHealth, 'verdict' | 'reason' | 'text' | 'causes'>;
  lag: number | null;
  lagSeconds: number | null;
}

/** Why an alert fires, as data: `reason` says it in English for the API and webhooks, the page
 *  words this in the UI's language. */
export type AlertWhy =
  | { kind: 'verdict'; health: Pick<GroupHealth, 'verdict' | 'reason' | 'causes'> }
  | { kind: 'lag'; lag: number | null }
  | { kind: 'lag-seconds'; seconds: number | null };

export interface AlertEvent {
  status: 'firing' | 'resolved';
  ruleId: string;
  ruleName: string;
  groupId: string;
  /** The condition in words, e.g. "verdict not OK for 2 min". */
  condition: string;
  /** The observed value that made (or ended) it: a verdict, seconds or messages. */
  value: string | number | null;
  reason: string;
  /** When the condition first held (epoch ms). */
  since: number;
  at: number;
  /** Destination; null when neither the rule nor the file names one. */
  webhook: string | null;
}

/** A firing alert as the page and the API show it. */
export interface ActiveAlert {
  ruleId: string;
  ruleName: string;
  groupId: string;
  /** When the condition first held (epoch ms). */
  since: number;
  value: string | number | null;
  reason: string;
  why: AlertWhy;
}

/** Webhook delivery since the server started: a dead receiver shows here, never as a slow page. */
export interface AlertDelivery {
  sent: number;
  failed: number;
  dropped: number;
  retries: number;
  pending: number;
}

/** Transitions kept for the page, newest first. */
export const ALERT_RECENT_MAX = 50;

/** GET /api/alerts, and the `alerts` watch's `alerts:state`. */
export interface AlertsState {
  rules: AlertRule[];
  webhook: string | null;
  /** Where edits are kept: the rules file (KAFKA_LIVE_ALERTS_FILE), or memory until restart. */
  savedTo: { kind: 'file'; path: string } | { kind: 'memory' };
  firing: ActiveAlert[];
  recent: AlertEvent[];
  delivery: AlertDelivery;
}

/** `alerts:set-rules`: the whole rule set at once, in the rules file's shape (the editor saves
 *  what it shows; leaving `webhook` out clears it). */
export const alertsSetSchema = AlertRulesFileSchema;
