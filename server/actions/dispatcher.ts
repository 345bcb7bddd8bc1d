import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import { actionSchemas, isActionName } from '@/lib/contract/action-schemas';
import type { ActionResponse, ActionResults } from '@/lib/contract/actions';
import { describeError } from './errors';
import { describeIssue } from '@/lib/contract/describe-issue';
import type { ActionLimit } from '@/server/security/action-limit';

// The one way into an action, from socket.io and HTTP alike: validate the payload against the
// contract, refuse everything in read-only mode, apply the rate limit, write one audit line,
// run the handler, and answer an ActionResult. Nothing a client sends can make this throw.

/** Who asked, for the audit log: transport and remote address. */
export interface ActionOrigin {
  via: 'socket' | 'http';
  address: string;
}

export type ActionHandler<N extends ActionName> = (
  payload: ActionPayload<N>,
  origin: ActionOrigin,
) => Promise<ActionResults[N]>;
export type ActionHandlers = { [N in ActionName]: ActionHandler<N> };

export interface DispatcherOptions {
  readOnly: boolean;
  /** One line per action: what, when (the logger's clock), from where, and how it ended. */
  audit: (line: string) => void;
  /** A rate limit per client address; a refusal answers with when to retry. */
  limit?: ActionLimit;
}

/** What an audit line says of a payload: its shape, with long strings cut. */
function summarize(payload: unknown): string {
  const json = JSON.stringify(payload, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length} chars)` : v,
  );
  return json.length > 400 ? `${json.slice(0, 400)}…` : json;
}

export class ActionDispatcher {
  constructor(
    private readonly handlers: ActionHandlers,
    private readonly opts: DispatcherOptions,
  ) {}

  get readOnly(): boolean {
    return this.opts.readOnly;
  }

  async run(name: unknown, payload: unknown, origin: ActionOrigin): Promise<ActionResponse> {
    const label = typeof name === 'string' ? name.slice(0, 100) : typeof name;
    const from = `${origin.via} ${origin.address}`;
    if (typeof name !== 'string' || !isActionName(name)) {
      this.audit('refused', label, from, 'unknown action');
      return { ok: false, error: `unknown action "${label}"` };
    }
    if (this.opts.readOnly) {
      this.audit('refused', name, from, 'read-only');
      return { ok: false, error: `the dashboard is in read-only mode (READ_ONLY): ${name} is not allowed` };
    }
    const parsed = actionSchemas[name].safeParse(payload);
    if (!parsed.success) {
      const error = `invalid ${name}: ${describeIssue(parsed.error)}`;
      this.audit('refused', name, from, error);
      return { ok: false, error };
    }
    const limited = await this.opts.limit?.(name, origin.address);
    if (limited) {
      this.audit('refused', name, from, 'rate limit');
      return { ok: false, error: limited.error, retryAfterSeconds: limited.retryAfterSeconds };
    }
    const started = Date.now();
    try {
      const handler = this.handlers[name] as (p: unknown, o: ActionOrigin) => Promise<ActionResults[ActionName]>;
      const result = await handler(parsed.data, origin);
      this.audit('ok', name, from, `${summarize(parsed.data)} in ${Date.now() - started} ms`);
      return { ok: true, result };
    } catch (e) {
      const error = describeError(e);
      this.audit('failed', name, from, `${summarize(parsed.data)}: ${error}`);
      return { ok: false, error };
    }
  }

  private audit(outcome: string, name: string, from: string, detail: string): void {
    this.opts.audit(`audit ${new Date().toISOString()} ${outcome} ${name} from ${from} ${detail}`);
  }
}
