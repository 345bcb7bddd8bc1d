'use client';

import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { useLiveStore } from '@/lib/store';
import { Button } from '@/components/ui/button';
import { cleanUp, namesFor, newRunId, type StepDef } from './steps';
import { StepView } from './views';
import { useTourApi } from './use-tour-api';
import type { Progress } from './progress';
import type { Outcome } from './tour-api';
import { withStep } from './progress';

type Phase = 'idle' | 'asking' | 'running' | 'cleaning';

/** Scrolls to the element the step is about once it shows (live views fill in over seconds). */
function useScrollToHighlight(box: React.RefObject<HTMLElement | null>, armed: boolean) {
  useEffect(() => {
    if (!armed) return;
    let tries = 0;
    const timer = setInterval(() => {
      const el = box.current?.querySelector('[data-learn-highlight="true"]');
      if (el || ++tries > 40) {
        clearInterval(timer);
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    }, 250);
    return () => clearInterval(timer);
  }, [box, armed]);
}

export function StepCard({
  step,
  index,
  progress,
  onProgress,
}: {
  step: StepDef;
  index: number;
  progress: Progress;
  onProgress(next: (p: Progress) => Progress): void;
}) {
  const t = useTranslations('learn');
  const tLab = useTranslations('lab.start');
  // What a long experiment found so far: its live view shows it while the step still runs.
  const [live, setLive] = useState<Outcome>({});
  const note = useCallback((partial: Outcome) => setLive((l) => ({ ...l, ...partial })), []);
  const api = useTourApi(note);
  const readOnly = useLiveStore((s) => s.serverInfo?.readOnly ?? false);
  const embedded = useLiveStore((s) => s.cluster?.connection.embedded ?? false);
  const connected = useLiveStore((s) => s.serverInfo !== null);
  const saved = progress.steps[step.id];
  const [choice, setChoice] = useState<string | null>(saved?.predicted ?? null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<string | null>(null);
  const viewBox = useRef<HTMLDivElement>(null);
  const revealed = saved?.correct !== null && saved?.correct !== undefined && phase !== 'running';
  useScrollToHighlight(viewBox, revealed && saved?.state === 'ran');
  const key = (k: string) => `steps.${step.id}.${k}`;
  const pending = phase === 'running' || phase === 'cleaning';
  const names = saved ? namesFor(step, saved.runId) : null;
  const creates = namesFor(step, '…');
  const hasExperiment = step.partitions > 0 || step.groups > 0;
  // Broker steps stop a node: only the embedded cluster's nodes are ours to stop. Steps of
  // another protocol need the lab to be able to start its members here.
  const protocolInfo = useLiveStore((s) =>
    step.protocol ? (s.labProtocols?.find((p) => p.protocol === step.protocol) ?? null) : null,
  );
  const protocolOk = !step.protocol || protocolInfo?.available === true;
  const offered = (!step.brokerStep || embedded) && protocolOk;

  async function clean() {
    if (!saved || saved.state !== 'ran') return;
    setPhase('cleaning');
    await cleanUp(api, namesFor(step, saved.runId));
    onProgress((p) => withStep(p, step.id, { runId: saved.runId, state: 'cleaned' }));
    setPhase('idle');
  }

  async function run() {
    if (choice === null) return;
    setError(null);
    setLive({});
    setPhase('running');
    if (saved?.state === 'ran') await cleanUp(api, namesFor(step, saved.runId));
    const runId = newRunId();
    onProgress((p) =>
      withStep(p, step.id, {
        runId,
        predicted: choice,
        state: hasExperiment ? 'ran' : 'cleaned',
        correct: null,
        outcome: {},
      }),
    );
    try {
      const outcome = await step.run(api, namesFor(step, runId));
      onProgress((p) => withStep(p, step.id, { runId, outcome, correct: choice === step.answer }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    setPhase('idle');
  }

  return (
    <article className="space-y-4" data-testid={`learn-step-${step.id}`} aria-labelledby="learn-step-title">
      <header>
        <p className="text-xs uppercase tracking-wider text-zinc-400">{t('stepOf', { n: index + 1 })}</p>
        <h2 id="learn-step-title" className="text-lg font-semibold text-zinc-100">
          {t(key('title'))}
        </h2>
      </header>
      <p className="max-w-prose text-sm leading-relaxed text-zinc-300">{t(key('body'))}</p>
      <fieldset className="space-y-2" disabled={pending || revealed}>
        <legend className="mb-1 text-sm font-medium text-zinc-100">{t(key('question'))}</legend>
        {step.choices.map((c) => (
          <label key={c} className="flex items-center gap-2 text-sm text-zinc-200">
            <input
              type="radio"
              name={`predict-${step.id}`}
              value={c}
              checked={choice === c}
              onChange={() => setChoice(c)}
              data-testid={`learn-choice-${c}`}
            />
            {t(`steps.${step.id}.choices.${c}`)}
          </label>
        ))}
      </fieldset>
      {readOnly ? (
        <p
          className="rounded border border-amber-700 bg-amber-950/40 p-2 text-sm text-amber-200"
          data-testid="learn-read-only"
        >
          {t('readOnly')}
        </p>
      ) : phase === 'asking' ? (
        <div
          className="space-y-2 rounded border border-amber-700 bg-amber-950/40 p-3 text-sm text-amber-100"
          data-testid="learn-ask"
        >
          <p>{t('willCreate', { what: [creates.topic, ...creates.groups].filter(Boolean).join(', ') })}</p>
          <div className="flex gap-2">
            <Button tone="primary" onClick={() => void run()} data-testid="learn-ask-yes">
              {t('goAhead')}
            </Button>
            <Button onClick={() => setPhase('idle')}>{t('cancel')}</Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button
            tone="primary"
            disabled={choice === null || pending || !connected || !offered}
            onClick={() => (embedded || !hasExperiment ? void run() : setPhase('asking'))}
            data-testid="learn-run"
          >
            {phase === 'running' ? t('running') : revealed ? t('rerun') : t('run')}
          </Button>
          {step.brokerStep && !embedded && (
            <span className="text-xs text-amber-200" data-testid="learn-broker-only">
              {t('brokerOnly')}
            </span>
          )}
          {!protocolOk && (
            <span className="text-xs text-amber-200" data-testid="learn-protocol-off">
              {protocolInfo?.why ? t('protocolOff', { why: tLab(`why.${protocolInfo.why}`) }) : t('protocolUnknown')}
            </span>
          )}
          {offered && choice === null && <span className="text-xs text-zinc-400">{t('predictFirst')}</span>}
          {revealed && (
            <Button
              onClick={() => {
                setChoice(null);
                onProgress((p) => withStep(p, step.id, { runId: saved.runId, correct: null }));
              }}
            >
              {t('predictAgain')}
            </Button>
          )}
        </div>
      )}
      <div aria-live="polite" className="text-sm">
        {phase === 'running' && <p className="text-zinc-300">{t('runningLong')}</p>}
        {phase === 'running' && step.live && names && (
          <div className="mt-2" data-testid="learn-live">
            <StepView step={step} names={names} outcome={live} />
          </div>
        )}
        {phase === 'cleaning' && <p className="text-zinc-300">{t('cleaning')}</p>}
        {error && (
          <p className="text-rose-300" data-testid="learn-error">
            {t('failed', { reason: error })}
          </p>
        )}
        {revealed && saved && (
          <div className="space-y-1" data-testid="learn-reveal">
            <p className={saved.correct ? 'font-medium text-emerald-300' : 'font-medium text-amber-300'}>
              {saved.correct ? t('right') : t('wrong', { answer: t(`steps.${step.id}.choices.${step.answer}`) })}
            </p>
            <p className="text-zinc-200">{t(key('reveal'), saved.outcome)}</p>
          </div>
        )}
      </div>
      {revealed && saved && names && (saved.state === 'ran' || !hasExperiment) && (
        <div ref={viewBox} className="space-y-2">
          <h3 className="text-xs font-semibold uppercase tracking-wider text-zinc-400">{t('liveView')}</h3>
          <StepView step={step} names={names} outcome={saved.outcome} />
          <RealScreenLink step={step} topic={names.topic} group={names.groups[0]} />
        </div>
      )}
      {saved?.state === 'ran' && hasExperiment && !pending && (
        <div className="flex flex-wrap items-center gap-2 border-t border-zinc-800 pt-3">
          <Button tone="warn" onClick={() => void clean()} data-testid="learn-cleanup">
            {t('cleanUp')}
          </Button>
          <span className="text-xs text-zinc-400">
            {t('cleanUpHint', { what: names ? [names.topic, ...names.groups].filter(Boolean).join(', ') : '' })}
          </span>
        </div>
      )}
      {saved?.state === 'cleaned' && hasExperiment && revealed && (
        <p className="text-xs text-emerald-300" data-testid="learn-cleaned">
          {t('cleaned')}
        </p>
      )}
    </article>
  );
}

function RealScreenLink({ step, topic, group }: { step: StepDef; topic: string | null; group: string | undefined }) {
  const t = useTranslations('learn');
  const href =
    step.screen === 'group' && group
      ? `/groups/${encodeURIComponent(group)}`
      : step.screen === 'topic' && topic
        ? `/topics/${encodeURIComponent(topic)}`
        : '/';
  return (
    <Link href={href} className="text-sm text-violet-300 underline hover:text-violet-200">
      {t('openScreen')}
    </Link>
  );
}
