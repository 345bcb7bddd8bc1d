'use client';

import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { Card } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { StepCard } from './step-card';
import { STEPS, type StepId } from './steps';
import { EMPTY_PROGRESS, loadProgress, saveProgress, type Progress } from './progress';

/** The guided tour: one step per point of the seed note, each a prediction and a real
 *  experiment on the cluster, progress kept in this browser. */
export function LearnScreen() {
  const t = useTranslations('learn');
  const [progress, setProgress] = useState<Progress>(EMPTY_PROGRESS);
  const [loaded, setLoaded] = useState(false);
  // localStorage exists only after mount; the prerendered page starts at step one.
  useEffect(() => {
    setProgress(loadProgress());
    setLoaded(true);
  }, []);
  const update = useCallback((next: (p: Progress) => Progress) => {
    setProgress((p) => {
      const n = next(p);
      saveProgress(n);
      return n;
    });
  }, []);
  const go = (id: StepId) => update((p) => ({ ...p, current: id }));
  const index = Math.max(
    0,
    STEPS.findIndex((s) => s.id === progress.current),
  );
  const step = STEPS[index];
  const done = (id: StepId) => {
    const c = progress.steps[id]?.correct;
    return c !== null && c !== undefined;
  };

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold text-zinc-100">{t('title')}</h1>
        <p className="max-w-prose text-sm text-zinc-300">{t('intro')}</p>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]">
        <nav aria-label={t('steps.label')} className="min-w-0">
          <ol className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible">
            {STEPS.map((s, i) => (
              <li key={s.id} className="shrink-0">
                <button
                  type="button"
                  onClick={() => go(s.id)}
                  aria-current={s.id === step.id ? 'step' : undefined}
                  data-testid={`learn-nav-${s.id}`}
                  className={`w-full rounded px-2 py-1 text-left text-sm ${s.id === step.id ? 'bg-zinc-800 text-zinc-100' : 'text-zinc-300 hover:bg-zinc-900'}`}
                >
                  <span className="mr-1 tabular-nums text-zinc-400">{i + 1}.</span>
                  {t(`steps.${s.id}.short`)}
                  {done(s.id) && <span className="ml-1 text-emerald-300">{t('done')}</span>}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <Card>
          {loaded && <StepCard key={step.id} step={step} index={index} progress={progress} onProgress={update} />}
          <div className="mt-4 flex justify-between border-t border-zinc-800 pt-3">
            <Button disabled={index === 0} onClick={() => go(STEPS[index - 1].id)}>
              {t('previous')}
            </Button>
            <Button
              disabled={index === STEPS.length - 1}
              onClick={() => go(STEPS[index + 1].id)}
              data-testid="learn-next"
            >
              {t('next')}
            </Button>
          </div>
        </Card>
      </div>
    </div>
  );
}
