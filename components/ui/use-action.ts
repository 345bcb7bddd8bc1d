'use client';

import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { actionSchemas, type ActionName, type ActionPayload } from '@/lib/contract/action-schemas';
import type { ActionResult, ActionResults } from '@/lib/contract/actions';
import { describeIssue } from '@/lib/contract/describe-issue';
import { runAction } from '@/lib/store/use-live-bridge';
import { useLiveStore } from '@/lib/store';

export interface ActionState<N extends ActionName> {
  pending: boolean;
  /** Why the last run failed: refused by the form's checks or answered with an error by the server. */
  error: string | null;
  result: ActionResults[N] | null;
  run(payload: ActionPayload<N>): Promise<ActionResult<ActionResults[N]>>;
  reset(): void;
}

/** Module-level functions, so `run` keeps its identity across renders. */
export interface ActionChecks<N extends ActionName> {
  /** Wording for a payload the schema refuses, where the form can say it better than `field: message`. */
  describe?(error: z.ZodError, payload: ActionPayload<N>): string;
  /** A check the schema cannot make (the server makes it too); a string refuses the payload. */
  check?(payload: ActionPayload<N>): string | null;
}

/** One action's call state for a form or button: pending, one error, the last result. The payload
 *  is checked against the server's own schema first, so a form refuses at once, without a round
 *  trip, exactly what the server would. */
export function useAction<N extends ActionName>(name: N, checks: ActionChecks<N> = {}): ActionState<N> {
  const [state, setState] = useState<{ pending: boolean; error: string | null; result: ActionResults[N] | null }>({
    pending: false,
    error: null,
    result: null,
  });
  const { describe, check } = checks;
  const run = useCallback(
    async (payload: ActionPayload<N>): Promise<ActionResult<ActionResults[N]>> => {
      const refused = refusal(name, payload, { describe, check });
      if (refused !== null) {
        setState((s) => ({ ...s, pending: false, error: refused }));
        return { ok: false, error: refused };
      }
      setState((s) => ({ ...s, pending: true, error: null }));
      const answer = await runAction(name, payload);
      setState(
        answer.ok
          ? { pending: false, error: null, result: answer.result }
          : { pending: false, error: answer.error, result: null },
      );
      return answer;
    },
    [name, describe, check],
  );
  const reset = useCallback(() => setState({ pending: false, error: null, result: null }), []);
  return { ...state, run, reset };
}

/** Why the payload is refused before sending (schema, then the extra check), or null to send it. */
export function refusal<N extends ActionName>(
  name: N,
  payload: ActionPayload<N>,
  checks: ActionChecks<N>,
): string | null {
  const parsed = actionSchemas[name].safeParse(payload);
  if (!parsed.success) return checks.describe?.(parsed.error, payload) ?? describeIssue(parsed.error);
  return checks.check?.(payload) ?? null;
}

/** True when the server takes actions (it said so, and is not read-only). */
export function useCanAct(): boolean {
  return useLiveStore((s) => s.serverInfo !== null && !s.serverInfo.readOnly);
}
