'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { LoadRun } from '@/lib/contract/actions';
import { MAX_LOAD_RATE, MAX_LOAD_SECONDS } from '@/lib/contract/action-schemas';
import { useLiveStore } from '@/lib/store';
import { Button } from '@/components/ui/button';
import { Badge, type Tone } from '@/components/ui/badge';
import { Field, TextInput } from '@/components/ui/field';
import { ActionMessage } from '@/components/ui/action-message';
import { useAction } from '@/components/ui/use-action';
import { formatCount } from '@/components/ui/format';

const STATUS_TONE: Record<LoadRun['status'], Tone> = {
  running: 'info',
  done: 'good',
  stopped: 'neutral',
  failed: 'bad',
};

function RunRow({ run }: { run: LoadRun }) {
  const t = useTranslations('lab.load');
  const stop = useAction('produce:load-stop');
  const total = run.rate * run.durationSeconds;
  const pct = Math.min(100, (run.acked / Math.max(1, total)) * 100);
  return (
    <li
      className="rounded border border-zinc-800 p-2 text-xs"
      data-testid={`load-run-${run.id}`}
      data-status={run.status}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[run.status]}>{t(`status.${run.status}`)}</Badge>
        <span className="font-mono text-zinc-300">{run.topic}</span>
        <span className="text-zinc-400">
          {t('runLine', {
            rate: formatCount(run.rate),
            seconds: run.durationSeconds,
            keys: run.keyPattern ?? t('noKeys'),
          })}
          {run.keyPattern?.includes('{n}') ? ` ${t('distinct', { count: formatCount(run.keySpace) })}` : ''}
        </span>
        {run.status === 'running' && (
          <Button size="sm" className="ml-auto" disabled={stop.pending} onClick={() => void stop.run({ id: run.id })}>
            {t('stop')}
          </Button>
        )}
      </div>
      <div className="mt-1.5 h-1.5 rounded bg-zinc-800">
        <div className="h-1.5 rounded bg-sky-500" style={{ width: `${pct}%` }} />
      </div>
      <div className="mt-1 flex flex-wrap gap-3 tabular-nums text-zinc-400">
        <span>{t('sent', { count: formatCount(run.sent) })}</span>
        <span>{t('acked', { count: formatCount(run.acked) })}</span>
        {run.failed > 0 && <span className="text-rose-300">{t('failed', { count: formatCount(run.failed) })}</span>}
        <span data-testid="load-achieved">
          {t('achieved', { achieved: formatCount(run.achievedRate), rate: formatCount(run.rate) })}
        </span>
      </div>
      {run.lastError && <p className="mt-1 text-rose-300">{run.lastError}</p>}
      <ActionMessage error={stop.error} />
    </li>
  );
}

/** Messages per second for a while, keyed by a pattern: to build lag and watch it drain. */
export function LoadPanel({ topic }: { topic: string }) {
  const t = useTranslations('lab.load');
  const [rate, setRate] = useState(100);
  const [duration, setDuration] = useState(30);
  const [keyPattern, setKeyPattern] = useState('order-{n}');
  const [keySpace, setKeySpace] = useState(100);
  const start = useAction('produce:load-start');
  const runs = useLiveStore((s) => s.loads);

  const submit = () =>
    void start.run({
      topic,
      rate,
      durationSeconds: duration,
      keyPattern: keyPattern.trim() === '' ? null : keyPattern,
      keySpace,
    });

  return (
    <div className="space-y-3" data-testid="load-panel">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Field label={t('rate')}>
          <TextInput
            aria-label={t('rateLabel')}
            type="number"
            min={1}
            max={MAX_LOAD_RATE}
            value={rate}
            onChange={(e) => setRate(Math.floor(Number(e.target.value) || 0))}
          />
        </Field>
        <Field label={t('seconds')}>
          <TextInput
            aria-label={t('secondsLabel')}
            type="number"
            min={1}
            max={MAX_LOAD_SECONDS}
            value={duration}
            onChange={(e) => setDuration(Math.floor(Number(e.target.value) || 0))}
          />
        </Field>
        <Field label={t('keyPattern')}>
          <TextInput
            aria-label={t('keyPatternLabel')}
            value={keyPattern}
            placeholder={t('noKey')}
            onChange={(e) => setKeyPattern(e.target.value)}
            className="font-mono"
          />
        </Field>
        <Field label={t('distinctKeys')}>
          <TextInput
            aria-label={t('distinctKeysLabel')}
            type="number"
            min={1}
            value={keySpace}
            onChange={(e) => setKeySpace(Math.floor(Number(e.target.value) || 0))}
          />
        </Field>
      </div>
      <Button tone="primary" onClick={submit} disabled={start.pending || !topic} data-testid="load-start">
        {t('start', { topic: topic || '…' })}
      </Button>
      <ActionMessage error={start.error} testId="load-error" />
      {runs.length > 0 && (
        <ul className="space-y-2">
          {runs.map((r) => (
            <RunRow key={r.id} run={r} />
          ))}
        </ul>
      )}
    </div>
  );
}
