import type { ReactNode } from 'react';
import type { Tone } from './badge';

const VALUE_TONE: Record<Tone, string> = {
  neutral: 'text-zinc-100',
  good: 'text-emerald-300',
  warn: 'text-amber-300',
  bad: 'text-rose-400',
  info: 'text-sky-300',
  accent: 'text-violet-300',
};

export function Stat({
  label,
  value,
  hint,
  tone = 'neutral',
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: Tone;
  testId?: string;
}) {
  return (
    <div data-testid={testId} className="rounded-lg border border-zinc-800 bg-zinc-900/60 px-4 py-3">
      <div className="text-[11px] font-medium uppercase tracking-wider text-zinc-400">{label}</div>
      <div
        className={`mt-1 text-2xl font-semibold tabular-nums ${VALUE_TONE[tone]}`}
        data-testid={testId ? `${testId}-value` : undefined}
      >
        {value}
      </div>
      {hint !== undefined && <div className="mt-0.5 truncate text-xs text-zinc-400">{hint}</div>}
    </div>
  );
}
