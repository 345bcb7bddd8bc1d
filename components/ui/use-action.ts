'use client';

import { useCallback, useState } from 'react';
import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import type { ActionResult, ActionResults } from '@/lib/contract/actions';
import { runAction } from '@/lib/store/use-live-bridge';
import { useLiveStore } from '@/lib/store';

export interface ActionState<N extends ActionName> {
  pending: boolean;
  error: string | null;
  result: ActionResults[N] | null;
  run(payload: ActionPayload<N>): Promise<ActionResult<ActionResults[N]>>;
  reset(): void;
}

/** One action's call state for a form or button: pending, the server's error, the last result. */
export function useAction<N extends ActionName>(name: N): ActionState<N> {
  const [state, setState] = useState<{ pending: boolean; error: string | null; result: ActionResults[N] | null }>({ pending: false, error: null, result: null });
  const run = useCallback(
    async (payload: ActionPayload<N>) => {
      setState((s) => ({ ...s, pending: true, error: null }));
      const answer = await runAction(name, payload);
      setState(answer.ok ? { pending: false, error: null, result: answer.result } : { pending: false, error: answer.error, result: null });
      return answer;
    },
    [name],
  );
  const reset = useCallback(() => setState({ pending: false, error: null, result: null }), []);
  return { ...state, run, reset };
}

/** True when the server takes actions (it said so, and is not read-only). */
export function useCanAct(): boolean {
  return useLiveStore((s) => s.serverInfo !== null && !s.serverInfo.readOnly);
}
