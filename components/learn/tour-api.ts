import type { ActionName, ActionPayload } from '@/lib/contract/action-schemas';
import type { ActionResult, ActionResults, LabInstance, LabProtocol, LabProtocolInfo } from '@/lib/contract/actions';
import type { Partition } from '@/lib/contract/cluster';
import type { GroupSummary } from '@/lib/contract/groups';

// What a tour step needs from the dashboard: its actions (the same audited, rate-limited ones
// every screen uses) and a read of the live state. The screen passes the real one; the unit
// tests pass a fake, so the step logic is tested without a browser.

/** What an experiment found, as numbers and words for the reveal sentence and the mini-view. */
export type Outcome = Record<string, string | number>;

export interface TourApi {
  act<N extends ActionName>(name: N, payload: ActionPayload<N>): Promise<ActionResult<ActionResults[N]>>;
  sleep(ms: number): Promise<void>;
  now(): number;
  brokers(): number;
  controllerId(): number | null;
  /** null: the topic is not in the metadata (yet). */
  partitions(topic: string): Partition[] | null;
  instances(): LabInstance[];
  group(groupId: string): GroupSummary | undefined;
  /** The dashboard runs the embedded cluster: broker steps may stop and start its nodes. */
  embedded(): boolean;
  /** The brokers' retention check interval when known (embedded cluster), else null. */
  retentionCheckMs(): number | null;
  /** Whether the lab can start members of this protocol here, and why not; null until known. */
  labProtocol(protocol: LabProtocol): LabProtocolInfo | null;
  /** What a long experiment found so far, for its live view while it still runs. */
  note(partial: Outcome): void;
}

export class StepFailed extends Error {}

/** The result, or a StepFailed with the server's sentence. */
export async function must<N extends ActionName>(
  api: TourApi,
  name: N,
  payload: ActionPayload<N>,
): Promise<ActionResults[N]> {
  const answer = await api.act(name, payload);
  if (!answer.ok) throw new StepFailed(answer.error);
  return answer.result;
}

/** Polls `check` until it answers non-null; `what` names the wait in the error. */
export async function until<T>(api: TourApi, what: string, check: () => T | null, timeoutMs = 60_000): Promise<T> {
  const deadline = api.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== null) return value;
    if (api.now() > deadline) throw new StepFailed(`timed out waiting for ${what}`);
    await api.sleep(500);
  }
}
