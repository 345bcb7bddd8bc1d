import type { ActionInput, ActionName } from '@/lib/contract/action-schemas';
import type { ActionResult, ActionResults } from '@/lib/contract/actions';
import type { Dashboard } from '@/server/app';

// Runs actions through the dashboard's dispatcher: the same validation, checks and answers as
// the socket and POST /api/actions, without a transport in between.

const ORIGIN = { via: 'http', address: 'test' } as const;

export async function act<N extends ActionName>(
  dashboard: Dashboard,
  name: N,
  payload: ActionInput<N> | Record<string, unknown>,
): Promise<ActionResult<ActionResults[N]>> {
  return (await dashboard.actions.run(name, payload, ORIGIN)) as ActionResult<ActionResults[N]>;
}

/** The action's result; fails the test with the server's message if it was refused. */
export async function actOk<N extends ActionName>(
  dashboard: Dashboard,
  name: N,
  payload: ActionInput<N>,
): Promise<ActionResults[N]> {
  const answer = await act(dashboard, name, payload);
  if (!answer.ok) throw new Error(`${name} refused: ${answer.error}`);
  return answer.result;
}

/** The refusal's message; fails the test if the action succeeded. */
export async function actError<N extends ActionName>(
  dashboard: Dashboard,
  name: N,
  payload: ActionInput<N> | Record<string, unknown>,
): Promise<string> {
  const answer = await act(dashboard, name, payload);
  if (answer.ok) throw new Error(`${name} succeeded but should have been refused: ${JSON.stringify(answer.result)}`);
  return answer.error;
}
