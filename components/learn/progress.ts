import { z } from 'zod';
import { STEP_IDS, type StepId } from './steps';

// The learner's progress, kept in the browser (localStorage): per step the last prediction,
// whether it was right, and the run's suffix, so a clean-up after a reload finds its topics.

const STORAGE_KEY = 'kafka-live.learn.v1';

const stepProgress = z.object({
  runId: z.string().regex(/^[0-9a-z]{1,12}$/),
  predicted: z.string().max(40).nullable(),
  /** `ran`: the experiment left topics or groups behind; `cleaned`: nothing left. */
  state: z.enum(['ran', 'cleaned']),
  correct: z.boolean().nullable(),
  outcome: z.record(z.string(), z.union([z.string().max(400), z.number()])),
});
export type StepProgress = z.infer<typeof stepProgress>;

const progressSchema = z.object({
  current: z.enum(STEP_IDS),
  steps: z.partialRecord(z.enum(STEP_IDS), stepProgress),
});
export type Progress = z.infer<typeof progressSchema>;

export const EMPTY_PROGRESS: Progress = { current: STEP_IDS[0], steps: {} };

/** Whatever is stored, a valid progress: junk or an old shape starts the tour afresh. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return EMPTY_PROGRESS;
  try {
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY_PROGRESS;
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function loadProgress(): Progress {
  try {
    return parseProgress(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function saveProgress(p: Progress): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(p));
  } catch {
    // Private mode or a full quota: the tour still works, it just forgets.
  }
}

export function withStep(
  p: Progress,
  id: StepId,
  patch: Partial<StepProgress> & Pick<StepProgress, 'runId'>,
): Progress {
  const old = p.steps[id];
  const next: StepProgress = {
    predicted: null,
    state: 'cleaned',
    correct: null,
    outcome: {},
    ...old,
    ...patch,
  };
  return { ...p, steps: { ...p.steps, [id]: next } };
}

export const doneCount = (p: Progress) =>
  STEP_IDS.filter((id) => p.steps[id]?.correct !== undefined && p.steps[id]?.correct !== null).length;
