import { EventEmitter } from 'node:events';
import {
  ALERT_RECENT_MAX,
  type AlertEvent,
  type AlertRulesFile,
  type AlertsState,
  type GroupObservation,
} from '@/lib/contract/alerts';
import type { GroupSummary, GroupsPatch } from '@/lib/contract/groups';
import { AlertEvaluator } from './evaluator';
import { saveAlertRules, type AlertSettings } from './rules-file';
import { redact, WebhookPoster, type WebhookOptions } from './webhook';

// Alerts for the whole server: every groups patch is an observation for the evaluator, a timer
// fires what time alone decides (a condition held "for 2 min"), and each transition is queued
// for its webhook and kept for the page. Posting only queues (server/alerts/webhook.ts), so a
// dead receiver never holds up a patch.

const TICK_MS = 1_000;

export interface AlertsEvents {
  changed: [];
}

/** What the evaluator sees of a group: nothing until its verdict is known. */
export function observationOf(g: GroupSummary): GroupObservation | null {
  if (!g.health) return null;
  return {
    groupId: g.groupId,
    health: g.health,
    lag: g.totalLag,
    lagSeconds: g.lagAge.seconds,
  };
}

export interface GroupFeed {
  on(event: 'patch', listener: (patch: GroupsPatch) => void): unknown;
  off(event: 'patch', listener: (patch: GroupsPatch) => void): unknown;
  list(): GroupSummary[];
}

export class AlertsService extends EventEmitter<AlertsEvents> {
  private readonly evaluator: AlertEvaluator;
  private readonly poster: WebhookPoster;
  private rules: AlertRulesFile;
  private recent: AlertEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly onPatch = (patch: GroupsPatch) => this.observe(patch);

  constructor(
    private readonly groups: GroupFeed,
    private readonly settings: AlertSettings,
    webhook: Partial<WebhookOptions> = {},
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.rules = settings.rules;
    this.evaluator = new AlertEvaluator(this.rules.rules, this.rules.webhook ?? null);
    this.poster = new WebhookPoster(webhook);
  }

  start(): void {
    if (this.timer) return;
    this.groups.on('patch', this.onPatch);
    // Groups already known (the first patches may have gone out before the service started).
    this.apply(this.evaluator.observe(this.observations(this.groups.list()), this.now()));
    this.timer = setInterval(() => this.apply(this.evaluator.tick(this.now())), TICK_MS);
    this.timer.unref();
  }

  state(): AlertsState {
    return {
      rules: this.rules.rules,
      webhook: this.rules.webhook ?? null,
      savedTo: this.settings.file ? { kind: 'file', path: this.settings.file } : { kind: 'memory' },
      firing: this.evaluator.firing(),
      recent: this.recent,
      delivery: { ...this.poster.stats },
    };
  }

  /** Replaces every rule (the editor and `alerts:set-rules`); saved to the rules file when
   *  there is one, before it takes effect, so a rule never runs that a restart would lose. */
  async setRules(next: AlertRulesFile): Promise<AlertsState> {
    if (this.settings.file) await saveAlertRules(this.settings.file, next);
    this.rules = next;
    const now = this.now();
    const events = this.evaluator.setRules(next.rules, next.webhook ?? null, now);
    // The new rules judge the groups as they are now, not from the next patch on.
    events.push(...this.evaluator.observe(this.observations(this.groups.list()), now));
    this.apply(events, true);
    return this.state();
  }

  /** Resolves once every queued webhook call is done (tests, shutdown). */
  delivered(): Promise<void> {
    return this.poster.idle();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.groups.off('patch', this.onPatch);
    this.poster.close();
  }

  private observe(patch: GroupsPatch): void {
    const now = this.now();
    const events = this.evaluator.observe(this.observations(patch.upsert), now);
    for (const groupId of patch.remove) events.push(...this.evaluator.remove(groupId, now));
    this.apply(events);
  }

  private observations(groups: readonly GroupSummary[]): GroupObservation[] {
    return groups.map(observationOf).filter((o): o is GroupObservation => o !== null);
  }

  private apply(events: AlertEvent[], changed = false): void {
    for (const { webhook, ...body } of events) if (webhook) this.poster.post(webhook, body);
    // A webhook URL often carries a token: the page sees its origin only.
    const shown = events.map((e) => ({ ...e, webhook: e.webhook && redact(e.webhook) }));
    if (events.length > 0) this.recent = [...shown.reverse(), ...this.recent].slice(0, ALERT_RECENT_MAX);
    if (events.length > 0 || changed) this.emit('changed');
  }
}
