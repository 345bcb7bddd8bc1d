import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info' | 'accent';

const TONES: Record<Tone, string> = {
  neutral: 'bg-zinc-800 text-zinc-300 ring-zinc-700',
  good: 'bg-emerald-950 text-emerald-300 ring-emerald-800',
  warn: 'bg-amber-950 text-amber-300 ring-amber-800',
  bad: 'bg-rose-950 text-rose-300 ring-rose-800',
  info: 'bg-sky-950 text-sky-300 ring-sky-800',
  accent: 'bg-violet-950 text-violet-300 ring-violet-700',
};

export function Badge({
  tone = 'neutral',
  children,
  testId,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  testId?: string;
  title?: string;
}) {
  return (
    <span
      data-testid={testId}
      title={title}
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
